import { describe, expect, it } from 'vitest';
import { buildRows, csvFileName, csvRows, CSV_HEADER, filterRows, sortRows } from '../../src/shared/progress.ts';
import type { AssignmentJson, ProgressCell, ProgressJson } from '../../src/shared/types.ts';

const assignment = (id: number, title: string, trainees: number[] | null = null): AssignmentJson => ({
  id,
  teamId: 1,
  scenarioId: title.toLowerCase().replace(/ /g, '-'),
  scenarioTitle: title,
  dueAt: '2030-01-10T17:00:00.000Z',
  passMark: 70,
  maxAttempts: id === 2 ? 3 : null,
  ownWords: false,
  trainees,
  createdAt: '2030-01-01T00:00:00.000Z',
});

const cell = (userId: number, assignmentId: number, status: ProgressCell['status'], best: number | null, attempts = best === null ? 0 : 1): ProgressCell => ({
  userId,
  assignmentId,
  status,
  best,
  attempts,
  lastAt: attempts ? '2030-01-05T10:00:00.000Z' : null,
});

// Ann passed both; Bob failed A2 and has not started A1; Cy is only on A1 (A3 is for Bob only).
const data: ProgressJson = {
  team: { id: 1, name: 'Front Desk (North)' },
  assignments: [assignment(1, 'Trophy Room'), assignment(2, 'Hold Line'), assignment(3, 'Quiet Customer', [2])],
  trainees: [
    { id: 1, name: 'Ann', email: 'ann@example.com' },
    { id: 2, name: 'Bob', email: 'bob@example.com' },
    { id: 3, name: 'Cy', email: 'cy@example.com' },
  ],
  cells: [
    cell(1, 1, 'passed', 90),
    cell(1, 2, 'passed', 80, 2),
    cell(1, 3, 'not-assigned', null),
    cell(2, 1, 'not-started', null),
    cell(2, 2, 'failed', 40, 3),
    cell(2, 3, 'in-progress', 50),
    cell(3, 1, 'overdue', null),
    // Cy's A2 and A3 cells are missing: filled in from the assignments.
  ],
  generatedAt: '2030-01-06T00:00:00.000Z',
};

describe('progress matrix', () => {
  const rows = buildRows(data);

  it('fills missing cells: not started when set for the trainee, not assigned otherwise', () => {
    const cy = rows.find((r) => r.trainee.name === 'Cy')!;
    expect(cy.cells.map((c) => c.status)).toEqual(['overdue', 'not-started', 'not-assigned']);
    expect(rows.map((r) => [r.trainee.name, r.passed, r.assigned, r.average])).toEqual([
      ['Ann', 2, 2, 85],
      ['Bob', 0, 3, 45],
      ['Cy', 0, 2, null],
    ]);
  });

  it('filters by name or email, by status, and by assignment', () => {
    const names = (rs: typeof rows) => rs.map((r) => r.trainee.name);
    expect(names(filterRows(rows, data, { q: '  BO ' }))).toEqual(['Bob']);
    expect(names(filterRows(rows, data, { q: 'example.com' }))).toEqual(['Ann', 'Bob', 'Cy']);
    expect(names(filterRows(rows, data, { status: 'failed' }))).toEqual(['Bob']);
    expect(names(filterRows(rows, data, { status: 'not-started' }))).toEqual(['Bob', 'Cy']);
    expect(names(filterRows(rows, data, { status: 'not-started', assignment: 1 }))).toEqual(['Bob']);
    expect(names(filterRows(rows, data, { assignment: 3 }))).toEqual(['Bob']);
  });

  it('sorts by name, by progress, and by one column with who needs help first', () => {
    const names = (rs: typeof rows) => rs.map((r) => r.trainee.name);
    expect(names(sortRows(rows, data, 'name', 'desc'))).toEqual(['Cy', 'Bob', 'Ann']);
    expect(names(sortRows(rows, data, 'progress', 'desc'))).toEqual(['Ann', 'Bob', 'Cy']);
    expect(names(sortRows(rows, data, 'progress', 'asc'))).toEqual(['Cy', 'Bob', 'Ann']);
    expect(names(sortRows(rows, data, 'a:1', 'asc'))).toEqual(['Cy', 'Bob', 'Ann']);
    expect(names(sortRows(rows, data, 'a:2', 'desc'))).toEqual(['Ann', 'Cy', 'Bob']);
    // Not-assigned stays last in both directions.
    expect(names(sortRows(rows, data, 'a:3', 'asc')).at(-1)).not.toBe('Bob');
    expect(names(sortRows(rows, data, 'a:3', 'desc'))[0]).toBe('Bob');
    expect(names(sortRows(rows, data, 'a:99', 'asc'))).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('exports one row per trainee and assignment set for them, honouring the filters', () => {
    const all = csvRows(data, rows);
    expect(all[0]).toEqual(CSV_HEADER);
    expect(all).toHaveLength(1 + 2 + 3 + 2);
    expect(all[1]).toEqual(['Ann', 'ann@example.com', 'Trophy Room', 1, '2030-01-10', 70, 'Passed', 90, 1, 'unlimited', '2030-01-05T10:00:00.000Z']);
    expect(all.find((r) => r[0] === 'Bob' && r[3] === 2)).toEqual(['Bob', 'bob@example.com', 'Hold Line', 2, '2030-01-10', 70, 'Failed', 40, 3, 3, '2030-01-05T10:00:00.000Z']);
    const failed = csvRows(data, filterRows(rows, data, { status: 'failed' }), { status: 'failed' });
    expect(failed.slice(1).map((r) => [r[0], r[6]])).toEqual([['Bob', 'Failed']]);
    const one = csvRows(data, rows, { assignment: 1 });
    expect(one.slice(1).map((r) => [r[0], r[6]])).toEqual([
      ['Ann', 'Passed'],
      ['Bob', 'Not started'],
      ['Cy', 'Overdue'],
    ]);
  });

  it('names the file after the team and the day', () => {
    expect(csvFileName('Front Desk (North)', new Date('2030-01-06T12:00:00Z'))).toBe('progress-front-desk-north-2030-01-06.csv');
    expect(csvFileName('***', new Date('2030-01-06T12:00:00Z'))).toBe('progress-team-2030-01-06.csv');
  });
});
