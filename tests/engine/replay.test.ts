// replay(): the server's recomputation of a conversation from its event list. Same events, same
// report; anything a real player could not have sent is refused with the event's index and why.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { loadFixture, loadShipped, choose, expire } from './support.ts';

const mini = loadFixture('mini.yaml');
const winning = [choose('feel-and-sorry', 4), choose('courier', 6)];

function refused(result: ReturnType<typeof replay>) {
  if (result.ok) throw new Error('expected the replay to be refused');
  return result;
}

describe('replay(): determinism', () => {
  it('the same events give an identical report twice', () => {
    const a = replay(mini, winning);
    const b = replay(mini, winning);
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
  });

  it('the same events give an identical report on a freshly loaded scenario object', () => {
    const fresh = loadFixture('mini.yaml');
    expect(fresh).not.toBe(mini);
    expect(replay(fresh, winning)).toEqual(replay(mini, winning));
    const s1 = loadShipped('trophy-room');
    const s2 = loadShipped('trophy-room');
    const events = [choose('feel-and-sorry', 5), choose('ask-what-matters', 7), choose('two-quiet-rooms', 4), choose('fix-now', 3), choose('breakfast', 6), choose('explain-and-promise', 5), choose('kept-word', 4)];
    const r1 = replay(s1, events);
    expect(r1).toEqual(replay(s2, events));
    expect(r1.ok && r1.report.outcome).toBe('won-back');
  });

  it('the report describes the conversation', () => {
    const r = replay(mini, winning);
    if (!r.ok) throw new Error(r.reason);
    expect(r.ended).toBe(true);
    expect(r.state).toBe('won');
    expect(r.report).toMatchObject({ scenarioId: 'mini', ending: 'won', outcome: 'won-back', passMark: 70 });
    expect(r.report.turns.map((t) => t.choice)).toEqual(['feel-and-sorry', 'courier']);
    expect(r.report.turns.map((t) => t.seconds)).toEqual([4, 6]);
    expect(r.report.satisfaction).toBe(r.context.mood);
    expect(r.report.passed).toBe(r.report.overall >= 70);
  });

  it('the pass mark can be set by the caller', () => {
    const r = replay(mini, winning, { passMark: 100 });
    expect(r.ok && r.report).toMatchObject({ passMark: 100, passed: false });
  });
});

describe('replay(): the ended flag', () => {
  it('is false for an unfinished conversation, which still gets a report', () => {
    const r = replay(mini, [choose('feel-and-sorry')]);
    expect(r).toMatchObject({ ok: true, ended: false, state: 'remedy' });
    expect(r.ok && r.report).toMatchObject({ ending: null, outcome: null });
  });

  it('is false for no events at all', () => {
    expect(replay(mini, [])).toMatchObject({ ok: true, ended: false, state: 'opening' });
  });

  it('is true once an ending is reached', () => {
    expect(replay(mini, [choose('correct-them')])).toMatchObject({ ok: true, ended: true, state: 'lost' });
    expect(replay(mini, [expire(), expire()])).toMatchObject({ ok: true, ended: true, state: 'lost' });
  });
});

describe('replay(): refusals', () => {
  it('a choice not offered at the current node, with its index and the choices that were offered', () => {
    const r = refused(replay(mini, [choose('feel-and-sorry'), choose('resend')]));
    expect(r.index).toBe(1);
    expect(r.reason).toBe('choice "resend" is not offered at "remedy" (offered: courier, not-my-job)');
  });

  it('an unknown choice id', () => {
    const r = refused(replay(mini, [choose('hug')]));
    expect(r).toMatchObject({ index: 0, reason: expect.stringMatching(/choice "hug" is not offered at "opening"/) });
  });

  it('a 0-second answer', () => {
    const r = refused(replay(mini, [choose('feel-and-sorry', 0)]));
    expect(r).toMatchObject({ index: 0, reason: expect.stringMatching(/faster than anyone can read the line \(minimum 1 s\)/) });
  });

  it('a sub-second answer', () => {
    const r = refused(replay(mini, [choose('feel-and-sorry', 2), choose('courier', 0.4)]));
    expect(r).toMatchObject({ index: 1, reason: expect.stringMatching(/after 0.4 s is faster than anyone/) });
  });

  it('a negative time', () => {
    expect(refused(replay(mini, [choose('feel-and-sorry', -3)])).index).toBe(0);
  });

  it('an answer slower than the customer\'s patience', () => {
    const r = refused(replay(mini, [choose('feel-and-sorry', 31)]));
    expect(r).toMatchObject({ index: 0, reason: "an answer after 31 s is impossible: the customer's patience ran out at 30 s" });
  });

  it('patience is the current one: a node\'s own lower patience caps how long the answer may take', () => {
    // mini's remedy node waits at most 20 s, whatever the customer's patience.
    const r = refused(replay(mini, [choose('feel-and-sorry', 2), choose('courier', 21)]));
    expect(r).toMatchObject({ index: 1, reason: expect.stringMatching(/patience ran out at 20 s/) });
    expect(replay(mini, [choose('feel-and-sorry', 2), choose('courier', 20)]).ok).toBe(true);
  });

  it('non-finite times', () => {
    for (const seconds of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const r = refused(replay(mini, [choose('feel-and-sorry', seconds)]));
      expect(r).toMatchObject({ index: 0, reason: 'seconds must be a number' });
    }
  });

  it('events after the end', () => {
    const r = refused(replay(mini, [choose('correct-them'), choose('feel-and-sorry')]));
    expect(r).toMatchObject({ index: 1, reason: 'the conversation already ended (lost)' });
    const r2 = refused(replay(mini, [choose('correct-them'), expire()]));
    expect(r2).toMatchObject({ index: 1, reason: 'the conversation already ended (lost)' });
  });

  it('malformed events', () => {
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'player.choose',
      [],
      {},
      { type: 'player.choose' },
      { type: 'player.choose', choice: 'feel-and-sorry' },
      { type: 'player.choose', seconds: 3 },
      { type: 'player.choose', choice: 7, seconds: 3 },
      { type: 'player.choose', choice: 'feel-and-sorry', seconds: '3' },
      { type: 'PLAYER.CHOOSE', choice: 'feel-and-sorry', seconds: 3 },
      { type: 'xstate.init' },
      { type: 'reset' },
    ];
    for (const e of bad) {
      const r = refused(replay(mini, [choose('feel-and-sorry'), e]));
      expect(r.index).toBe(1);
      expect(r.reason).toMatch(/^not an event: expected/);
    }
  });

  it('the first bad event is reported, even when later ones are bad too', () => {
    const r = refused(replay(mini, [choose('feel-and-sorry'), choose('courier', 0), null]));
    expect(r.index).toBe(1);
  });

  it('extra fields on a good event do not change the result', () => {
    const withExtras = winning.map((e) => ({ ...e, mood: 100, score: 100 }));
    expect(replay(mini, withExtras)).toEqual(replay(mini, winning));
  });
});
