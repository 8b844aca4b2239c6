// One conversation as the player experiences it: the engine's compiled machine (the rules), the
// patience timer (the clock), the beats the scene shows one after another, and the save slot.
// Plain TypeScript: the Conversation scene draws `view` and forwards input here.
import { createActor, fromCallback, type Actor } from 'xstate';
import { compile, type ConversationMachine } from '../engine/compile.ts';
import { checkEvent, type ConversationContext, type ConversationEvent } from '../engine/conversation.ts';
import { reportFor, type ConversationReport } from '../engine/report.ts';
import type { Emotion, Scenario } from '../engine/schema.ts';
import { isSeed, newSeed, shuffledChoices } from '../engine/shuffle.ts';
import type { Clock } from './clock.ts';
import { PatienceTimer } from './patience.ts';
import { turnMachine, type BeatKind, type ClockCommand, type ClockInput } from './turn.ts';
import { SAVE_VERSION, seedOf, type SaveSlot, type SavedConversation } from './save.ts';

export type { BeatKind };

/** One thing the customer says, shown typed out. */
export interface Beat {
  kind: BeatKind;
  /** The node (or ending) this beat belongs to. */
  node: string;
  text: string;
  emotion: Emotion;
  narration?: string;
  /** What the player said just before, shown as their speech bubble. */
  reply?: string;
}

/**
 * speaking: the line is being typed out; choosing: choices on screen, patience draining;
 * waiting: a silence or ending line shown, waiting for Continue; finished: the conversation is over.
 */
export type Phase = 'speaking' | 'choosing' | 'waiting' | 'finished';

/** A reply as shown: in the attempt's shuffled order, `key` its 1-based place (and keyboard key). */
export interface ChoiceView {
  id: string;
  text: string;
  key: number;
}

export interface SessionView {
  phase: Phase;
  beat: Beat;
  choices: ChoiceView[];
  /** Choices can be taken (after the first second). */
  unlocked: boolean;
  mood: number;
  patience: number;
  paused: boolean;
}

export type SessionEvent =
  | { type: 'changed' }
  | { type: 'unlocked' }
  | { type: 'turn'; event: ConversationEvent }
  | { type: 'finished'; report: ConversationReport; events: ConversationEvent[]; seed: number };

export interface SessionOptions {
  slot?: SaveSlot;
  clock?: Clock;
  patienceScale?: number;
  /** Continue a saved conversation instead of starting fresh. */
  restore?: SavedConversation | null;
  passMark?: number;
  /** The reply-order seed of a new attempt (default: newSeed()); a restored save keeps its own. */
  seed?: number;
}

const ANGRIER: Record<Emotion, Emotion> = {
  calm: 'annoyed',
  worried: 'annoyed',
  annoyed: 'angry',
  angry: 'furious',
  furious: 'furious',
  relieved: 'annoyed',
};

/** What the customer says when the player's silence has no scripted line. */
export const DEFAULT_SILENCE_LINE = 'Hello? Are you still there?';

/** The transcript events that lead to this context. */
export function eventsOf(ctx: ConversationContext): ConversationEvent[] {
  return ctx.turns.map((t) =>
    t.choice === null ? { type: 'customer.patienceExpired' } : { type: 'player.choose', choice: t.choice, seconds: t.seconds },
  );
}

export class ConversationSession {
  readonly scenario: Scenario;
  #actor: Actor<ConversationMachine>;
  #beats: Beat[] = [];
  /** The turn's phases and the patience clock (src/game/turn.ts). */
  #turn: Actor<typeof turnMachine>;
  #timer: PatienceTimer | null = null;
  #listeners = new Set<(e: SessionEvent) => void>();
  #pendingSilence: { node: string; text: string; emotion: Emotion } | null = null;
  #pendingReply: string | undefined;
  #o: SessionOptions;
  #resumeElapsed = 0;
  #restored = false;
  #seed: number;

