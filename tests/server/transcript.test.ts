// The transcript GET /api/attempts/:id answers with, and the one the trainer's attempt list carries:
// both are the engine's buildTranscript() rows, the API's without patience and feedback.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { buildTranscript } from '../../src/engine/transcript.ts';
import { transcriptOf } from '../../src/server/routes/attempts.ts';
import { attemptDetail } from '../../src/shared/transcript.ts';

const s = loadLibrary().scenarios.get('trophy-room')!;
const { worst } = summarizeRoutes(s)!;
const stored = JSON.parse(JSON.stringify(worst.report)) as Record<string, unknown>;

describe('attempt transcripts', () => {
  it('the API rows keep their fields, in their order, and the text of the shared rows', () => {
    const api = transcriptOf(s, stored)!;
    const shared = buildTranscript(s, stored);
    expect(api.turns).toHaveLength(worst.steps.length);
    for (const row of api.turns) {
      expect(Object.keys(row)).toEqual(['turn', 'node', 'customer', 'emotion', 'choice', 'player', 'shown', 'position', 'silence', 'seconds', 'moves', 'satisfactionAfter']);
    }
    expect(api.turns[0]).toMatchObject({ turn: 0, node: s.start, customer: s.nodes[s.start].line, choice: worst.steps[0] });
    expect(api.turns.map((t) => t.player)).toEqual(shared.rows.map((r) => r.player));
    expect(api.ending).toEqual(shared.ending);
    expect(api.ending).toMatchObject({ outcome: worst.report.outcome });
    expect(transcriptOf(undefined, stored)).toBeNull();
    // With the attempt's seed, the order shown and the chosen reply's place; without one, neither.
    expect(api.turns.every((r) => r.shown === null && r.position === null)).toBe(true);
    const seeded = transcriptOf(s, stored, 7)!;
    expect(seeded.turns.map((r) => r.shown)).toEqual(buildTranscript(s, stored, 7).rows.map((r) => r.shown));
    for (const r of seeded.turns) if (r.choice) expect(r.shown![r.position! - 1]).toBe(r.choice);
  });

  it('the trainer sees the shared rows with patience and feedback', () => {
    const d = attemptDetail(s, {
      id: 1,
      scenarioId: s.id,
      assignmentId: null,
      createdAt: '2030-01-01T10:00:00Z',
      overall: worst.report.overall,
      passed: worst.report.passed,
      outcome: worst.report.outcome,
      satisfaction: worst.report.satisfaction,
      report: stored,
    });
    const shared = buildTranscript(s, stored);
    expect(d.lines).toEqual(shared.rows);
    expect(d.ending).toEqual(shared.ending);
    expect(d.lines.flatMap((l) => l.feedback)).toHaveLength(worst.report.feedback.length);
    expect(d.lines.every((l) => typeof l.patience === 'number')).toBe(true);
  });
});
