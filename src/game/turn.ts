// The phases of one turn as the player lives it, as an XState machine: the customer speaks, the
// player chooses (or waits through a silence or ending line), and so on until the conversation is
// over. The machine is pure: the patience clock is an actor it invokes while the player chooses,
// provided by the host (src/game/session.ts gives it a real PatienceTimer; tests give fake timers),
// and what the host must do is emitted as events (choicesUnlocked, patienceRanOut, finished).
import { assign, emit, fromCallback, sendTo, setup } from 'xstate';

/** A line that asks for a reply, a silence reaction, or the ending line. */
export type BeatKind = 'line' | 'silence' | 'ending';

export type TurnEvent =
  /** The scene finished typing the current beat; its kind decides what comes next. */
  | { type: 'line.shown'; kind: BeatKind }
  /** Continue past a silence or ending line. */
  | { type: 'advance'; ending: boolean }
  /** The player answered (or the customer's patience ran out and the host sent the silence). */
  | { type: 'replied' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** From the patience clock. */
  | { type: 'patience.unlocked' }
  | { type: 'patience.expired' };

export type TurnEmitted = { type: 'choicesUnlocked' } | { type: 'patienceRanOut' } | { type: 'finished' };

/** What the machine tells the running clock. */
export type ClockCommand = { type: 'pause' } | { type: 'resume' };
export interface ClockInput {
  /** Start stopped: the game was paused before the choices appeared. */
  paused: boolean;
}

export const turnMachine = setup({
  types: {
    context: {} as { paused: boolean },
    events: {} as TurnEvent,
    emitted: {} as TurnEmitted,
  },
  actors: {
    // A clock that never ticks; the host provides the real one (machine.provide({ actors })).
    patienceClock: fromCallback<ClockCommand, ClockInput>(() => undefined),
  },
  guards: {
    asksForReply: ({ event }) => event.type === 'line.shown' && event.kind === 'line',
    atEnding: ({ event }) => event.type === 'advance' && event.ending,
  },
}).createMachine({
  id: 'turn',
  initial: 'speaking',
  context: { paused: false },
  on: {
    pause: { actions: assign({ paused: true }) },
    resume: { actions: assign({ paused: false }) },
  },
  states: {
    speaking: {
      on: {
        'line.shown': [{ guard: 'asksForReply', target: 'choosing' }, { target: 'waiting' }],
      },
    },
    choosing: {
      invoke: { id: 'clock', src: 'patienceClock', input: ({ context }) => ({ paused: context.paused }) },
      on: {
        replied: 'speaking',
        'patience.unlocked': { actions: emit({ type: 'choicesUnlocked' }) },
        'patience.expired': { target: 'speaking', actions: emit({ type: 'patienceRanOut' }) },
        pause: { actions: [assign({ paused: true }), sendTo('clock', { type: 'pause' })] },
        resume: { actions: [assign({ paused: false }), sendTo('clock', { type: 'resume' })] },
      },
    },
    waiting: {
      on: {
        advance: [{ guard: 'atEnding', target: 'finished' }, { target: 'speaking' }],
      },
    },
    finished: { type: 'final', entry: emit({ type: 'finished' }) },
  },
});
