// The customer model: persona weighting, patience and hesitation, order effects, and limits.
// (The seed's apology-with-remedy contrast has its own file, seed-contrast.test.ts.)
import { describe, expect, it } from 'vitest';
import { emptyHistory, historyOf, react, HESITATION_COST, MAX_PATIENCE, MIN_PATIENCE, SLOW_SHARE, type Mood } from '../../src/engine/customer.ts';
import { replay } from '../../src/engine/replay.ts';
import type { Persona } from '../../src/engine/schema.ts';
import type { TurnMove } from '../../src/engine/moves.ts';
import { loadFixture, choose } from './support.ts';

const start: Mood = { mood: 50, patience: 30 };
const moodDrop = (persona: Persona, moves: TurnMove[]) => start.mood - react(start, moves, 3, emptyHistory(), persona).mood;

describe('persona weighting', () => {
  it('an activist loses more mood than a voicer on `argue`, and an irate customer sits between', () => {
    const voicer = moodDrop('voicer', ['argue']);
    const irate = moodDrop('irate', ['argue']);
    const activist = moodDrop('activist', ['argue']);
    expect(voicer).toBe(15);
    expect(activist).toBeGreaterThan(irate);
    expect(irate).toBeGreaterThan(voicer);
    expect(activist).toBeGreaterThanOrEqual(19);
  });

  it('the weighting applies to every negative move', () => {
    for (const move of ['dismiss', 'blame-other', 'pass-the-buck', 'scripted-platitude', 'excuse', 'silence'] as const) {
      expect(moodDrop('activist', [move])).toBeGreaterThan(moodDrop('voicer', [move]));
    }
  });

  it('good news lands the same whatever the persona', () => {
    for (const moves of [['apologize'], ['acknowledge-feelings', 'fix']] as TurnMove[][]) {
      const lifts = (['voicer', 'irate', 'activist'] as const).map((p) => moodDrop(p, moves));
      expect(new Set(lifts).size).toBe(1);
      expect(lifts[0]).toBeLessThan(0);
    }
  });
});

describe('patience drains while the player hesitates', () => {
  it('each extra second of hesitation costs HESITATION_COST seconds of patience', () => {
    const quick = react(start, ['acknowledge-feelings'], 2, emptyHistory(), 'voicer');
    const slow = react(start, ['acknowledge-feelings'], 12, emptyHistory(), 'voicer');
    expect(quick.patience - slow.patience).toBeCloseTo(10 * HESITATION_COST, 5);
  });

  it('an answer slower than SLOW_SHARE of the patience also costs mood', () => {
    const edge = start.patience * SLOW_SHARE;
    const onTime = react(start, ['acknowledge-feelings'], edge, emptyHistory(), 'voicer');
    const late = react(start, ['acknowledge-feelings'], edge + 1, emptyHistory(), 'voicer');
    expect(onTime.mood - late.mood).toBe(4);
  });

  it('silence costs mood and patience but is not also counted as a slow answer', () => {
    const after = react(start, ['silence'], start.patience, emptyHistory(), 'voicer');
    expect(after.mood).toBe(start.mood - 10);
    expect(after.patience).toBeCloseTo(start.patience - 5 - start.patience * HESITATION_COST, 5);
  });

  it('patience stays within its limits and mood within 0-100', () => {
    const drained = react({ mood: 3, patience: 6 }, ['argue', 'dismiss', 'pass-the-buck'], 6, emptyHistory(), 'activist');
    expect(drained).toEqual({ mood: 0, patience: MIN_PATIENCE });
    const delighted = react({ mood: 95, patience: 88 }, ['acknowledge-feelings', 'apologize', 'fix', 'above-and-beyond'], 1, emptyHistory(), 'voicer');
    expect(delighted).toEqual({ mood: 100, patience: MAX_PATIENCE });
  });

  it('in a conversation, the same answers given slowly leave the customer less patient and less pleased', () => {
    const mini = loadFixture('mini.yaml');
    const quick = replay(mini, [choose('feel-and-sorry', 2)]);
    const slow = replay(mini, [choose('feel-and-sorry', 25)]);
    if (!quick.ok || !slow.ok) throw new Error('replay refused');
    expect(slow.context.turns[0].patienceAfter).toBeLessThan(quick.context.turns[0].patienceAfter);
    expect(slow.context.mood).toBeLessThan(quick.context.mood);
  });

  it("a node's own patience is a ceiling: the customer waits no longer there, however patient before", () => {
    const mini = loadFixture('mini.yaml');
    const r = replay(mini, [choose('feel-and-sorry', 2)]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.context.turns[0].patienceAfter).toBeGreaterThan(20);
    expect(r.context.patience).toBe(20);
  });
});

describe('order matters', () => {
  const s15 = { mood: 15, patience: 30 };

  it('apology and remedy in one line, apology first, land like the two-turn version (≈74%)', () => {
    const one = react(s15, ['apologize', 'fix'], 3, emptyHistory(), 'voicer');
    expect(one.mood).toBeGreaterThanOrEqual(72);
    expect(one.mood).toBeLessThanOrEqual(76);
  });

  it('the remedy first and the apology after it land far worse', () => {
    const reversed = react(s15, ['fix', 'apologize'], 3, emptyHistory(), 'voicer');
    const apologyFirst = react(s15, ['apologize', 'fix'], 3, emptyHistory(), 'voicer');
    expect(reversed.mood).toBeLessThan(apologyFirst.mood - 20);
  });

  it('explaining the cause before the fix hurts; after the fix it helps', () => {
    expect(react(start, ['explain-cause'], 3, emptyHistory(), 'voicer').mood).toBeLessThan(start.mood);
    expect(react(start, ['explain-cause'], 3, historyOf([['fix']]), 'voicer').mood).toBeGreaterThan(start.mood);
  });

  it('an extra before listening feels like a bribe; after the fix it delights', () => {
    const bribe = react(start, ['above-and-beyond'], 3, emptyHistory(), 'voicer');
    const afterFix = react(start, ['above-and-beyond'], 3, historyOf([['acknowledge-feelings'], ['fix']]), 'voicer');
    expect(bribe.mood).toBeLessThan(start.mood);
    expect(afterFix.mood).toBeGreaterThan(start.mood + 10);
  });

  it('a kept promise is worth three times a follow-up nobody promised', () => {
    const kept = react(start, ['keep-promise'], 3, historyOf([['promise-followup']]), 'voicer').mood - start.mood;
    const unpromised = react(start, ['keep-promise'], 3, emptyHistory(), 'voicer').mood - start.mood;
    expect(kept).toBe(3 * unpromised);
  });

  it('repeating a good move is worth less the second time', () => {
    const first = react(start, ['apologize'], 3, emptyHistory(), 'voicer').mood - start.mood;
    const again = react(start, ['apologize'], 3, historyOf([['apologize']]), 'voicer').mood - start.mood;
    expect(again).toBeLessThan(first);
    expect(again).toBeGreaterThan(0);
  });

  it('react does not change the history it is given', () => {
    const h = historyOf([['acknowledge-feelings']]);
    const before = { ...h, seen: [...h.seen] };
    react(start, ['apologize', 'fix'], 3, h, 'voicer');
    expect({ ...h, seen: [...h.seen] }).toEqual(before);
  });
});
