// How the customer reacts to what the player says: satisfaction (mood, 0-100) and patience (seconds).
// The model carries the seeds' central contrast: a remedy after a sincere apology lands about twice
// as well as the same remedy alone (satisfaction 37% -> 74% from a 15% start).
import type { Move, TurnMove } from './moves.ts';
import type { Persona } from './schema.ts';

export interface History {
  acknowledged: boolean;
  listened: boolean;
  apologized: boolean;
  /** An apology that nothing has undone since: no blame, excuse, argument or dismissal after it. */
  apologyStands: boolean;
  owned: boolean;
  fixed: boolean;
  promised: boolean;
  kept: boolean;
  /**
   * What the customer holds against the player, 0-100. Mistakes add to it; a sincere apology, owning
   * it, a fix and a kept promise each take a little off, never all of it at once. Every gain in
   * satisfaction is scaled down by it, so an early argument still costs after the fix.
   */
  distrust: number;
  /** Set by a mistake, cleared by the apology that answers it: one repair per mistake. */
  owedApology: boolean;
  seen: Set<TurnMove>;
}

export function emptyHistory(): History {
  return {
    acknowledged: false,
    listened: false,
    apologized: false,
    apologyStands: false,
    owned: false,
    fixed: false,
    promised: false,
    kept: false,
    distrust: 0,
    owedApology: false,
    seen: new Set(),
  };
}

export function cloneHistory(h: History): History {
  return { ...h, seen: new Set(h.seen) };
}

export function historyOf(turnMoves: readonly (readonly TurnMove[])[]): History {
  const h = emptyHistory();
  for (const moves of turnMoves) absorb(h, moves);
  return h;
}

export const MAX_DISTRUST = 100;

/** How much each mistake adds to the customer's distrust. Moves not listed add none. */
export const DISTRUST_ADDED: Partial<Record<TurnMove, number>> = {
  argue: 20,
  'blame-other': 25,
  'pass-the-buck': 20,
  dismiss: 15,
  excuse: 12,
  'scripted-platitude': 6,
  'ask-what-they-want': 4,
  hedge: 6,
  'ask-for-rating': 12,
  silence: 10,
};

/** How much each repair takes off. An apology repairs only when it answers a mistake since the last one. */
export const DISTRUST_REPAIRED = { apologize: 8, 'own-it': 5, fix: 5, 'keep-promise': 15 } as const;

/** Moves after which an earlier apology no longer stands: "I'm sorry, but the warehouse..." */
const UNDOES_APOLOGY: ReadonlySet<TurnMove> = new Set(['blame-other', 'excuse', 'argue', 'dismiss', 'pass-the-buck']);

/** Distrust a move adds given what came before it (a perk before the fix reads as a bribe). */
function distrustAdded(move: TurnMove, h: History): number {
  if (move === 'above-and-beyond') return h.fixed ? 0 : h.listened ? 5 : 15;
  if (move === 'explain-cause') return h.fixed ? 0 : 6;
  if (move === 'excuse' && h.fixed) return 5;
  return DISTRUST_ADDED[move] ?? 0;
}

/** Adds one turn's moves to the history (mutates h). */
export function absorb(h: History, moves: readonly TurnMove[]): void {
  for (const m of moves) {
    const added = distrustAdded(m, h);
    if (added > 0) {
      h.distrust = Math.min(MAX_DISTRUST, h.distrust + added);
      h.owedApology = true;
    }
    if (UNDOES_APOLOGY.has(m)) h.apologyStands = false;
    if (m === 'apologize' && h.owedApology) {
      h.distrust = Math.max(0, h.distrust - DISTRUST_REPAIRED.apologize);
      h.owedApology = false;
    }
    if ((m === 'own-it' && !h.owned) || (m === 'fix' && !h.fixed) || (m === 'keep-promise' && h.promised && !h.kept)) {
      h.distrust = Math.max(0, h.distrust - DISTRUST_REPAIRED[m]);
    }
    h.seen.add(m);
    if (m === 'acknowledge-feelings') h.acknowledged = true;
    if (m === 'ask-clarifying' || m === 'acknowledge-feelings') h.listened = true;
    if (m === 'apologize') {
      h.apologized = true;
      h.apologyStands = true;
    }
    if (m === 'own-it') h.owned = true;
    if (m === 'fix') h.fixed = true;
    if (m === 'promise-followup') h.promised = true;
    if (m === 'keep-promise') h.kept = true;
  }
}

/** The share of any gain that still lands: full with no distrust, never below a third. */
export function trustFactor(distrust: number): number {
  return Math.max(1 / 3, 1 - distrust / 80);
}

// Bad news hits harder with customers who already tell others about it.
export const PERSONA_NEGATIVE_WEIGHT: Record<Persona, number> = { voicer: 1, irate: 1.15, activist: 1.3 };

interface Reaction {
  mood: number;
  patience: number;
}

/** The reaction to one move, given what was said before it in the conversation (and in this turn). */
export function reactTo(move: TurnMove, h: History): Reaction {
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
      // The seeds' contrast: the same remedy lands twice as well after an apology that still stands.
      return { mood: h.apologyStands ? 47 : 22, patience: 8 };
    case 'explain-cause':
      return h.fixed ? { mood: 6, patience: 2 } : { mood: -6, patience: -4 };
    case 'above-and-beyond':
      if (h.fixed) return { mood: 12, patience: 4 };
      return h.listened ? { mood: 2, patience: 0 } : { mood: -6, patience: -2 };
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
    case 'hedge':
      return { mood: -3, patience: -2 };
    case 'overpromise':
      // It sounds good today; the rubric, not the customer, knows it cannot be kept.
      return { mood: 6, patience: 2 };
    case 'ask-for-rating':
      return { mood: -8, patience: -3 };
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

/** The customer after a turn, with what they now remember (for branch conditions). */
export interface Reacted extends Mood {
  history: History;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/**
 * The customer's state after a turn. `history` is what happened before this turn;
 * moves within the turn count in the order written. Gains are scaled by the distrust held when
 * each move is heard; losses land in full.
 */
export function respond(
  state: Mood,
  moves: readonly TurnMove[],
  seconds: number,
  history: History,
  persona: Persona,
  extra: { mood?: number; patience?: number } = {},
): Reacted {
  const h = cloneHistory(history);
  let mood = 0;
  let patience = 0;
  for (const move of moves) {
    const r = reactTo(move, h);
    mood += r.mood < 0 ? r.mood * PERSONA_NEGATIVE_WEIGHT[persona] : r.mood * trustFactor(h.distrust);
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
    history: h,
  };
}

export type { Move };

/** respond() without the history: just the customer's satisfaction and patience after the turn. */
export function react(...args: Parameters<typeof respond>): Mood {
  const { mood, patience } = respond(...args);
  return { mood, patience };
}
