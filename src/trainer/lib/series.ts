// Scores over time for the trainee chart: one point per attempt, oldest first.
import type { AttemptDetail } from '../../shared/types.ts';

export interface ScoreSeries {
  labels: string[];
  /** Attempt ids, aligned with labels (for tooltips and links). */
  ids: number[];
  empathy: number[];
  ownership: number[];
  timing: number[];
  overall: number[];
}

export function scoreSeries(attempts: readonly AttemptDetail[], label: (a: AttemptDetail, i: number) => string): ScoreSeries {
  const sorted = [...attempts].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id);
  return {
    labels: sorted.map(label),
    ids: sorted.map((a) => a.id),
    empathy: sorted.map((a) => a.empathy),
    ownership: sorted.map((a) => a.ownership),
    timing: sorted.map((a) => a.timing),
    overall: sorted.map((a) => a.score),
  };
}

/** Change from the first to the latest attempt, per dimension (null with fewer than two attempts). */
export function trend(series: ScoreSeries): Record<'empathy' | 'ownership' | 'timing' | 'overall', number> | null {
  const n = series.ids.length;
  if (n < 2) return null;
  const d = (xs: number[]) => xs[n - 1] - xs[0];
  return { empathy: d(series.empathy), ownership: d(series.ownership), timing: d(series.timing), overall: d(series.overall) };
}
