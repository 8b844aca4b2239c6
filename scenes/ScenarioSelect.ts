// Scenario select: DOM cards over a quiet patterned backdrop.
import * as Phaser from 'phaser';
import { paths } from '../src/game/assets.ts';
import { assignmentFor, onAssignmentsChanged } from '../src/game/assignments.ts';
import { assignmentBadge, selectScreen } from '../src/game/dom/select.ts';
import { servicesOf } from './ui/services.ts';
import { H, setupCamera, W } from './ui/stage.ts';
import { COLOR } from './ui/theme.ts';

export class ScenarioSelect extends Phaser.Scene {
  constructor() {
    super('ScenarioSelect');
  }

  create(): void {
    const svc = servicesOf(this);
    setupCamera(this);
    const g = this.add.graphics();
    g.fillGradientStyle(0x232a4a, 0x232a4a, COLOR.ink, COLOR.ink, 1);
    g.fillRect(0, 0, W, H);
    g.fillStyle(0xffffff, 0.035);
    for (let y = 20; y < H; y += 36) for (let x = (y / 36) % 2 ? 18 : 0; x < W; x += 36) g.fillCircle(x, y, 2);
    const portrait = (id: string) => {
      const url = paths.portrait(id, 'calm');
      return svc.assets.has(url) ? url : null;
    };
    const el = selectScreen({
      cards: svc.library.list.map((scenario) => ({
        scenario,
        portraitUrl: portrait(scenario.id),
        best: svc.history.best(scenario.id),
        attempts: svc.history.attempts(scenario.id),
        assignment: assignmentFor(scenario.id),
      })),
      onPick: (id) => svc.flow.send({ type: 'select.pick', scenarioId: id }),
      onBack: () => svc.flow.send({ type: 'nav.back' }),
      onLeaderboard: svc.online.team ? () => svc.flow.send({ type: 'leaderboard.open' }) : undefined,
    });
    svc.shell.mount(el);
    const last = svc.flow.getSnapshot().context.scenarioId;
    const target = (last && el.querySelector<HTMLElement>(`[data-scenario="${last}"]`)) || el.querySelector<HTMLElement>('.card');
    target?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !svc.shell.overlayOpen) svc.flow.send({ type: 'nav.back' });
    };
    window.addEventListener('keydown', onKey);
    // Assignment markers arrive from the server integration, possibly after the screen is shown.
    const offAssignments = onAssignmentsChanged(() => {
      for (const art of el.querySelectorAll<HTMLElement>('[data-scenario]')) {
        art.querySelector('[data-hook="assignment"]')?.remove();
        const badge = assignmentBadge(assignmentFor(art.dataset.scenario as string));
        if (badge) art.querySelector('.card-art')?.append(badge);
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      offAssignments();
      window.removeEventListener('keydown', onKey);
      svc.shell.unmount(el);
    });
  }
}
