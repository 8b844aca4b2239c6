// Applies the rubric to a transcript: three scores, overall, and the feedback attached to each turn.
import { BASE, DIMENSIONS, RULES, type Dimension, type RubricTurn, type Rule } from './rubric.ts';
import { clamp } from './customer.ts';

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

export function scoreTurns(turns: readonly RubricTurn[], options: ScoreOptions = {}): ScoreReport {
  const feedback: Feedback[] = [];
  const usedGroups = new Set<string>();
  const promiseCanBeKept = options.promiseCanBeKept ?? false;
  const tryRule = (rule: Rule, index: number) => {
    if (rule.group && usedGroups.has(rule.group)) return;
    const ctx = { turn: turns[index], index, before: turns.slice(0, index), all: turns, promiseCanBeKept };
    if (!rule.applies(ctx)) return;
    if (rule.group) usedGroups.add(rule.group);
    feedback.push(fire(rule, index));
  };
  for (let i = 0; i < turns.length; i++) {
    for (const rule of RULES) if (rule.scope === 'turn') tryRule(rule, i);
  }
  if (turns.length > 0) {
    for (const rule of RULES) if (rule.scope === 'end') tryRule(rule, turns.length - 1);
  }
  const totals = { ...BASE };
  for (const f of feedback) totals[f.dimension] += f.points;
  const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, clamp(totals[d], 0, 100)])) as Record<Dimension, number>;
  const overall = Math.round((scores.empathy + scores.ownership + scores.timing) / 3);
  return { ...scores, overall, feedback };
}

export function passed(overall: number, passMark = DEFAULT_PASS_MARK): boolean {
  return overall >= passMark;
}
