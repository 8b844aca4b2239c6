// The debrief data for a finished (or abandoned) conversation: scores, outcome, satisfaction, feedback.
import type { Outcome, Scenario } from './schema.ts';
import { promiseCanBeKept, type ConversationContext, type Turn } from './conversation.ts';
import { DEFAULT_PASS_MARK, passed, scoreTurns, type Feedback } from './score.ts';
import { RUBRIC_VERSION } from './rubric.ts';

/**
 * The most an attempt scores overall when the customer was not won back. It sits below the lowest
 * pass mark a trainer can set, so "passed" always means the customer was won back and a score never
 * contradicts its verdict (on a leaderboard or in an LMS, where cmi5 requires the two to agree).
 */
export const UNWON_CAP = 45;
/** The lowest pass mark an assignment may have; it stays above UNWON_CAP. */
export const MIN_PASS_MARK = 50;

export type CapReason = 'lost' | 'went-public' | 'unfinished';

export interface ScoreCap {
  reason: CapReason;
  /** The overall score the rubric gave before the cap. */
  uncapped: number;
  cap: number;
  /** One sentence for the debrief and the trainer. */
  explanation: string;
}

const CAP_TEXT: Record<CapReason, string> = {
  lost: 'The customer was lost, so the score is capped',
  'went-public': 'The customer went public, so the score is capped',
  unfinished: 'The conversation did not reach an ending, so the score is capped',
};

/** The cap for an outcome, or null when the customer was won back. */
export function capFor(outcome: Outcome | null, overall: number): ScoreCap | null {
  if (outcome === 'won-back') return null;
  const reason: CapReason = outcome ?? 'unfinished';
  if (overall <= UNWON_CAP) return { reason, uncapped: overall, cap: UNWON_CAP, explanation: `${CAP_TEXT[reason]} at ${UNWON_CAP}.` };
  return { reason, uncapped: overall, cap: UNWON_CAP, explanation: `${CAP_TEXT[reason]} at ${UNWON_CAP} (the replies alone earned ${overall}).` };
}

/** A pass mark as the engine applies it: never below MIN_PASS_MARK, never above 100. */
export function effectivePassMark(passMark: number): number {
  return Math.min(100, Math.max(MIN_PASS_MARK, Math.round(passMark)));
}

export interface ConversationReport {
  /** The rubric that scored it (see RUBRIC_VERSION); reports stored before versioning have none. */
  rubricVersion: number;
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
  /** Set when the overall score was capped because the customer was not won back. */
  cap: ScoreCap | null;
  turns: Turn[];
  feedback: Feedback[];
}

export function reportFor(s: Scenario, ctx: ConversationContext, passMark = DEFAULT_PASS_MARK): ConversationReport {
  const score = scoreTurns(ctx.turns, { promiseCanBeKept: promiseCanBeKept(s) });
  const cap = capFor(ctx.outcome, score.overall);
  const overall = cap ? Math.min(score.overall, cap.cap) : score.overall;
  const mark = effectivePassMark(passMark);
  return {
    rubricVersion: RUBRIC_VERSION,
    scenarioId: s.id,
    empathy: score.empathy,
    ownership: score.ownership,
    timing: score.timing,
    overall,
    // Both conditions, though the cap already makes the first imply the second.
    passed: ctx.outcome === 'won-back' && passed(overall, mark),
    passMark: mark,
    satisfaction: ctx.mood,
    outcome: ctx.outcome,
    ending: ctx.ending,
    cap,
    turns: ctx.turns,
    feedback: score.feedback,
  };
}
