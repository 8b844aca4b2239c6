// Everything a conversation needs around its session, except drawing: the DOM layer (choices,
// Continue, meters for screen readers), keyboard, pause and settings, saving when the page hides,
// sound, the local history and reporting the attempt. The Conversation scene creates one with a
// ConversationStage (what it draws) and calls frame() every frame; it holds no rules of its own.
import type { Emotion, Scenario } from '../engine/schema.ts';
import { openingSound } from './assets.ts';
import { announceAttempt, newAttemptId, versionOf } from './attempts.ts';
import { pauseMenu, settingsDialog } from './dom/dialogs.ts';
import { ConversationView } from './dom/conversation.ts';
import { ownWordsPanel } from './dom/own-words.ts';
import { ownWordsReader } from './own-words.ts';
import type { OwnWordsTurn } from '../shared/own-words.ts';
import { screenOf } from './flow.ts';
import { moodWord } from './mood.ts';
import type { GameServices } from './services.ts';
import { ConversationSession, type Beat, type SessionEvent } from './session.ts';

/** What the scene draws; the host says when. */
export interface ConversationStage {
  /** Types the beat's line in the bubble (at once when `instant`), calling `shown` when it is all on screen; returns the bubble's bottom edge. */
  say(beat: Beat, instant: boolean, shown: () => void): number;
  /** The share of the current line typed out so far, 0..1 (the portrait layout's line card follows it). */
  readonly shownShare: number;
  setEmotion(emotion: Emotion): void;
  setMood(mood: number): void;
  hideReply(): void;
  /** The line is still being typed. */
  readonly typing: boolean;
  skipTyping(): void;
  /** Lays the bubble out at a new text scale; returns its bottom edge. */
  setTextScale(scale: number): number;
  /** The customer ran out of patience (a shake, where motion is allowed). */
  patienceRanOut(): void;
  /** Freeze or resume the stage's animations while paused. */
  setPaused(paused: boolean): void;
}

export class ConversationHost {
  readonly session: ConversationSession;
  #view: ConversationView | null = null;
  #stage: ConversationStage | null = null;
  #shownBeat: Beat | null = null;
  #shownPhase = '';
  #cleanup: (() => void)[] = [];
  /** Own-words mode: the replies typed this conversation. */
  #typed: OwnWordsTurn[] = [];

  /** The session (a fresh attempt, or the saved one when the flow resumes); start() shows it. */
  constructor(
    readonly svc: GameServices,
    readonly scenario: Scenario,
  ) {
    const restore = svc.flow.getSnapshot().context.resume ? svc.slot.load() : null;
    this.session = new ConversationSession(scenario, { slot: svc.slot, patienceScale: svc.options.patienceScale, restore });
    if (!this.session.resumed) this.session.save();
  }

  get view(): ConversationView {
    if (!this.#view) throw new Error('the conversation has not started');
    return this.#view;
  }

  get stage(): ConversationStage {
    if (!this.#stage) throw new Error('the conversation has not started');
    return this.#stage;
  }

  /** Puts the conversation on screen: the scene has drawn the customer as the session begins. */
  start(stage: ConversationStage): void {
    const { svc, scenario, session } = this;
    this.#stage = stage;
    this.#view = new ConversationView(scenario.title, scenario.customer.name, {
      onChoose: (id) => this.#choose(id),
      onContinue: () => session.advance(),
      onSkip: () => stage.skipTyping(),
      onPause: () => svc.flow.send({ type: 'play.pause' }),
    });
    svc.shell.mount(this.view.el);
    this.#cleanup.push(session.subscribe((e) => this.#onSession(e)));

    // Sound: voice for this scenario loads now; the opening ring or bell on a fresh start.
    svc.audio.playAmbient(scenario.setting);
    void svc.audio.loadVoices(scenario.id).then(() => {
      if (this.#shownBeat && this.#cleanup.length) this.#voice(this.#shownBeat);
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
        this.view.setTopLimit(stage.setTextScale(v.textSize / 100) + 18);
      }),
    );
    this.#render();
  }

