// Debrief: the scored transcript. The backdrop stays, dimmed; confetti when the customer was won back.
import * as Phaser from 'phaser';
import { paths } from '../src/game/assets.ts';
import { buildDebrief } from '../src/game/debrief.ts';
import { debriefScreen } from '../src/game/dom/debrief.ts';
import { syncNote } from '../src/game/dom/sync.ts';
import { servicesOf } from './ui/services.ts';
import { addBackdrop, H, reducedMotion, setupCamera, W } from './ui/stage.ts';
import { COLOR } from './ui/theme.ts';

export class Debrief extends Phaser.Scene {
  constructor() {
    super('Debrief');
  }

  create(): void {
    const svc = servicesOf(this);
    const { result } = svc.flow.getSnapshot().context;
    const scenario = svc.library.get(result?.scenarioId);
    if (!result || !scenario) {
      svc.flow.send({ type: 'debrief.menu' });
      return;
    }
    setupCamera(this);
    addBackdrop(this, scenario.setting, 0.72);
    const model = buildDebrief(scenario, result.report, result.events);
    if (model.outcome === 'won-back' && !reducedMotion(this)) this.#confetti();
    const ending = result.report.ending ? scenario.endings[result.report.ending] : null;
    const url = paths.portrait(scenario.id, ending?.emotion ?? 'calm');
    // Signed in: where this attempt went (saved, queued, refused), updated as the outbox reports.
    const latest = svc.online.latest;
    const mine = latest && latest.scenarioId === result.scenarioId && latest.localScore === result.report.overall ? latest : null;
    const sync = mine ? syncNote(mine) : null;
    const el = debriefScreen({
      sync: sync?.el,
      model,
      ownWords: result.ownWords,
      portraitUrl: svc.assets.has(url) ? url : null,
      onRetry: () => svc.flow.send({ type: 'debrief.retry' }),
      onMenu: () => svc.flow.send({ type: 'debrief.menu' }),
    });
    svc.shell.mount(el);
    svc.shell.status(`${model.outcomeLabel}. Overall ${model.scores.overall}, ${model.passed ? 'pass' : 'not yet a pass'}.`);
    svc.audio.effect(model.passed ? 'success' : 'failure');
    (el.querySelector('h1') as HTMLElement | null)?.setAttribute('tabindex', '-1');
    (el.querySelector('h1') as HTMLElement | null)?.focus();
    let offSync = () => {};
    if (sync && mine) {
      const apply = (v: typeof mine) => {
        sync.update(v);
        // The server's replay is the record: if it ever differs, show its score.
        if (v.state === 'saved' && v.attempt.score !== model.scores.overall) {
          const ring = el.querySelector<HTMLElement>('.ring');
          ring?.style.setProperty('--v', String(v.attempt.score));
          ring?.setAttribute('aria-label', `Overall ${v.attempt.score} out of 100 (as scored by the server)`);
          const value = el.querySelector('[data-score="overall"]');
          if (value) value.textContent = String(v.attempt.score);
        }
        if (v.state !== 'sending') svc.shell.status(sync.el.textContent ?? '');
      };
      apply(mine);
      offSync = svc.online.onSync((v) => v.clientAttemptId === mine.clientAttemptId && apply(v));
    }
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      offSync();
      svc.shell.unmount(el);
    });
  }

  #confetti(): void {
    const colors = [COLOR.coral, COLOR.amber, COLOR.teal, COLOR.paper, 0x8fb3ff];
    for (let i = 0; i < 70; i++) {
      const g = this.add.graphics();
      const w = 8 + (i % 3) * 3;
      g.fillStyle(colors[i % colors.length], 1);
      g.fillRect(-w / 2, -3, w, 6);
      const x = ((i * 211) % W) + 10;
      g.setPosition(x, -20 - ((i * 53) % 200));
      g.setRotation(i);
      this.tweens.add({
        targets: g,
        y: H + 40,
        x: x + (((i * 7) % 9) - 4) * 30,
        rotation: i + 6 + (i % 4),
        duration: 2600 + ((i * 97) % 1800),
        delay: (i * 31) % 900,
        ease: 'Sine.easeIn',
        onComplete: () => g.destroy(),
      });
    }
  }
}
