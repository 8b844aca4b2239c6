// Conversation: draws the backdrop, the customer's portrait, the speech bubble and the meters; the
// DOM layer holds the choices. Input is forwarded to the ConversationSession, which owns the rules,
// the patience timer and the save.
import * as Phaser from 'phaser';
import { openingSound } from '../src/game/assets.ts';
import { announceAttempt, newAttemptId, versionOf } from '../src/game/attempts.ts';
import { pauseMenu, settingsDialog } from '../src/game/dom/dialogs.ts';
import { ConversationView } from '../src/game/dom/conversation.ts';
import { screenOf } from '../src/game/flow.ts';
import { nameplateCaption } from '../src/game/nameplate.ts';
import { services } from '../src/game/services.ts';
import { ConversationSession, type Beat, type SessionEvent } from '../src/game/session.ts';
import { Meters } from './ui/Meters.ts';
import { Portrait } from './ui/Portrait.ts';
import { queueScenarioArt } from './ui/art.ts';
import { frameStage, hideOverlays } from './ui/layout.ts';
import { SpeechBubble } from './ui/SpeechBubble.ts';
import { addShadedBackdrop, reducedMotion, setupCamera } from './ui/stage.ts';
import { COLOR, FONT, moodWord } from './ui/theme.ts';

export class Conversation extends Phaser.Scene {
  #session!: ConversationSession;
  #view!: ConversationView;
  #bubble!: SpeechBubble;
  #meters!: Meters;
  #portrait!: Portrait;
  #shownBeat: Beat | null = null;
  #shownPhase = '';
  #cleanup: (() => void)[] = [];

  constructor() {
    super('Conversation');
  }

  preload(): void {
    const svc = services();
    const scenario = svc.library.get(svc.flow.getSnapshot().context.scenarioId);
    if (scenario) queueScenarioArt(this, scenario);
  }

