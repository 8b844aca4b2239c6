// The game's flow: loading → title → select → briefing → play (running ⇄ paused) → debrief, and the
// team leaderboard, opened from the title or the select screen and left back to where it came from.
// Scenes send these events and follow the state; nothing here knows about Phaser.
import { assign, setup } from 'xstate';
import type { ConversationEvent } from '../engine/conversation.ts';
import type { ConversationReport } from '../engine/report.ts';
import type { OwnWordsTurn } from '../shared/own-words.ts';

export interface PlayResult {
  scenarioId: string;
  report: ConversationReport;
  events: ConversationEvent[];
  /** The replies typed in own-words mode, by turn. */
  ownWords?: OwnWordsTurn[];
}

export interface FlowInput {
  /** Scenario ids the player may pick. */
  scenarioIds: readonly string[];
}

export interface FlowContext {
  scenarioIds: readonly string[];
  scenarioId: string | null;
  /** Entering play continues the saved conversation rather than starting over. */
  resume: boolean;
  /** Counts plays, so a retry restarts the conversation scene. */
  attempt: number;
  result: PlayResult | null;
  /** Where the leaderboard returns to. */
  boardFrom: 'title' | 'select';
}

export type FlowEvent =
  | { type: 'loaded'; scenarioIds?: readonly string[] }
  /** Scenarios came or went (a player signed in and has uploaded ones, or signed out). */
  | { type: 'library.changed'; scenarioIds: readonly string[] }
  | { type: 'title.start' }
  | { type: 'title.resume'; scenarioId: string }
  | { type: 'select.pick'; scenarioId: string }
  | { type: 'nav.back' }
  | { type: 'briefing.begin' }
  | { type: 'play.pause' }
  | { type: 'play.resume' }
  | { type: 'play.quit' }
  | { type: 'play.finished'; result: PlayResult }
  | { type: 'debrief.retry' }
  | { type: 'debrief.menu' }
  | { type: 'leaderboard.open' };

export type Screen = 'loading' | 'title' | 'select' | 'briefing' | 'play' | 'debrief' | 'leaderboard';

export const flowMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  guards: {
    knownScenario: ({ context, event }) =>
      'scenarioId' in event && typeof event.scenarioId === 'string' && context.scenarioIds.includes(event.scenarioId),
    fromTitle: ({ context }) => context.boardFrom === 'title',
    finishedCurrent: ({ context, event }) => event.type === 'play.finished' && event.result.scenarioId === context.scenarioId,
  },
  actions: {
    boardFromTitle: assign({ boardFrom: 'title' as const }),
    boardFromSelect: assign({ boardFrom: 'select' as const }),
    pick: assign(({ event }) => ('scenarioId' in event ? { scenarioId: event.scenarioId, result: null } : {})),
    freshPlay: assign(({ context }) => ({ resume: false, attempt: context.attempt + 1, result: null })),
    resumePlay: assign(({ context }) => ({ resume: true, attempt: context.attempt + 1, result: null })),
    keepResult: assign(({ event }) => (event.type === 'play.finished' ? { result: event.result, resume: false } : {})),
    setScenarios: assign(({ context, event }) => ((event.type === 'loaded' || event.type === 'library.changed') && event.scenarioIds ? { scenarioIds: event.scenarioIds } : { scenarioIds: context.scenarioIds })),
  },
}).createMachine({
  id: 'flow',
  initial: 'loading',
  context: ({ input }) => ({ scenarioIds: input.scenarioIds, scenarioId: null, resume: false, attempt: 0, result: null, boardFrom: 'title' }),
  // Whatever the screen; a conversation already under way keeps its scenario (the scene holds it).
  on: { 'library.changed': { actions: 'setScenarios' } },
  states: {
    loading: {
      on: { loaded: { target: 'title', actions: 'setScenarios' } },
    },
    title: {
      on: {
        'title.start': 'select',
        'title.resume': { guard: 'knownScenario', target: 'play', actions: ['pick', 'resumePlay'] },
        'leaderboard.open': { target: 'leaderboard', actions: 'boardFromTitle' },
      },
    },
    select: {
      on: {
        'select.pick': { guard: 'knownScenario', target: 'briefing', actions: 'pick' },
        'nav.back': 'title',
        'leaderboard.open': { target: 'leaderboard', actions: 'boardFromSelect' },
      },
    },
    leaderboard: {
      on: {
        'nav.back': [{ guard: 'fromTitle', target: 'title' }, { target: 'select' }],
      },
    },
    briefing: {
      on: {
        'briefing.begin': { target: 'play', actions: 'freshPlay' },
        'nav.back': 'select',
      },
    },
    play: {
      initial: 'running',
      states: {
        running: { on: { 'play.pause': 'paused' } },
        paused: { on: { 'play.resume': 'running' } },
      },
      on: {
        'play.finished': { guard: 'finishedCurrent', target: 'debrief', actions: 'keepResult' },
        'play.quit': 'title',
      },
    },
    debrief: {
      on: {
        'debrief.retry': { target: 'play', actions: 'freshPlay' },
        'debrief.menu': 'select',
      },
    },
  },
});

/** The top-level screen of a flow state value. */
export function screenOf(value: unknown): Screen {
  const top = typeof value === 'string' ? value : Object.keys(value as object)[0];
  return top as Screen;
}
