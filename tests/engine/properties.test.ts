// Property tests: whatever a client sends, replay() answers without throwing; anti-moves never earn
// points; scores stay in range.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { replay, replayThroughMachine } from '../../src/engine/replay.ts';
import { applyEvent, checkEvent, initialContext, type ConversationEvent } from '../../src/engine/conversation.ts';
import { scoreTurns } from '../../src/engine/score.ts';
import { emptyHistory, absorb, react, type Mood } from '../../src/engine/customer.ts';
import { MOVES, type TurnMove } from '../../src/engine/moves.ts';
import type { RubricTurn } from '../../src/engine/rubric.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import { loadFixture, loadShipped } from './support.ts';

const SCENARIOS: Scenario[] = [loadShipped('trophy-room'), loadFixture('mini.yaml')];
const RUNS = 300;

const seconds = fc.oneof(
  fc.integer({ min: -10, max: 200 }),
  fc.double({ min: 0, max: 120, noNaN: true }),
  fc.constantFrom(0, -0, -1, 0.5, 0.999, 1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
);

function inRange(r: { empathy: number; ownership: number; timing: number; overall: number }) {
  for (const v of [r.empathy, r.ownership, r.timing, r.overall]) {
    expect(Number.isInteger(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(100);
  }
}

describe('replay() on random event lists', () => {
  for (const s of SCENARIOS) {
    const ids = [...new Set(Object.values(s.nodes).flatMap((n) => n.choices.map((c) => c.id)))];
    const event = fc.oneof(
      { weight: 6, arbitrary: fc.record({ type: fc.constant('player.choose'), choice: fc.oneof(fc.constantFrom(...ids), fc.string()), seconds }) },
      { weight: 2, arbitrary: fc.constant({ type: 'customer.patienceExpired' }) },
      { weight: 1, arbitrary: fc.anything() },
    );

    it(`${s.id}: never throws and answers ok with a report, or a reason at a valid index`, () => {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 15 }), (events) => {
          const r = replay(s, events);
          if (r.ok) {
            expect(typeof r.ended).toBe('boolean');
            expect(r.context.turns).toHaveLength(events.length);
            inRange(r.report);
          } else {
            expect(typeof r.reason).toBe('string');
            expect(r.reason.length).toBeGreaterThan(0);
            expect(Number.isInteger(r.index) && r.index >= 0 && r.index < events.length).toBe(true);
            // Everything before the refused event was acceptable.
            expect(replay(s, events.slice(0, r.index)).ok).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    });

    it(`${s.id}: the step-function replay and the machine's replay give the same answer`, () => {
      fc.assert(
        fc.property(fc.array(event, { maxLength: 15 }), (events) => {
          expect(replay(s, events)).toEqual(replayThroughMachine(s, events));
        }),
        { numRuns: RUNS },
      );
    });

    // Mostly playable lists: each step picks one of the choices offered where the conversation is.
    const step = fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('pick' as const), pick: fc.nat(), seconds }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'expire' as const }) },
    );

    it(`${s.id}: on playable lists, replay accepts exactly what the step function accepts`, () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
          let ctx = initialContext(s);
          const events: ConversationEvent[] = [];
          let firstBad = -1;
          for (const st of steps) {
            const node = s.nodes[ctx.node];
            const ev: ConversationEvent =
              st.kind === 'expire' || !node ? { type: 'customer.patienceExpired' } : { type: 'player.choose', choice: node.choices[st.pick % node.choices.length].id, seconds: st.seconds };
            events.push(ev);
            if (!checkEvent(s, ctx, ev).ok) {
              firstBad = events.length - 1;
              break;
            }
            ctx = applyEvent(s, ctx, ev);
          }
          const r = replay(s, events);
          expect(replayThroughMachine(s, events)).toEqual(r);
          if (firstBad < 0) {
            expect(r.ok).toBe(true);
            if (r.ok) {
              expect(r.context).toEqual(ctx);
              expect(r.ended).toBe(ctx.ending !== null);
              inRange(r.report);
            }
          } else {
            expect(r).toMatchObject({ ok: false, index: firstBad });
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});

// Random transcripts for the rubric and the customer model.
const turnMoves = fc.uniqueArray(fc.constantFrom<TurnMove>(...MOVES, 'silence'), { minLength: 1, maxLength: 3 });
const turn = fc.record({ moves: turnMoves, seconds: fc.double({ min: 1, max: 60, noNaN: true }), patience: fc.double({ min: 5, max: 90, noNaN: true }) });
const transcript = fc.array(turn, { maxLength: 10 });

type Insert = { asNewTurn: boolean; at: number; within: number };
const insertion = fc.record({ asNewTurn: fc.boolean(), at: fc.nat(), within: fc.nat() });

/** The transcript with `move` added: as a turn of its own, or into an existing turn's line. */
function withMove(turns: readonly RubricTurn[], move: TurnMove, ins: Insert): RubricTurn[] {
  const out = turns.map((t) => ({ ...t, moves: [...t.moves] }));
  if (ins.asNewTurn || out.length === 0) {
    out.splice(ins.at % (out.length + 1), 0, { moves: [move], seconds: 3, patience: 30 });
  } else {
    const t = out[ins.at % out.length];
    if (!t.moves.includes(move)) t.moves.splice(ins.within % (t.moves.length + 1), 0, move);
  }
  return out;
}

/** The customer's mood after the transcript, from a given start, as a voicer or an activist. */
function moodAfter(turns: readonly RubricTurn[], start: Mood, persona: 'voicer' | 'activist'): number {
  const h = emptyHistory();
  let state = start;
  for (const t of turns) {
    state = react(state, t.moves, t.seconds, h, persona);
    absorb(h, t.moves);
  }
  return state.mood;
}

describe('anti-moves never earn points', () => {
  const cases = [
    ['blame-other', 'ownership'],
    ['argue', 'empathy'],
    ['dismiss', 'empathy'],
  ] as const;
  for (const [move, dimension] of cases) {
    it(`inserting \`${move}\` at any turn never raises ${dimension}`, () => {
      fc.assert(
        fc.property(transcript, insertion, fc.boolean(), (turns, ins, canKeep) => {
          const options = { promiseCanBeKept: canKeep };
          const before = scoreTurns(turns, options);
          const after = scoreTurns(withMove(turns, move, ins), options);
          expect(after[dimension]).toBeLessThanOrEqual(before[dimension]);
        }),
        { numRuns: RUNS },
      );
    });

    it(`inserting \`${move}\` at any turn never raises the customer's mood`, () => {
      fc.assert(
        fc.property(transcript, insertion, fc.integer({ min: 0, max: 100 }), fc.constantFrom('voicer' as const, 'activist' as const), (turns, ins, mood, persona) => {
          const start = { mood, patience: 30 };
          expect(moodAfter(withMove(turns, move, ins), start, persona)).toBeLessThanOrEqual(moodAfter(turns, start, persona));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('the penalty is visible: an inserted anti-move is named in the feedback at its turn', () => {
    fc.assert(
      fc.property(transcript, fc.nat(), fc.constantFrom<TurnMove>('blame-other', 'argue', 'dismiss'), (turns, at, move) => {
        const i = at % (turns.length + 1);
        const out = withMove(turns, move, { asNewTurn: true, at: i, within: 0 });
        const rule = { 'blame-other': 'blamed-someone', argue: 'argued', dismiss: 'dismissed' }[move as 'argue'];
        expect(scoreTurns(out).feedback.some((f) => f.rule === rule && f.turn === i)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('scores', () => {
  it('are integers within 0-100 for any transcript', () => {
    fc.assert(
      fc.property(transcript, fc.boolean(), (turns, canKeep) => {
        const r = scoreTurns(turns, { promiseCanBeKept: canKeep });
        inRange(r);
        expect(r.overall).toBe(Math.round((r.empathy + r.ownership + r.timing) / 3));
        for (const f of r.feedback) expect(f.turn >= 0 && f.turn < turns.length).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('are the same for the same transcript (no hidden state between calls)', () => {
    fc.assert(
      fc.property(transcript, (turns) => {
        expect(scoreTurns(turns)).toEqual(scoreTurns(turns));
      }),
      { numRuns: 100 },
    );
  });
});