  create(): void {
    const svc = services();
    const ctx = svc.flow.getSnapshot().context;
    const scenario = svc.library.get(ctx.scenarioId);
    if (!scenario) {
      svc.flow.send({ type: 'play.quit' });
      return;
    }
    this.#cleanup = [];
    this.#shownBeat = null;
    this.#shownPhase = '';
    const restore = ctx.resume ? svc.slot.load() : null;
    const session = new ConversationSession(scenario, { slot: svc.slot, patienceScale: svc.options.patienceScale, restore });
    this.#session = session;
    if (!session.resumed) session.save();

    setupCamera(this);
    addShadedBackdrop(this, scenario.setting, { top: 420, alpha: 0.55 });
    this.#portrait = new Portrait(this, scenario.id, 270, 740, 1.12, session.beat.emotion);
    this.#nameplate(scenario.customer.name, nameplateCaption(scenario.setting, scenario.company));
    const textScale = svc.settings.value.textSize / 100;
    this.#bubble = new SpeechBubble(this, scenario.customer.name, textScale);
    this.#meters = new Meters(this, scenario.customer.name, session.context.mood, reducedMotion());

    this.#view = new ConversationView(scenario.title, scenario.customer.name, {
      onChoose: (id) => this.#choose(id),
      onContinue: () => session.advance(),
      onSkip: () => this.#bubble.skip(),
      onPause: () => svc.flow.send({ type: 'play.pause' }),
    });
    svc.shell.mount(this.#view.el);

    const off = session.subscribe((e) => this.#onSession(e));
    this.#cleanup.push(off);

    // Sound: voice for this scenario loads now; the opening ring or bell on a fresh start.
    svc.audio.playAmbient(scenario.setting);
    void svc.audio.loadVoices(scenario.id).then(() => {
      if (this.#shownBeat && this.scene.isActive()) this.#voice(this.#shownBeat);
    });
    const opening = openingSound(scenario.setting);
    if (opening && !session.resumed) svc.audio.effect(opening);

    this.#listen(window, 'keydown', (e) => this.#onKey(e as KeyboardEvent));
    this.#listen(window, 'pagehide', () => session.save());
    this.#listen(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        session.save();
        if (screenOf(svc.flow.getSnapshot().value) === 'play') svc.flow.send({ type: 'play.pause' });
      }
    });
    const flowSub = svc.flow.subscribe((snap) => {
      const paused = typeof snap.value === 'object' && (snap.value as Record<string, string>).play === 'paused';
      if (paused && !session.paused) this.#pause();
      else if (!paused && session.paused && screenOf(snap.value) === 'play') this.#resume();
    });
    this.#cleanup.push(() => flowSub.unsubscribe());

    // Text size changed from the pause menu: re-lay out the bubble now.
    let textSize = svc.settings.value.textSize;
    this.#cleanup.push(
      svc.settings.subscribe((v) => {
        if (v.textSize === textSize) return;
        textSize = v.textSize;
        this.#view.setTopLimit(this.#bubble.setTextScale(v.textSize / 100) + 18);
      }),
    );

    // Turning the phone only re-frames the stage: the session, its clock and the typed line go on.
    frameStage(this, svc.shell.layout);
    this.#cleanup.push(svc.shell.onLayout((layout) => frameStage(this, layout)));

    this.#render();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.#shutdown());
  }

  update(time: number, delta: number): void {
    if (!this.#session) return;
    const s = this.#session;
    this.#bubble.update(delta, s.paused);
    const frac = s.patienceFraction();
    const left = s.patienceRemaining();
    this.#meters.update(delta, frac, left, time);
    this.#view.setMeters(s.context.mood, moodWord(s.context.mood), frac * 100, left);
    this.#view.reveal(this.#bubble.shownShare);
  }

  #listen(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, fn);
    this.#cleanup.push(() => target.removeEventListener(type, fn));
  }

  #nameplate(name: string, caption: string): void {
    const rs = services().renderScale;
    const t = this.add.text(270, 664, name, { fontFamily: FONT.head, fontSize: '22px', fontStyle: '900', color: COLOR.onInk, resolution: rs }).setOrigin(0.5).setDepth(9);
    const c = this.add.text(270, 690, caption, { fontFamily: FONT.body, fontSize: '13px', fontStyle: '600', color: COLOR.onInkSoft, resolution: rs }).setOrigin(0.5).setDepth(9);
    const w = Math.max(t.width, c.width) + 44;
    this.add.graphics().setDepth(8).fillStyle(COLOR.ink, 0.9).fillRoundedRect(270 - w / 2, 640, w, 68, 20).lineStyle(2, COLOR.coral, 1).strokeRoundedRect(270 - w / 2, 640, w, 68, 20);
  }

  #onSession(e: SessionEvent): void {
    const svc = services();
    switch (e.type) {
      case 'unlocked':
        this.#view.unlock();
        break;
      case 'turn':
        if (e.event.type === 'customer.patienceExpired' && !reducedMotion()) this.cameras.main.shake(260, 0.006);
        break;
      case 'finished': {
        const { report, events, seed } = e;
        const scenarioId = this.#session.scenario.id;
        svc.history.add({ scenarioId, overall: report.overall, passed: report.passed, outcome: report.outcome, at: new Date().toISOString() });
        const scenarioVersion = versionOf(this.#session.scenario);
        announceAttempt({ scenarioId, clientAttemptId: newAttemptId(), events, seed, report, ...(scenarioVersion ? { scenarioVersion } : {}) });
        svc.flow.send({ type: 'play.finished', result: { scenarioId, report, events } });
        return;
      }
      case 'changed':
        break;
    }
    this.#render();
  }

  /** Brings the screen in line with the session: a new beat, choices, or Continue. */
  #render(): void {
    const s = this.#session;
    const beat = s.beat;
    const svc = services();
    if (beat && beat !== this.#shownBeat) {
      this.#shownBeat = beat;
      this.#shownPhase = '';
      this.#portrait.setEmotion(beat.emotion);
      this.#meters.setMood(s.context.mood);
      svc.shell.say(`${beat.narration ? `${beat.narration} ` : ''}${s.scenario.customer.name}: ${beat.text}`);
      this.#voice(beat);
      if (s.scenario.setting === 'chat') svc.audio.effect('type');
      this.#view.clearChoices('Enter, Space or click to skip');
      const instant = svc.options.instantText || reducedMotion();
      this.#view.setLine(beat.text, beat.narration);
      const bottom = this.#bubble.say(beat.text, beat.narration, beat.reply, instant, () => s.lineShown());
      this.#view.setTopLimit(bottom + 18);
      this.#view.reveal(this.#bubble.shownShare);
      if (svc.shell.layout === 'portrait') hideOverlays(this, true);
    }
    if (s.phase !== this.#shownPhase) {
      this.#shownPhase = s.phase;
      if (s.phase === 'choosing') {
        this.#bubble.hideReply();
        this.#view.showChoices(s.view.choices, s.view.unlocked);
      } else if (s.phase === 'waiting') {
        this.#bubble.hideReply();
        this.#view.showContinue(beat.kind === 'ending' ? 'See how you did' : 'Continue');
      }
    }
  }

  #voice(beat: Beat): void {
    const svc = services();
    if (beat.kind === 'silence') return svc.audio.stopVoice();
    const key = beat.kind === 'ending' ? `ending-${beat.node}` : beat.node;
    svc.audio.voice(this.#session.scenario.id, key, beat.text);
  }

  #choose(id: string): boolean {
    const taken = this.#session.choose(id);
    if (taken) services().audio.effect('click');
    return taken;
  }

  #onKey(e: KeyboardEvent): void {
    const svc = services();
    if (svc.shell.overlayOpen || e.altKey || e.ctrlKey || e.metaKey) return;
    const s = this.#session;
    if (e.key === 'Escape') {
      e.preventDefault();
      svc.flow.send({ type: 'play.pause' });
      return;
    }
    if (/^[1-9]$/.test(e.key) && s.phase === 'choosing') {
      const id = this.#view.choiceByKey(Number(e.key));
      if (id && this.#view.unlocked) {
        e.preventDefault();
        this.#view.pick(id);
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      // A focused button handles Enter/Space itself.
      if ((e.target as HTMLElement | null)?.closest?.('button, input, select, textarea')) return;
      e.preventDefault();
      if (this.#bubble.typing) this.#bubble.skip();
      else if (s.phase === 'waiting') s.advance();
    }
  }

  #pause(): void {
    const svc = services();
    this.#session.pause();
    svc.audio.stopVoice();
    const menu = pauseMenu({
      onResume: () => svc.flow.send({ type: 'play.resume' }),
      onSettings: () => {
        const dialog = settingsDialog(svc.settings, () => {
          svc.shell.showOverlay(menu);
          menu.querySelector<HTMLElement>('[data-action="settings"]')?.focus();
        });
        svc.shell.showOverlay(dialog);
      },
      onQuit: () => {
        this.#session.save();
        svc.flow.send({ type: 'play.quit' });
      },
    });
    svc.shell.showOverlay(menu);
    if (!reducedMotion()) this.tweens.pauseAll();
  }

  #resume(): void {
    const svc = services();
    svc.shell.hideOverlay();
    this.tweens.resumeAll();
    this.#session.resume();
    const first = this.#view.el.querySelector<HTMLElement>('.choice');
    first?.focus({ preventScroll: true });
  }

  #shutdown(): void {
    const svc = services();
    for (const fn of this.#cleanup) fn();
    this.#cleanup = [];
    svc.shell.hideOverlay();
    svc.shell.unmount(this.#view.el);
    svc.audio.stopAmbient();
    svc.audio.releaseVoices();
    this.#portrait.destroy();
    this.#session.dispose();
  }
}
