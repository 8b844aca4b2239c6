// The turn machine on its own, with a clock actor the test controls: the clock runs only while the
// player chooses, hears pause and resume, and its expiry moves the turn on.
import { createActor, fromCallback } from 'xstate';
import { describe, expect, it } from 'vitest';
import { turnMachine, type ClockCommand, type ClockInput } from '../../src/game/turn.ts';

function harness() {
  const log: string[] = [];
  let tick: ((e: { type: 'patience.unlocked' } | { type: 'patience.expired' }) => void) | null = null;
  const clock = fromCallback<ClockCommand, ClockInput>(({ input, receive, sendBack }) => {
    log.push(input.paused ? 'clock started paused' : 'clock started');
    tick = sendBack;
    receive((c) => log.push(`clock ${c.type}`));
    return () => {
      tick = null;
      log.push('clock stopped');
    };
  });
  const actor = createActor(turnMachine.provide({ actors: { patienceClock: clock } }));
  for (const e of ['choicesUnlocked', 'patienceRanOut', 'finished'] as const) actor.on(e, () => log.push(`emitted ${e}`));
  actor.start();
  return { actor, log, tick: (e: 'patience.unlocked' | 'patience.expired') => tick?.({ type: e }) };
}

describe('turn machine', () => {
  it('runs the clock only while choosing and stops it on a reply', () => {
    const { actor, log, tick } = harness();
    expect(actor.getSnapshot().value).toBe('speaking');
    expect(log).toEqual([]);
    actor.send({ type: 'line.shown', kind: 'line' });
    expect(actor.getSnapshot().value).toBe('choosing');
    tick('patience.unlocked');
    actor.send({ type: 'replied' });
    expect(actor.getSnapshot().value).toBe('speaking');
    expect(log).toEqual(['clock started', 'emitted choicesUnlocked', 'clock stopped']);
  });

  it('forwards pause and resume to a running clock and starts a new one paused', () => {
    const { actor, log } = harness();
    actor.send({ type: 'pause' });
    actor.send({ type: 'line.shown', kind: 'line' });
    actor.send({ type: 'resume' });
    actor.send({ type: 'pause' });
    expect(actor.getSnapshot().context.paused).toBe(true);
    expect(log).toEqual(['clock started paused', 'clock resume', 'clock pause']);
  });

  it('an expired clock moves the turn back to speaking and says so once', () => {
    const { actor, log, tick } = harness();
    actor.send({ type: 'line.shown', kind: 'line' });
    tick('patience.expired');
    tick('patience.expired'); // the clock is gone: nothing more happens
    expect(actor.getSnapshot().value).toBe('speaking');
    expect(log.filter((l) => l === 'emitted patienceRanOut')).toHaveLength(1);
  });

  it('a silence or ending line waits for Continue; Continue at the ending finishes', () => {
    const { actor, log } = harness();
    actor.send({ type: 'line.shown', kind: 'silence' });
    expect(actor.getSnapshot().value).toBe('waiting');
    actor.send({ type: 'advance', ending: false });
    expect(actor.getSnapshot().value).toBe('speaking');
    actor.send({ type: 'line.shown', kind: 'ending' });
    actor.send({ type: 'replied' }); // ignored outside 'choosing'
    expect(actor.getSnapshot().value).toBe('waiting');
    actor.send({ type: 'advance', ending: true });
    expect(actor.getSnapshot().status).toBe('done');
    expect(log).toEqual(['emitted finished']);
  });
});
