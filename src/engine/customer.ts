// How the customer reacts to what the player says: satisfaction (mood, 0-100) and patience (seconds).
// The model carries the seeds' central contrast: a remedy after a sincere apology lands about twice
// as well as the same remedy alone (satisfaction 37% -> 74% from a 15% start).
import type { Move, TurnMove } from './moves.ts';
import type { Persona } from './schema.ts';

export interface History {
  acknowledged: boolean;
  listened: boolean;
  apologized: boolean;
  owned: boolean;
  fixed: boolean;
  promised: boolean;
  kept: boolean;
  seen: Set<TurnMove>;
}

export function emptyHistory(): History {
  return { acknowledged: false, listened: false, apologized: false, owned: false, fixed: false, promised: false, kept: false, seen: new Set() };
}

export function historyOf(turnMoves: readonly (readonly TurnMove[])[]): History {
  const h = emptyHistory();
  for (const moves of turnMoves) absorb(h, moves);
  return h;
}

/** Adds one turn's moves to the history (mutates h). */
export function absorb(h: History, moves: readonly TurnMove[]): void {
  for (const m of moves) {
    h.seen.add(m);
    if (m === 'acknowledge-feelings') h.acknowledged = true;
    if (m === 'ask-clarifying' || m === 'acknowledge-feelings') h.listened = true;
    if (m === 'apologize') h.apologized = true;
    if (m === 'own-it') h.owned = true;
    if (m === 'fix') h.fixed = true;
    if (m === 'promise-followup') h.promised = true;
    if (m === 'keep-promise') h.kept = true;
  }
}

// Bad news hits harder with customers who already tell others about it.
const PERSONA_NEGATIVE_WEIGHT: Record<Persona, number> = { voicer: 1, irate: 1.15, activist: 1.3 };

interface Reaction {
  mood: number;
  patience: number;
}

/** The reaction to one move, given what was said before it in the conversation (and in this turn). */
function reactTo(move: TurnMove, h: History): Reaction {
  const first = !h.seen.has(move);
  switch (move) {
    case 'acknowledge-feelings':
      return { mood: first ? 8 : 3, patience: 6 };
    case 'ask-clarifying':
      return { mood: h.acknowledged ? 5 : 3, patience: 2 };
    case 'thank-for-complaint':
      return { mood: first ? 4 : 1, patience: 2 };
    case 'apologize':
      return { mood: first ? 12 : 3, patience: 4 };
    case 'own-it':
      return { mood: first ? 8 : 3, patience: 4 };
    case 'offer-options':
      return { mood: h.listened ? 10 : 5, patience: 4 };
    case 'fix':
      if (!first) return { mood: 5, patience: 4 };
      return { mood: h.apologized ? 47 : 22, patience: 8 };
    case 'explain-cause':
      return h.fixed ? { mood: 6, patience: 2 } : { mood: -6, patience: -4 };
    case 'above-and-beyond':
      if (h.fixed) return { mood: 12, patience: 4 };
      return h.listened ? { mood: 4, patience: 0 } : { mood: -6, patience: -2 };
    case 'promise-followup':
      return { mood: 5, patience: 2 };
    case 'keep-promise':
      return { mood: h.promised ? 18 : 6, patience: 8 };
    case 'argue':
      return { mood: -15, patience: -8 };
    case 'dismiss':
      return { mood: -12, patience: -6 };
    case 'scripted-platitude':
      return { mood: -6, patience: -4 };
    case 'blame-other':
      return { mood: -12, patience: -5 };
    case 'excuse':
      return { mood: h.fixed ? -4 : -8, patience: -4 };
    case 'ask-what-they-want':
      return { mood: -4, patience: -2 };
    case 'pass-the-buck':
      return { mood: -15, patience: -8 };
    case 'silence':
      return { mood: -10, patience: -5 };
  }
}

export const MIN_PATIENCE = 5;
export const MAX_PATIENCE = 90;
/** Waiting wears on them: each second of hesitation costs this much patience for the next answer. */
export const HESITATION_COST = 0.25;
/** An answer slower than this share of the customer's patience reads as hesitation. */
export const SLOW_SHARE = 0.6;

export interface Mood {
  mood: number;
  patience: number;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * The customer's state after a turn. `history` is what happened before this turn;
 * moves within the turn count in the order written.
 */
export function react(
  state: Mood,
  moves: readonly TurnMove[],
  seconds: number,
  history: History,
  persona: Persona,
  extra: { mood?: number; patience?: number } = {},
): Mood {
  const h: History = { ...history, seen: new Set(history.seen) };
  let mood = 0;
  let patience = 0;
  for (const move of moves) {
    const r = reactTo(move, h);
    mood += r.mood < 0 ? r.mood * PERSONA_NEGATIVE_WEIGHT[persona] : r.mood;
    patience += r.patience;
    absorb(h, [move]);
  }
  const silent = moves.includes('silence');
  if (!silent && seconds > state.patience * SLOW_SHARE) mood -= 4;
  mood += extra.mood ?? 0;
  patience += extra.patience ?? 0;
  patience -= seconds * HESITATION_COST;
  return {
    mood: Math.round(clamp(state.mood + mood, 0, 100)),
    patience: Math.round(clamp(state.patience + patience, MIN_PATIENCE, MAX_PATIENCE) * 10) / 10,
  };
}

export type { Move };
