// One stored attempt as the trainer reads it: each customer line, the trainee's choice, the seconds it
// took, and the rubric feedback that applied at that turn (end-of-conversation rules sit on the last).
import type { Scenario } from '../../engine/schema.ts';
import type { AttemptDetail, FeedbackJson, TranscriptLine } from './types.ts';

interface StoredTurn {
  node: string;
  choice: string | null;
  moves: string[];
  seconds: number;
  patience?: number;
  moodAfter: number;
}

export interface StoredAttemptLike {
  id: number;
  scenarioId: string;
  assignmentId: number | null;
  createdAt: string;
  overall: number;
  passed: boolean;
  outcome: string | null;
  satisfaction: number;
  report: Record<string, unknown>;
}

export function transcriptLines(s: Scenario | undefined, report: Record<string, unknown>): TranscriptLine[] {
  const turns = (Array.isArray(report.turns) ? report.turns : []) as StoredTurn[];
  const feedback = (Array.isArray(report.feedback) ? report.feedback : []) as FeedbackJson[];
  return turns.map((t, i) => {
    const node = s?.nodes[t.node];
    const choice = t.choice ? node?.choices.find((c) => c.id === t.choice) : undefined;
    return {
      turn: i,
      node: t.node,
      customer: node?.line ?? null,
      emotion: node?.emotion ?? null,
      choice: t.choice,
      player: t.choice ? (choice?.text ?? null) : null,
      silence: t.choice === null,
      seconds: t.seconds,
      patience: typeof t.patience === 'number' ? t.patience : null,
      moves: t.moves,
      satisfactionAfter: t.moodAfter,
      feedback: feedback.filter((f) => f.turn === i),
    };
  });
}

export function attemptDetail(s: Scenario | undefined, a: StoredAttemptLike): AttemptDetail {
  const r = a.report;
  const endingId = typeof r.ending === 'string' ? r.ending : null;
  const ending = endingId && s ? s.endings[endingId] : undefined;
  return {
    id: a.id,
    scenarioId: a.scenarioId,
    scenarioTitle: s?.title ?? null,
    assignmentId: a.assignmentId,
    createdAt: a.createdAt,
    score: a.overall,
    empathy: Number(r.empathy ?? 0),
    ownership: Number(r.ownership ?? 0),
    timing: Number(r.timing ?? 0),
    passed: a.passed,
    outcome: a.outcome,
    satisfaction: Math.round(a.satisfaction),
    lines: transcriptLines(s, r),
    ending: ending && endingId ? { id: endingId, outcome: ending.outcome, line: ending.line, summary: ending.summary } : null,
  };
}
