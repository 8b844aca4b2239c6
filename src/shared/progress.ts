// The progress matrix: trainees × assignments, with the sort, filter and CSV export the dashboard and
// the server share (GET /api/teams/:id/progress?format=csv exports exactly the rows the page shows).
// Statuses come from the server (statusOf in src/server/routes/assignments.ts).
import type { AssignmentJson, CellStatus, ProgressCell, ProgressJson, Status } from './types.ts';
import type { CsvValue } from './csv.ts';

export const STATUSES: readonly Status[] = ['not-started', 'in-progress', 'passed', 'failed', 'overdue'];

export const STATUS_LABEL: Record<CellStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  passed: 'Passed',
  failed: 'Failed',
  overdue: 'Overdue',
  'not-assigned': 'Not assigned',
};

/** Whether an assignment applies to a trainee: set for the whole team, or naming them. */
export function appliesTo(a: Pick<AssignmentJson, 'trainees'>, userId: number): boolean {
  return a.trainees === null || a.trainees.includes(userId);
}

export interface MatrixRow {
  trainee: { id: number; name: string; email: string };
  /** One per assignment, in the order of data.assignments. */
  cells: ProgressCell[];
  passed: number;
  assigned: number;
  /** Mean of the best scores of the assignments played, or null. */
  average: number | null;
}

export function buildRows(data: ProgressJson): MatrixRow[] {
  const byKey = new Map(data.cells.map((c) => [`${c.userId}:${c.assignmentId}`, c]));
  return data.trainees.map((t) => {
    const cells = data.assignments.map(
      (a): ProgressCell =>
        byKey.get(`${t.id}:${a.id}`) ?? { assignmentId: a.id, userId: t.id, status: appliesTo(a, t.id) ? 'not-started' : 'not-assigned', best: null, attempts: 0, lastAt: null },
    );
    const assignedCells = cells.filter((c) => c.status !== 'not-assigned');
    const scores = assignedCells.map((c) => c.best).filter((b): b is number => b !== null);
    return {
      trainee: t,
      cells,
      passed: assignedCells.filter((c) => c.status === 'passed').length,
      assigned: assignedCells.length,
      average: scores.length ? Math.round(scores.reduce((s, b) => s + b, 0) / scores.length) : null,
    };
  });
}

export interface MatrixFilter {
  /** Part of a trainee's name or email, any case. */
  q?: string;
  /** Keep trainees with at least one cell in this status (in `assignment` when given). */
  status?: Status;
  /** Limit the status filter (and the CSV) to one assignment. */
  assignment?: number;
}

export function filterRows(rows: MatrixRow[], data: ProgressJson, f: MatrixFilter): MatrixRow[] {
  const q = f.q?.trim().toLowerCase();
  const index = f.assignment ? data.assignments.findIndex((a) => a.id === f.assignment) : -1;
  return rows.filter((r) => {
    if (q && !r.trainee.name.toLowerCase().includes(q) && !r.trainee.email.toLowerCase().includes(q)) return false;
    if (f.assignment && index >= 0 && r.cells[index].status === 'not-assigned') return false;
    if (f.status) {
      const cells = index >= 0 ? [r.cells[index]] : r.cells;
      if (!cells.some((c) => c.status === f.status)) return false;
    }
    return true;
  });
}

/** name; progress (assignments passed, then mean best); or one assignment's column ("a:<id>"). */
export type SortKey = 'name' | 'progress' | `a:${number}`;
export type SortDir = 'asc' | 'desc';

/** Within one assignment's column, worse standing sorts first when ascending: who needs help. */
const STATUS_RANK: Record<CellStatus, number> = { failed: 0, overdue: 1, 'not-started': 2, 'in-progress': 3, passed: 4, 'not-assigned': 5 };

export function sortRows(rows: MatrixRow[], data: ProgressJson, key: SortKey, dir: SortDir): MatrixRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: MatrixRow, b: MatrixRow) => a.trainee.name.localeCompare(b.trainee.name) || a.trainee.id - b.trainee.id;
  let compare: (a: MatrixRow, b: MatrixRow) => number;
  if (key === 'name') compare = (a, b) => sign * byName(a, b);
  else if (key === 'progress') {
    compare = (a, b) => sign * (a.passed - b.passed || (a.average ?? -1) - (b.average ?? -1)) || byName(a, b);
  } else {
    const index = data.assignments.findIndex((a) => a.id === Number(key.slice(2)));
    if (index < 0) return [...rows].sort(byName);
    compare = (a, b) => {
      const ca = a.cells[index];
      const cb = b.cells[index];
      // Not-assigned rows stay at the bottom either way.
      if ((ca.status === 'not-assigned') !== (cb.status === 'not-assigned')) return ca.status === 'not-assigned' ? 1 : -1;
      return sign * (STATUS_RANK[ca.status] - STATUS_RANK[cb.status] || (ca.best ?? -1) - (cb.best ?? -1)) || byName(a, b);
    };
  }
  return [...rows].sort(compare);
}

export const CSV_HEADER = ['Trainee', 'Email', 'Scenario', 'Assignment', 'Due', 'Pass mark', 'Status', 'Best score', 'Attempts', 'Attempt limit', 'Last attempt'];

/** One CSV row per trainee and assignment set for them (in `filter.assignment` only, when given). */
export function csvRows(data: ProgressJson, rows: MatrixRow[], filter: MatrixFilter = {}): CsvValue[][] {
  const out: CsvValue[][] = [CSV_HEADER];
  for (const r of rows) {
    data.assignments.forEach((a, i) => {
      if (filter.assignment && a.id !== filter.assignment) return;
      const c = r.cells[i];
      if (c.status === 'not-assigned') return;
      if (filter.status && c.status !== filter.status) return;
      out.push([
        r.trainee.name,
        r.trainee.email,
        a.scenarioTitle ?? a.scenarioId,
        a.id,
        a.dueAt.slice(0, 10),
        a.passMark,
        STATUS_LABEL[c.status],
        c.best,
        c.attempts,
        a.maxAttempts ?? 'unlimited',
        c.lastAt,
      ]);
    });
  }
  return out;
}

export function csvFileName(teamName: string, date = new Date()): string {
  const slug = teamName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';
  return `progress-${slug}-${date.toISOString().slice(0, 10)}.csv`;
}
