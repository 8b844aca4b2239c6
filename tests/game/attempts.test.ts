import { describe, expect, it, vi } from 'vitest';
import { announceAttempt, newAttemptId, onAttemptFinished, versionOf, type FinishedAttempt } from '../../src/game/attempts.ts';
import { assignmentFor, onAssignmentsChanged, setAssignmentProvider } from '../../src/game/assignments.ts';

describe('server hooks', () => {
  it('announces finished attempts to listeners, and survives a failing one', () => {
    const seen: FinishedAttempt[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const offBad = onAttemptFinished(() => {
      throw new Error('offline');
    });
    const off = onAttemptFinished((a) => seen.push(a));
    const attempt = { scenarioId: 'trophy-room', clientAttemptId: newAttemptId(), events: [], seed: 7, report: {} as FinishedAttempt['report'] };
    announceAttempt(attempt);
    off();
    offBad();
    announceAttempt(attempt);
    expect(seen).toEqual([attempt]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(newAttemptId()).not.toBe(newAttemptId());
  });

  it('reads the version the server gave a stored scenario, and none for a built-in one', () => {
    expect(versionOf({ id: 'lamp', version: 3 })).toBe(3);
    expect(versionOf({ id: 'trophy-room' })).toBeUndefined();
    for (const bad of [0, -1, 1.5, '2', null]) expect(versionOf({ version: bad })).toBeUndefined();
  });

  it('asks the assignment provider for card markers', () => {
    expect(assignmentFor('trophy-room')).toBeNull();
    const changed = vi.fn();
    const off = onAssignmentsChanged(changed);
    setAssignmentProvider((id) => (id === 'trophy-room' ? { label: 'Due Friday', overdue: true } : null));
    expect(assignmentFor('trophy-room')).toEqual({ label: 'Due Friday', overdue: true });
    expect(assignmentFor('other')).toBeNull();
    expect(changed).toHaveBeenCalledTimes(1);
    off();
    setAssignmentProvider(() => {
      throw new Error('bad data');
    });
    expect(assignmentFor('trophy-room')).toBeNull();
    setAssignmentProvider(() => null);
  });
});
