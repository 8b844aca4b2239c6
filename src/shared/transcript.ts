// One stored attempt as the trainer reads it: the scores, and the transcript rows (each customer line,
// the trainee's choice, the seconds it took, the feedback at that turn) from the engine's builder.
import type { Scenario } from '../engine/schema.ts';
import { buildTranscript } from '../engine/transcript.ts';
import type { AttemptDetail } from './types.ts';

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
  /** The attempt's reply-order seed; null (or absent) for attempts stored before seeds. */
  seed?: number | null;
}

export function attemptDetail(s: Scenario | undefined, a: StoredAttemptLike): AttemptDetail {
  const r = a.report;
  const { rows, ending } = buildTranscript(s, r, a.seed);
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
    lines: rows,
    ending,
  };
}
