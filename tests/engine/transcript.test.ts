// buildTranscript(): the rows the attempts API and the trainer dashboard show, from a replayed report
// of a shipped scenario: texts from the YAML, silence, timing, feedback at its turn, the ending.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { displayedIds } from '../../src/engine/shuffle.ts';
import { buildTranscript } from '../../src/engine/transcript.ts';
import { choose, expire, loadShipped } from './support.ts';

const s = loadShipped('trophy-room');

function reportOf(events: Parameters<typeof replay>[1]) {
  const r = replay(s, events);
  if (!r.ok) throw new Error(r.reason);
  return r.report;
}

// Silent at first, then argues and recovers; from there (the node the best route's first answer
// reaches) it follows the best route, but the guest remembers the argument: polite, not won back.
const best = summarizeRoutes(s)!.best.events;
const recovered = reportOf([expire(), choose('prestige', 6), choose('recover', 5), ...best.slice(1)]);

const rules = (row: { feedback: { rule: string }[] }) => row.feedback.map((f) => f.rule);

describe('buildTranscript()', () => {
  it('gives one row a turn, with the customer line and the answer from the scenario', () => {
    const { rows } = buildTranscript(s, recovered);
    expect(rows.map((r) => r.node)).toEqual(['opening', 'opening', 'defended', 'listen', 'needs', 'choose-room', 'settled', 'grateful', 'morning']);
    expect(rows.map((r) => r.turn)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[1]).toMatchObject({
      choice: 'prestige',
      customer: expect.stringMatching(/^Front desk\? There are about forty dead animals staring at me\./),
      emotion: 'angry',
      player: "I'm so sorry. It's our Heritage Suite, though - heads of state have stayed there, and most guests love it.",
      silence: false,
      seconds: 6,
      moves: ['apologize', 'argue'],
      satisfactionAfter: 6,
    });
    expect(rows[2]).toMatchObject({ node: 'defended', emotion: 'furious', choice: 'recover', moves: ['acknowledge-feelings'] });
    expect(rows[2].customer).toMatch(/^I don't care who slept here\./);
    expect(rows[2].player).toMatch(/^Yes, tonight\. You're right/);
    expect(rows[5]).toMatchObject({ choice: 'fix-now', player: expect.stringMatching(/^Done - 214 is yours\./), seconds: (best[3] as { seconds: number }).seconds });
  });

  it('marks a silent turn: no choice, no answer, the whole patience as its seconds', () => {
    const [silent, next] = buildTranscript(s, recovered).rows;
    expect(silent).toMatchObject({ node: 'opening', choice: null, player: null, silence: true, seconds: 60, patience: 60, moves: ['silence'] });
    // Silence costs patience: the customer waits less at the next turn.
    expect(next.patience).toBeLessThan(60);
    expect(next.silence).toBe(false);
  });

  it('puts each feedback item at the turn it fired, every item once', () => {
    const { rows } = buildTranscript(s, recovered);
    expect(rules(rows[0])).toEqual(['left-in-silence', 'patience-ran-out']);
    expect(rules(rows[1])).toEqual(['argued', 'apologized', 'early-apology']);
    expect(rules(rows[2])).toContain('feelings-first');
    expect(rules(rows[5])).toEqual(['fixed', 'fix-after-listening']);
    expect(rules(rows[8])).toContain('promise-kept');
    expect(rows.flatMap((r) => r.feedback)).toHaveLength(recovered.feedback.length);
    for (const r of rows) for (const f of r.feedback) expect(f.turn).toBe(r.turn);
  });

  it('ends with the ending from the scenario; end-of-conversation rules sit on the last turn', () => {
    expect(buildTranscript(s, recovered).ending).toEqual({
      id: 'polite-exit',
      outcome: 'lost',
      line: s.endings['polite-exit'].line,
      summary: 'Desmond was polite at checkout, but nothing made him choose the hotel over the one next door next time.',
    });
    // Ignored twice, the customer walks out: the rules about what never happened fire at the end.
    const walkedOut = buildTranscript(s, reportOf([expire(), expire()]));
    expect(walkedOut.ending).toMatchObject({ id: 'lost-quietly', outcome: 'lost', line: "Forget it. I'll manage." });
    expect(walkedOut.rows.map((r) => r.silence)).toEqual([true, true]);
    expect(rules(walkedOut.rows[1])).toEqual(['left-in-silence', 'patience-ran-out', 'never-acknowledged', 'never-apologized', 'never-remedied']);
  });

  it('has no ending while the conversation goes on', () => {
    const t = buildTranscript(s, reportOf([choose('feel-and-sorry', 4)]));
    expect(t.rows).toHaveLength(1);
    expect(t.ending).toBeNull();
  });

  it('reads the stored JSON copy of a report the same as the report itself', () => {
    const stored = JSON.parse(JSON.stringify(recovered)) as Record<string, unknown>;
    expect(buildTranscript(s, stored)).toEqual(buildTranscript(s, recovered));
  });

  it('keeps ids and numbers when the scenario or its lines are gone, and copes with old or empty reports', () => {
    const orphan = buildTranscript(undefined, recovered);
    expect(orphan.ending).toBeNull();
    expect(orphan.rows[1]).toMatchObject({ node: 'opening', choice: 'prestige', customer: null, emotion: null, player: null, seconds: 6 });
    expect(rules(orphan.rows[1])).toEqual(['argued', 'apologized', 'early-apology']);
    // A report stored before turns recorded the patience.
    const old = { ...recovered, turns: recovered.turns.map(({ patience: _p, ...t }) => t) };
    expect(buildTranscript(s, old).rows.every((r) => r.patience === null)).toBe(true);
    expect(buildTranscript(s, {})).toEqual({ rows: [], ending: null });
    expect(buildTranscript(s, { turns: 'nonsense', feedback: null, ending: 7 })).toEqual({ rows: [], ending: null });
  });

  it("with the attempt's seed, says in which order the replies were shown and where the chosen one sat", () => {
    const seed = 123_456_789;
    const { rows } = buildTranscript(s, recovered, seed);
    for (const row of rows) {
      expect(row.shown).toEqual(displayedIds(s.nodes[row.node], row.node, seed));
      if (row.silence) expect(row.position).toBeNull();
      else expect(row.shown![row.position! - 1]).toBe(row.choice);
    }
    // A node visited twice keeps its order; the silence at it has no position.
    expect(rows[0].shown).toEqual(rows[1].shown);
    expect(rows[0].position).toBeNull();
    expect(rows[1].position).toBe(displayedIds(s.nodes.opening, 'opening', seed).indexOf('prestige') + 1);
    // Over a few seeds the chosen reply is not always in the same place.
    const places = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((k) => buildTranscript(s, recovered, k).rows[1].position));
    expect(places.size).toBeGreaterThan(1);
    // Without a seed (attempts stored before seeds), or without the scenario, neither is known.
    for (const unseeded of [buildTranscript(s, recovered), buildTranscript(s, recovered, null), buildTranscript(s, recovered, -1), buildTranscript(undefined, recovered, seed)]) {
      expect(unseeded.rows.every((r) => r.shown === null && r.position === null)).toBe(true);
    }
    // Seed 0 is a seed like any other.
    expect(buildTranscript(s, recovered, 0).rows[1].shown).toEqual(displayedIds(s.nodes.opening, 'opening', 0));
  });
});