  constructor(scenario: Scenario, options: SessionOptions = {}) {
    this.scenario = scenario;
    this.#o = options;
    const machine = compile(scenario).provide({
      actions: {
        customerSpeaks: (_args, params) => this.#onSpeaks(params.node),
        conversationEnded: (_args, params) => this.#onEnded(params.ending),
      },
    });
    const restore = options.restore && options.restore.scenarioId === scenario.id ? options.restore : null;
    let actor: Actor<ConversationMachine> | null = null;
    if (restore) {
      try {
        actor = createActor(machine, { snapshot: restore.snapshot as never });
        actor.start();
        if (actor.getSnapshot().status !== 'active' || !scenario.nodes[actor.getSnapshot().context.node]) {
          actor.stop();
          actor = null;
        }
      } catch {
        actor = null;
      }
    }
    if (actor && restore) {
      this.#actor = actor;
      this.#restored = true;
      this.#seed = seedOf(restore);
      this.#resumeElapsed = restore.elapsed;
      const node = scenario.nodes[this.context.node];
      this.#beats = [{ kind: 'line', node: this.context.node, text: node.line, emotion: node.emotion, narration: node.narration }];
    } else {
      // A new attempt draws the seed its replies are shown in; the save keeps it for resume.
      this.#seed = isSeed(options.seed) ? options.seed : newSeed();
      this.#actor = createActor(machine);
      this.#actor.start();
    }
    this.#turn = createActor(turnMachine.provide({ actors: { patienceClock: this.#patienceClock() } }));
    this.#turn.on('choicesUnlocked', () => this.#emit({ type: 'unlocked' }));
    this.#turn.on('patienceRanOut', () => this.#onPatienceExpired());
    this.#turn.on('finished', () => this.#finish());
    this.#turn.start();
  }

  /** The attempt's reply-order seed (src/engine/shuffle.ts), saved with it and sent with the attempt. */
  get seed(): number {
    return this.#seed;
  }

  /** True when this session continued a save. */
  get resumed(): boolean {
    return this.#restored;
  }

  get context(): ConversationContext {
    return this.#actor.getSnapshot().context;
  }
  get events(): ConversationEvent[] {
    return eventsOf(this.context);
  }
  get beat(): Beat {
    return this.#beats[0];
  }
  get phase(): Phase {
    return this.#turn.getSnapshot().value;
  }
  get timer(): PatienceTimer | null {
    return this.#timer;
  }
  get paused(): boolean {
    return this.#turn.getSnapshot().context.paused;
  }

