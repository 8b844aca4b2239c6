// Assignments as the API shows them, and where a trainee stands on one.
import type { AssignmentStatus } from '../../shared/types.ts';
import type { Assignment, Progress } from '../store/index.ts';

/**
 * passed: an attempt reached the pass mark (whenever it was made); failed: every allowed attempt used
 * without passing; overdue: past the due date, not passed, attempts left; in-progress: played, not yet
 * passed, before the due date; not-started: not played, before the due date.
 */
export function statusOf(a: Assignment, p: Pick<Progress, 'attempts' | 'passed'> | undefined, now = Date.now()): AssignmentStatus {
  const attempts = p?.attempts ?? 0;
  if (p?.passed) return 'passed';
  if (a.maxAttempts != null && attempts >= a.maxAttempts) return 'failed';
  if (Date.parse(a.dueAt) < now) return 'overdue';
  return attempts > 0 ? 'in-progress' : 'not-started';
}

/** Whether an assignment is for this user: it names no trainees (the whole team), or names them. */
export function isFor(chosen: readonly number[] | undefined, userId: number): boolean {
  return !chosen || chosen.includes(userId);
}

export function assignmentJson(a: Assignment) {
  return {
    id: a.id,
    teamId: a.teamId,
    scenarioId: a.scenarioId,
    dueAt: a.dueAt,
    passMark: a.passMark,
    maxAttempts: a.maxAttempts,
    createdAt: a.createdAt,
    ownWords: a.ownWords,
  };
}
