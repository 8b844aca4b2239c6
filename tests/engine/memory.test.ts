// The customer remembers: mistakes leave distrust that scales later gains down, an apology undone by
// blame no longer doubles the fix, and repairs take distrust off a little at a time.
import { describe, expect, it } from 'vitest';
import { emptyHistory, historyOf, react, respond, trustFactor, DISTRUST_ADDED, type Mood } from '../../src/engine/customer.ts';
import type { TurnMove } from '../../src/engine/moves.ts';

const start: Mood = { mood: 20, patience: 30 };

/** Plays turns in order from the start and returns the final mood. */
function play(...turns: TurnMove[][]): number {
  let state: Mood = start;
  const done: TurnMove[][] = [];
  for (const moves of turns) {
    state = react(state, moves, 3, historyOf(done), 'voicer');
    done.push(moves);
  }
  return state.mood;
}

describe('distrust', () => {
  it('an early argument still costs after a sincere apology and the fix', () => {
    const clean = play(['acknowledge-feelings', 'apologize'], ['fix']);
    const argued = play(['argue'], ['acknowledge-feelings', 'apologize'], ['fix']);
    // The argument's own -15 plus gains scaled down by what the customer now holds against them.
    expect(clean - argued).toBeGreaterThanOrEqual(25);
  });

  it('arguing and blaming early is not washed out by a later fix', () => {
    const bad = play(['argue'], ['blame-other'], ['apologize'], ['fix']);
    expect(bad).toBeLessThan(50);
    expect(play(['apologize'], ['fix'])).toBeGreaterThan(75);
  });

  it('an apology followed by blame does not stand: the fix lands like a remedy alone', () => {
    const sorryThenBlame = respond(start, ['apologize', 'blame-other'], 3, emptyHistory(), 'voicer');
    expect(sorryThenBlame.history.apologyStands).toBe(false);
    const fixAfter = react(sorryThenBlame, ['fix'], 3, sorryThenBlame.history, 'voicer');
    const fixAfterSincere = react({ mood: sorryThenBlame.mood, patience: 30 }, ['fix'], 3, historyOf([['apologize']]), 'voicer');
    expect(fixAfterSincere.mood - fixAfter.mood).toBeGreaterThanOrEqual(20);
  });

  it('a repair takes distrust off a little, never all at once', () => {
    const argued = historyOf([['argue']]);
    expect(argued.distrust).toBe(DISTRUST_ADDED.argue);
    const apologised = historyOf([['argue'], ['apologize']]);
    expect(apologised.distrust).toBeGreaterThan(0);
    expect(apologised.distrust).toBeLessThan(argued.distrust);
    // Saying sorry again without a new mistake repairs nothing more.
    expect(historyOf([['argue'], ['apologize'], ['apologize']]).distrust).toBe(apologised.distrust);
  });

  it('a perk before listening reads as a bribe; after the fix it adds no distrust', () => {
    expect(historyOf([['above-and-beyond']]).distrust).toBe(15);
    expect(historyOf([['acknowledge-feelings'], ['above-and-beyond']]).distrust).toBe(5);
    expect(historyOf([['acknowledge-feelings'], ['fix'], ['above-and-beyond']]).distrust).toBe(0);
  });

  it('long silences, excuses and rating requests leave distrust too', () => {
    for (const m of ['silence', 'excuse', 'ask-for-rating', 'dismiss', 'pass-the-buck', 'hedge'] as const) {
      expect(historyOf([[m]]).distrust, m).toBeGreaterThan(0);
    }
  });

  it('the trust factor falls with distrust and never below a third', () => {
    expect(trustFactor(0)).toBe(1);
    expect(trustFactor(40)).toBeLessThan(trustFactor(20));
    expect(trustFactor(100)).toBeCloseTo(1 / 3, 5);
  });

  it('losses land in full whatever the distrust', () => {
    const h = historyOf([['argue'], ['blame-other']]);
    expect(start.mood - react(start, ['dismiss'], 3, h, 'voicer').mood).toBe(12);
  });
});