  get view(): SessionView {
    const node = this.scenario.nodes[this.context.node];
    const phase = this.phase;
    const choosing = phase === 'choosing' && !!node;
    return {
      phase,
      beat: this.beat,
      choices: choosing ? shuffledChoices(node, this.context.node, this.#seed).map((c, i) => ({ id: c.id, text: c.text, key: i + 1 })) : [],
      unlocked: choosing && !!this.#timer?.unlocked(),
      mood: this.context.mood,
      patience: this.context.patience,
      paused: this.paused,
    };
  }

  /** Patience left as a share of the patience at this line (1 while the customer speaks). */
  patienceFraction(): number {
    const phase = this.phase;
    if (phase !== 'choosing' || !this.#timer) return phase === 'speaking' || phase === 'waiting' ? 1 : 0;
    return this.#timer.fraction();
  }
  patienceRemaining(): number {
    return this.#timer && this.phase === 'choosing' ? this.#timer.remaining() : this.context.patience;
  }

  subscribe(listener: (e: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The scene finished typing the current beat (or the player skipped it). */
  lineShown(): void {
    if (this.phase !== 'speaking') return;
    this.#turn.send({ type: 'line.shown', kind: this.beat.kind });
    // A resumed attempt may already be past the first second.
    if (this.#turn.getSnapshot().matches('choosing') && this.#timer?.unlocked()) this.#emit({ type: 'unlocked' });
    this.#emit({ type: 'changed' });
  }

  /** Continue past a silence or ending line. */
  advance(): void {
    if (this.phase !== 'waiting') return;
    if (this.beat.kind === 'ending') {
      this.#turn.send({ type: 'advance', ending: true }); // the machine's 'finished' ends the attempt
      return;
    }
    this.#beats.shift();
    this.#turn.send({ type: 'advance', ending: false });
    this.#emit({ type: 'changed' });
  }

  /** Answers with a choice. Returns false if it cannot be taken now (locked, paused, unknown). */
  choose(choiceId: string): boolean {
    const timer = this.#timer;
    if (this.phase !== 'choosing' || !timer || this.paused) return false;
    if (timer.checkExpired()) return false;
    if (!timer.unlocked()) return false;
    const event: ConversationEvent = { type: 'player.choose', choice: choiceId, seconds: timer.answerSeconds() };
    if (!checkEvent(this.scenario, this.context, event).ok) return false;
    const choice = this.scenario.nodes[this.context.node].choices.find((c) => c.id === choiceId);
    this.#pendingReply = choice?.text;
    this.#send(event);
    return true;
  }

  pause(): void {
    if (this.paused) return;
    this.#turn.send({ type: 'pause' });
    this.save();
    this.#emit({ type: 'changed' });
  }
  resume(): void {
    if (!this.paused) return;
    this.#turn.send({ type: 'resume' });
    this.#emit({ type: 'changed' });
  }

  /** Writes the save slot (every turn, and when the page is hidden or closed). */
  save(): void {
    const slot = this.#o.slot;
    if (!slot) return;
    const snap = this.#actor.getSnapshot();
    if (snap.status !== 'active') return;
    const elapsed = this.phase === 'choosing' && this.#timer ? this.#timer.elapsed() : 0;
    slot.write({
      version: SAVE_VERSION,
      scenarioId: this.scenario.id,
      snapshot: this.#actor.getPersistedSnapshot(),
      elapsed: Math.round(elapsed * 10) / 10,
      seed: this.#seed,
      savedAt: new Date().toISOString(),
    });
  }

  report(): ConversationReport {
    return reportFor(this.scenario, this.context, this.#o.passMark);
  }

  /** Stops timers and the actor (the scene is closing). */
  dispose(): void {
    this.#listeners.clear();
    this.#turn.stop(); // stops the patience clock with it
    this.#actor.stop();
  }

  /**
   * The patience clock the turn machine runs while the player chooses: a PatienceTimer on this
   * session's clock, started where a resumed attempt left off, stopped when the turn moves on.
   */
  #patienceClock() {
    return fromCallback<ClockCommand, ClockInput>(({ input, receive, sendBack }) => {
      const elapsed = this.#resumeElapsed;
      this.#resumeElapsed = 0;
      const timer = new PatienceTimer({
        patience: this.context.patience,
        elapsed,
        scale: this.#o.patienceScale,
        clock: this.#o.clock,
        onExpire: () => sendBack({ type: 'patience.expired' }),
        onUnlock: () => sendBack({ type: 'patience.unlocked' }),
      });
      this.#timer = timer;
      if (!input.paused) timer.start();
      receive((command) => (command.type === 'pause' ? timer.pause() : timer.resume()));
      return () => {
        timer.stop();
        if (this.#timer === timer) this.#timer = null;
      };
    });
  }

  /** The turn machine left 'choosing' because the clock ran out: the customer reacts to the silence. */
  #onPatienceExpired(): void {
    const nodeId = this.context.node;
    const node = this.scenario.nodes[nodeId];
    this.#pendingSilence = { node: nodeId, text: node.silence?.line ?? DEFAULT_SILENCE_LINE, emotion: ANGRIER[node.emotion] };
    this.#pendingReply = undefined;
    this.#send({ type: 'customer.patienceExpired' });
  }

  #send(event: ConversationEvent): void {
    this.#turn.send({ type: 'replied' }); // back to 'speaking' (already there after a silence)
    this.#beats = [];
    this.#actor.send(event);
    this.#pendingSilence = null;
    this.#pendingReply = undefined;
    if (this.#actor.getSnapshot().status === 'active') this.save();
    else this.#o.slot?.clear();
    this.#emit({ type: 'turn', event });
    this.#emit({ type: 'changed' });
  }

  #silenceBeatFirst(): Beat[] {
    const s = this.#pendingSilence;
    return s ? [{ kind: 'silence', node: s.node, text: s.text, emotion: s.emotion, narration: 'You said nothing for too long.' }] : [];
  }

  #onSpeaks(nodeId: string): void {
    const node = this.scenario.nodes[nodeId];
    const s = this.#pendingSilence;
    if (s && s.node === nodeId) {
      // Silence that keeps the customer at the same point: their reaction is the new line.
      this.#beats.push({ kind: 'line', node: nodeId, text: s.text, emotion: s.emotion, narration: 'You said nothing for too long.' });
      return;
    }
    this.#beats.push(...this.#silenceBeatFirst(), {
      kind: 'line',
      node: nodeId,
      text: node.line,
      emotion: node.emotion,
      narration: node.narration,
      reply: s ? undefined : this.#pendingReply,
    });
  }

  #onEnded(endingId: string): void {
    const ending = this.scenario.endings[endingId];
    const silence = this.#silenceBeatFirst();
    this.#beats.push(...silence, { kind: 'ending', node: endingId, text: ending.line, emotion: ending.emotion, reply: silence.length ? undefined : this.#pendingReply });
  }

  #finish(): void {
    this.#o.slot?.clear();
    this.#emit({ type: 'finished', report: this.report(), events: this.events, seed: this.#seed });
    this.#emit({ type: 'changed' });
  }

  #emit(e: SessionEvent): void {
    for (const l of [...this.#listeners]) l(e);
  }
}
