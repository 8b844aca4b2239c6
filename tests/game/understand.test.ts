// Own-words mode's reading with a team's labelled replies: a label decides for replies close to it,
// moves that are not in the vocabulary are dropped, and a new labels version takes effect at once.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/game/understand.ts';

const replies = [
  { id: 'pass', text: 'That is for the night manager, not me.', moves: ['pass-the-buck' as const] },
  { id: 'own', text: 'I am sorry, I will sort the room out for you myself right now.', moves: ['apologize' as const, 'own-it' as const, 'fix' as const] },
];
const TYPED = 'I am flagging this to the duty manager as a priority one.';

describe('understand with team examples', () => {
  it('reads a labelled reply as its label, and follows a new version of the labels', () => {
    const none = understand(TYPED, replies);
    expect(none.ok).toBe(true);

    const v1 = { version: 1, examples: [{ text: 'I am flagging this to the duty manager as priority one', moves: ['fix', 'own-it', 'not-a-move'] }] };
    const labelled = understand(TYPED, replies, v1);
    expect(labelled).toMatchObject({ ok: true, moves: ['fix', 'own-it'], unsure: false, ranked: ['own', 'pass'] });

    const v2 = { version: 2, examples: [{ text: 'I am flagging this to the duty manager as priority one', moves: ['pass-the-buck'] }] };
    expect(understand(TYPED, replies, v2)).toMatchObject({ ok: true, moves: ['pass-the-buck'], ranked: ['pass', 'own'] });
    // Back to no labels: the shipped model again.
    expect(understand(TYPED, replies, { version: 0, examples: [] })).toEqual(none);
  });
});
