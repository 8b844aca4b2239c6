// The debrief data for a finished (or abandoned) conversation: scores, outcome, satisfaction, feedback.
import type { Outcome, Scenario } from './schema.ts';
import { promiseCanBeKept, type ConversationContext, type Turn } from './conversation.ts';
import { DEFAULT_PASS_MARK, passed, scoreTurns, type Feedback } from './score.ts';

export interface ConversationReport {
  scenarioId: string;
  empathy: number;
  ownership: number;
  timing: number;
  overall: number;
  passed: boolean;
  passMark: number;
  /** The customer's final satisfaction, 0-100. */
  satisfaction: number;
  outcome: Outcome | null;
  ending: string | null;
  turns: Turn[];
  feedback: Feedback[];
}

export function reportFor(s: Scenario, ctx: ConversationContext, passMark = DEFAULT_PASS_MARK): ConversationReport {
  const score = scoreTurns(ctx.turns, { promiseCanBeKept: promiseCanBeKept(s) });
  return {
    scenarioId: s.id,
    empathy: score.empathy,
    ownership: score.ownership,
    timing: score.timing,
    overall: score.overall,
    passed: passed(score.overall, passMark),
    passMark,
    satisfaction: ctx.mood,
    outcome: ctx.outcome,
    ending: ctx.ending,
    turns: ctx.turns,
    feedback: score.feedback,
  };
}
