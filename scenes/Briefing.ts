// Briefing: the customer as they are when the conversation starts, and the brief beside them.
import * as Phaser from 'phaser';
import { briefingScreen } from '../src/game/dom/briefing.ts';
import { servicesOf } from './ui/services.ts';
import { Portrait } from './ui/Portrait.ts';
import { queueScenarioArt } from './ui/art.ts';
import { addBackdrop, addVignette, setupCamera } from './ui/stage.ts';
import { COLOR, FONT } from './ui/theme.ts';

export class Briefing extends Phaser.Scene {
  constructor() {
    super('Briefing');
  }

  preload(): void {
    const svc = servicesOf(this);
    const scenario = svc.library.get(svc.flow.getSnapshot().context.scenarioId);
    if (scenario) queueScenarioArt(this, scenario);
  }

  create(): void {
    const svc = servicesOf(this);
    const scenario = svc.library.get(svc.flow.getSnapshot().context.scenarioId);
    if (!scenario) {
      svc.flow.send({ type: 'nav.back' });
      return;
    }
    setupCamera(this);
    addBackdrop(this, scenario.setting, 0.35);
    addVignette(this, 0.7);
    const start = scenario.nodes[scenario.start];
    const portrait = new Portrait(this, scenario.id, 300, 720, 1.12, start?.emotion ?? 'calm');
    const plate = this.add.graphics().setDepth(8);
    const name = this.add
      .text(300, 650, scenario.customer.name, { fontFamily: FONT.head, fontSize: '26px', fontStyle: '900', color: COLOR.onInk, resolution: svc.renderScale })
      .setOrigin(0.5)
      .setDepth(9);
    const w = name.width + 48;
    plate.fillStyle(COLOR.ink, 0.88).fillRoundedRect(300 - w / 2, 626, w, 48, 24);
    plate.lineStyle(2, COLOR.coral, 1).strokeRoundedRect(300 - w / 2, 626, w, 48, 24);
    const best = svc.history.best(scenario.id);
    const el = briefingScreen({
      scenario,
      best: best ? best.overall : null,
      onBegin: () => svc.flow.send({ type: 'briefing.begin' }),
      onBack: () => svc.flow.send({ type: 'nav.back' }),
    });
    svc.shell.mount(el);
    el.querySelector<HTMLElement>('[data-action="begin"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !svc.shell.overlayOpen) svc.flow.send({ type: 'nav.back' });
    };
    window.addEventListener('keydown', onKey);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('keydown', onKey);
      portrait.destroy();
      svc.shell.unmount(el);
    });
  }
}
