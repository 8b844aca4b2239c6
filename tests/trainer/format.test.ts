import { describe, expect, it } from 'vitest';
import { dueLabel, fromLocalInput, percent, plural, seconds, toLocalInput } from '../../src/trainer/lib/format.ts';
import { scoreSeries, trend } from '../../src/trainer/lib/series.ts';
import { attemptDetail } from '../../src/shared/transcript.ts';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import type { AttemptDetail } from '../../src/shared/types.ts';

describe('formatting', () => {
  const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

  it('says when something is due in calendar days', () => {
    const now = at(2030, 3, 10, 9);
    expect(dueLabel(new Date(at(2030, 3, 10, 17)).toISOString(), now)).toBe('Due today');
    expect(dueLabel(new Date(at(2030, 3, 11, 8)).toISOString(), now)).toBe('Due tomorrow');
    expect(dueLabel(new Date(at(2030, 3, 15)).toISOString(), now)).toBe('Due in 5 days');
    expect(dueLabel(new Date(at(2030, 3, 10, 8)).toISOString(), now)).toBe('Due earlier today');
    expect(dueLabel(new Date(at(2030, 3, 9)).toISOString(), now)).toBe('Due yesterday');
    expect(dueLabel(new Date(at(2030, 3, 6)).toISOString(), now)).toBe('4 days overdue');
  });

  it('round-trips datetime-local values in local time', () => {
    const iso = new Date(at(2030, 3, 10, 17)).toISOString();
    expect(toLocalInput(iso)).toBe('2030-03-10T17:00');
    expect(fromLocalInput('2030-03-10T17:00')).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBeNull();
  });

  it('writes seconds, counts and shares for people', () => {
    expect(seconds(4)).toBe('4 s');
    expect(seconds(12.34)).toBe('12.3 s');
    expect(seconds(65)).toBe('1 min 5 s');
    expect(seconds(120)).toBe('2 min');
    expect(plural(1, 'attempt')).toBe('1 attempt');
    expect(plural(3, 'attempt')).toBe('3 attempts');
    expect(percent(0.756)).toBe('76%');
  });
});

describe('trainee attempts', () => {
  const s = loadLibrary().scenarios.get('trophy-room')!;
  const { best, worst } = summarizeRoutes(s)!;
  const stored = (id: number, createdAt: string, report: typeof best.report) => ({
    id,
    scenarioId: s.id,
    assignmentId: null,
    createdAt,
    overall: report.overall,
    passed: report.passed,
    outcome: report.outcome,
    satisfaction: report.satisfaction,
    report: report as unknown as Record<string, unknown>,
  });

  it('puts every feedback item at its turn, with the line, the choice text and the seconds', () => {
    const d = attemptDetail(s, stored(7, '2030-01-01T10:00:00Z', best.report));
    expect(d.lines).toHaveLength(best.steps.length);
    expect(d.lines.flatMap((l) => l.feedback)).toHaveLength(best.report.feedback.length);
    const first = d.lines[0];
    expect(first).toMatchObject({ customer: s.nodes[s.start].line, choice: best.steps[0], seconds: 4, silence: false });
    expect(first.player).toBe(s.nodes[s.start].choices.find((c) => c.id === best.steps[0])!.text);
    expect(d.ending?.outcome).toBe('won-back');
    // A scenario that has gone away still shows the scores and choice ids.
    const orphan = attemptDetail(undefined, stored(8, '2030-01-01T10:00:00Z', worst.report));
    expect(orphan.scenarioTitle).toBeNull();
    expect(orphan.lines[0]).toMatchObject({ customer: null, player: null, choice: worst.steps[0] });
  });

  it('charts scores oldest first and reports the change', () => {
    const a = attemptDetail(s, stored(2, '2030-01-02T10:00:00Z', best.report));
    const b = attemptDetail(s, stored(1, '2030-01-01T10:00:00Z', worst.report));
    const series = scoreSeries([a, b] as AttemptDetail[], (x, i) => `#${i + 1} ${x.id}`);
    expect(series.labels).toEqual(['#1 1', '#2 2']);
    expect(series.overall).toEqual([worst.report.overall, best.report.overall]);
    expect(trend(series)?.overall).toBe(best.report.overall - worst.report.overall);
    expect(trend(scoreSeries([a], () => ''))).toBeNull();
  });
});
