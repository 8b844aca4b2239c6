// Applies the rubric to a transcript: three scores, overall, and the feedback attached to each turn.
import { BASE, DIMENSIONS, RULES, type Dimension, type RubricTurn, type Rule, type RuleContext } from './rubric.ts';

const TURN_RULES = RULES.filter((r) => r.scope === 'turn');
const END_RULES = RULES.filter((r) => r.scope === 'end');
import { clamp } from './customer.ts';
import type { TurnMove } from './moves.ts';

export interface Feedback {
  turn: number;
  rule: string;
  dimension: Dimension;
  points: number;
  principle: string;
  text: string;
}

export interface Scores {
  empathy: number;
  ownership: number;
  timing: number;
  overall: number;
}

export interface ScoreReport extends Scores {
  feedback: Feedback[];
}

export const DEFAULT_PASS_MARK = 70;

export interface ScoreOptions {
  promiseCanBeKept?: boolean;
}

function fire(rule: Rule, turn: number): Feedback {
  return { turn, rule: rule.id, dimension: rule.dimension, points: rule.points, principle: rule.principle, text: rule.feedback };
}

/** A rule's view of one turn; the earlier turns are sliced only when a rule asks for them. */
class TurnContext implements RuleContext {
  readonly turn: RubricTurn;
  constructor(
    readonly all: readonly RubricTurn[],
    readonly index: number,
    readonly promiseCanBeKept: boolean,
    readonly seenBefore: ReadonlySet<TurnMove>,
    readonly seenAll: ReadonlySet<TurnMove>,
  ) {
    this.turn = all[index];
  }
  get before(): readonly RubricTurn[] {
    return this.all.slice(0, this.index);
  }
}

export function scoreTurns(turns: readonly RubricTurn[], options: ScoreOptions = {}): ScoreReport {
  const feedback: Feedback[] = [];
  const usedGroups = new Set<string>();
  const promiseCanBeKept = options.promiseCanBeKept ?? false;
  const seenAll = new Set(turns.flatMap((t) => t.moves));
  const seenBefore = new Set<TurnMove>();
  const tryRule = (rule: Rule, ctx: RuleContext) => {
    if (rule.group && usedGroups.has(rule.group)) return;
    if (!rule.applies(ctx)) return;
    if (rule.group) usedGroups.add(rule.group);
    feedback.push(fire(rule, ctx.index));
  };
  const contextAt = (index: number): RuleContext => new TurnContext(turns, index, promiseCanBeKept, seenBefore, seenAll);
  for (let i = 0; i < turns.length; i++) {
    const ctx = contextAt(i);
    for (const rule of TURN_RULES) tryRule(rule, ctx);
    for (const m of turns[i].moves) seenBefore.add(m);
  }
  if (turns.length > 0) {
    // End rules look at the whole conversation; seenBefore now holds every turn.
    const ctx = contextAt(turns.length - 1);
    for (const rule of END_RULES) tryRule(rule, ctx);
  }
  // Credits are capped before penalties apply, so a mistake always costs, even after a strong start.
  const credits = { ...BASE };
  const penalties = { empathy: 0, ownership: 0, timing: 0 };
  for (const f of feedback) (f.points > 0 ? credits : penalties)[f.dimension] += f.points;
  const scores = Object.fromEntries(
    DIMENSIONS.map((d) => [d, clamp(clamp(credits[d], 0, 100) + penalties[d], 0, 100)]),
  ) as Record<Dimension, number>;
  const overall = Math.round((scores.empathy + scores.ownership + scores.timing) / 3);
  return { ...scores, overall, feedback };
}

export function passed(overall: number, passMark = DEFAULT_PASS_MARK): boolean {
  return overall >= passMark;
}
