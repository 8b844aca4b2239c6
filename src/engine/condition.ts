// Branch conditions in scenario files. A condition is one or more clauses joined by "and":
//   mood >= 60            the customer's satisfaction (0-100)
//   patience < 10         seconds they will still wait
//   distrust >= 20        what they hold against the player (0-100)
//   said blame-other      a move made at any point so far, this reply included
//   not said apologize    a move never made so far
// Every clause reads the customer as they are AFTER the reply that leads here. Pure, browser-safe.
import { isMove, SILENCE, type TurnMove } from './moves.ts';

export type Measure = 'mood' | 'patience' | 'distrust';
export type Comparison = '>=' | '<=' | '>' | '<';

export type Clause =
  | { kind: 'compare'; measure: Measure; op: Comparison; value: number }
  | { kind: 'said'; move: TurnMove; negated: boolean };

/** What a condition can read. */
export interface ConditionState {
  mood: number;
  patience: number;
  distrust: number;
  said: ReadonlySet<TurnMove>;
}

const COMPARE = /^(mood|patience|distrust)\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)$/;
const SAID = /^(not\s+)?said\s+([a-z]+(?:-[a-z]+)*)$/;

/** The whole grammar as one pattern (the JSON Schema and editors use it); move names are checked separately. */
export const CONDITION_PATTERN =
  /^\s*(?:(?:mood|patience|distrust)\s*(?:>=|<=|>|<)\s*-?\d+(?:\.\d+)?|(?:not\s+)?said\s+[a-z]+(?:-[a-z]+)*)(?:\s+and\s+(?:(?:mood|patience|distrust)\s*(?:>=|<=|>|<)\s*-?\d+(?:\.\d+)?|(?:not\s+)?said\s+[a-z]+(?:-[a-z]+)*))*\s*$/;

export const CONDITION_HELP =
  'must look like "mood >= 60", "distrust < 20" or "said blame-other" / "not said apologize", several joined by "and"';

export type Parsed = { ok: true; clauses: Clause[] } | { ok: false; message: string };

export function parseCondition(text: string): Parsed {
  const parts = text.trim().split(/\s+and\s+/);
  const clauses: Clause[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    const c = COMPARE.exec(part);
    if (c) {
      clauses.push({ kind: 'compare', measure: c[1] as Measure, op: c[2] as Comparison, value: Number(c[3]) });
      continue;
    }
    const s = SAID.exec(part);
    if (s) {
      const move = s[2];
      if (move !== SILENCE && !isMove(move)) return { ok: false, message: `"${move}" in "${part}" is not a move` };
      clauses.push({ kind: 'said', move: move, negated: Boolean(s[1]) });
      continue;
    }
    return { ok: false, message: `"${part}" ${CONDITION_HELP}` };
  }
  return { ok: true, clauses };
}

function compare(value: number, op: Comparison, n: number): boolean {
  switch (op) {
    case '>=': return value >= n;
    case '<=': return value <= n;
    case '>': return value > n;
    default: return value < n;
  }
}

const parsedCache = new Map<string, Clause[] | null>();

function clausesOf(text: string): Clause[] | null {
  let c = parsedCache.get(text);
  if (c === undefined) {
    const p = parseCondition(text);
    c = p.ok ? p.clauses : null;
    if (parsedCache.size > 5000) parsedCache.clear();
    parsedCache.set(text, c);
  }
  return c;
}

/** True when every clause holds. A condition that does not parse never holds (the loader rejects it first). */
export function conditionHolds(text: string, state: ConditionState): boolean {
  const clauses = clausesOf(text);
  if (!clauses) return false;
  return clauses.every((c) =>
    c.kind === 'compare' ? compare(state[c.measure], c.op, c.value) : state.said.has(c.move) !== c.negated,
  );
}

/** The range each measure can take: a comparison outside it can never hold. */
export const MEASURE_RANGE: Record<Measure, [number, number]> = { mood: [0, 100], patience: [5, 90], distrust: [0, 100] };

/** True when some clause can never hold whatever happens (e.g. "mood >= 101"). */
export function neverHolds(text: string): boolean {
  const clauses = clausesOf(text);
  if (!clauses) return true;
  return clauses.some((c) => {
    if (c.kind !== 'compare') return false;
    const [lo, hi] = MEASURE_RANGE[c.measure];
    return !(compare(lo, c.op, c.value) || compare(hi, c.op, c.value) || (c.value > lo && c.value < hi));
  });
}
