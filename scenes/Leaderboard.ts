// Leaderboard: the signed-in player's team board over the select screen's quiet backdrop.
import * as Phaser from 'phaser';
import { leaderboardScreen, type BoardQuery } from '../src/game/dom/leaderboard.ts';
import { servicesOf } from './ui/services.ts';
import { H, setupCamera, W } from './ui/stage.ts';
import { COLOR } from './ui/theme.ts';

/** The last choices, kept while the game runs. */
let remembered: Omit<BoardQuery, 'teamId'> & { teamId: number | null } = { teamId: null, scenario: null, period: 'week', mode: 'best' };

export class Leaderboard extends Phaser.Scene {
  constructor() {
    super('Leaderboard');
  }

  create(): void {
    const svc = servicesOf(this);
    const online = svc.online;
    const team = online.team;
    if (!online.user || !team) {
      svc.flow.send({ type: 'nav.back' });
      return;
    }
    setupCamera(this);
    const g = this.add.graphics();
    g.fillGradientStyle(0x2a2350, 0x2a2350, COLOR.ink, COLOR.ink, 1);
    g.fillRect(0, 0, W, H);
    g.fillStyle(0xffffff, 0.035);
    for (let y = 20; y < H; y += 36) for (let x = (y / 36) % 2 ? 18 : 0; x < W; x += 36) g.fillCircle(x, y, 2);

    const teams = online.teams.length ? online.teams : [team];
    const query: BoardQuery = { ...remembered, teamId: teams.some((t) => t.id === remembered.teamId) ? (remembered.teamId as number) : team.id };
    let seq = 0;
    let alive = true;
    const load = async (q: BoardQuery) => {
      remembered = { ...q };
      const mine = ++seq;
      view.show({ kind: 'loading' });
      try {
        const board = await online.api.leaderboard(q.teamId, q);
        if (alive && mine === seq) view.show({ kind: 'board', board });
      } catch (e) {
        if (alive && mine === seq) view.show({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    };
    const view = leaderboardScreen({
      teams,
      scenarios: svc.library.list.map((s) => ({ id: s.id, title: s.title })),
      query,
      optedOut: online.user.role === 'trainee' ? online.user.leaderboardOptOut : null,
      onQuery: (q) => void load(q),
      onOptOut: async (optOut) => {
        await online.setOptOut(optOut);
        await load(remembered as BoardQuery);
      },
      onBack: () => svc.flow.send({ type: 'nav.back' }),
    });
    svc.shell.mount(view.el);
    view.el.querySelector<HTMLElement>('[data-action="back"]')?.focus();
    void load(query);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !svc.shell.overlayOpen) svc.flow.send({ type: 'nav.back' });
    };
    window.addEventListener('keydown', onKey);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      alive = false;
      window.removeEventListener('keydown', onKey);
      svc.shell.unmount(view.el);
    });
  }
}