  /** Once a frame: the meters the screen reader hears follow the session. */
  frame(): void {
    const s = this.session;
    if (!this.#view) return;
    this.view.setMeters(s.context.mood, moodWord(s.context.mood), s.patienceFraction() * 100, s.patienceRemaining());
    this.view.reveal(this.stage.shownShare);
  }

  dispose(): void {
    const svc = this.svc;
    for (const fn of this.#cleanup) fn();
    this.#cleanup = [];
    svc.shell.hideOverlay();
    if (this.#view) svc.shell.unmount(this.#view.el);
    svc.audio.stopAmbient();
    svc.audio.releaseVoices();
    this.session.dispose();
  }

  #listen(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, fn);
    this.#cleanup.push(() => target.removeEventListener(type, fn));
  }

  #onSession(e: SessionEvent): void {
    const svc = this.svc;
    switch (e.type) {
      case 'unlocked':
        this.view.unlock();
        break;
      case 'turn':
        if (e.event.type === 'customer.patienceExpired') this.stage.patienceRanOut();
        break;
      case 'finished': {
        const { report, events, seed } = e;
        const scenarioId = this.scenario.id;
        svc.history.add({ scenarioId, overall: report.overall, passed: report.passed, outcome: report.outcome, at: new Date().toISOString() });
        const scenarioVersion = versionOf(this.scenario);
        const ownWords = this.#typed.length ? { ownWords: [...this.#typed] } : {};
        announceAttempt({ scenarioId, clientAttemptId: newAttemptId(), events, seed, report, ...(scenarioVersion ? { scenarioVersion } : {}), ...ownWords });
        svc.flow.send({ type: 'play.finished', result: { scenarioId, report, events, ...ownWords } });
        return;
      }
      case 'changed':
        break;
    }
    this.#render();
  }

  /** Brings the screen in line with the session: a new beat, choices, or Continue. */
  #render(): void {
    const s = this.session;
    const beat = s.beat;
    const svc = this.svc;
    if (beat && beat !== this.#shownBeat) {
      this.#shownBeat = beat;
      this.#shownPhase = '';
      this.stage.setEmotion(beat.emotion);
      this.stage.setMood(s.context.mood);
      svc.shell.say(`${beat.narration ? `${beat.narration} ` : ''}${this.scenario.customer.name}: ${beat.text}`);
      this.#voice(beat);
      if (this.scenario.setting === 'chat') svc.audio.effect('type');
      this.view.clearChoices('Enter, Space or click to skip');
      const instant = svc.options.instantText || svc.settings.reducedMotion;
      this.view.setLine(beat.text, beat.narration);
      const bottom = this.stage.say(beat, instant, () => s.lineShown());
      this.view.setTopLimit(bottom + 18);
      this.view.reveal(this.stage.shownShare);
    }
    if (s.phase !== this.#shownPhase) {
      this.#shownPhase = s.phase;
      if (s.phase === 'choosing') {
        this.stage.hideReply();
        // The player's setting, or the trainer's own-words option on the assignment being played.
        if (svc.settings.value.ownWords || svc.online.ownWordsFor(this.scenario.id)) this.#showOwnWords();
        else this.view.showChoices(s.view.choices, s.view.unlocked);
      } else if (s.phase === 'waiting') {
        this.stage.hideReply();
        this.view.showContinue(beat.kind === 'ending' ? 'See how you did' : 'Continue');
      }
    }
  }

  /** Own-words mode: the reply box; the confirmed reply goes through choose() like a click. */
  #showOwnWords(): void {
    const s = this.session;
    const node = this.scenario.nodes[s.context.node];
    const replies = s.view.choices.map((c) => ({ id: c.id, text: c.text, moves: node?.choices.find((x) => x.id === c.id)?.moves ?? [] }));
    const panel = ownWordsPanel({
      replies,
      understand: async (typed) => (await ownWordsReader()).understand(typed, replies, this.svc.online.teamExamples),
      confirm: ({ id, typed, suggested, corrected, unsure }) => {
        const turn = s.events.length;
        if (!s.choose(id)) return false;
        this.#typed.push({ turn, typed, suggested, choice: id, corrected, ...(unsure ? { unsure: true } : {}) });
        this.svc.audio.effect('click');
        return true;
      },
    });
    this.view.showOwnWords(panel);
  }

  #voice(beat: Beat): void {
    const audio = this.svc.audio;
    if (beat.kind === 'silence') return audio.stopVoice();
    const key = beat.kind === 'ending' ? `ending-${beat.node}` : beat.node;
    audio.voice(this.scenario.id, key, beat.text);
  }

  #choose(id: string): boolean {
    const taken = this.session.choose(id);
    if (taken) this.svc.audio.effect('click');
    return taken;
  }

  #onKey(e: KeyboardEvent): void {
    const svc = this.svc;
    if (svc.shell.overlayOpen || e.altKey || e.ctrlKey || e.metaKey) return;
    const s = this.session;
    if (e.key === 'Escape') {
      e.preventDefault();
      svc.flow.send({ type: 'play.pause' });
      return;
    }
    if (/^[1-9]$/.test(e.key) && s.phase === 'choosing') {
      const id = this.view.choiceByKey(Number(e.key));
      if (id && this.view.unlocked) {
        e.preventDefault();
        this.view.pick(id);
      }
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      // A focused button handles Enter/Space itself.
      if ((e.target as HTMLElement | null)?.closest?.('button, input, select, textarea')) return;
      e.preventDefault();
      if (this.stage.typing) this.stage.skipTyping();
      else if (s.phase === 'waiting') s.advance();
    }
  }

  #pause(): void {
    const svc = this.svc;
    this.session.pause();
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
        this.session.save();
        svc.flow.send({ type: 'play.quit' });
      },
    });
    svc.shell.showOverlay(menu);
    this.stage.setPaused(true);
  }

  #resume(): void {
    this.svc.shell.hideOverlay();
    this.stage.setPaused(false);
    this.session.resume();
    this.view.el.querySelector<HTMLElement>('.choice')?.focus({ preventScroll: true });
  }
}
