// The compiled machine: one state per node and ending, endings final, guards that offer exactly the
// scenario's choices, effects injected by the host, and the silence rules.
import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { compile } from '../../src/engine/compile.ts';
import { loadFixture, loadShipped, choose, expire } from './support.ts';

const mini = loadFixture('mini.yaml');

/** An actor whose effects are recorded, in order, as [action, params]. */
function recordingActor(s = mini) {
  const calls: [string, unknown][] = [];
  const machine = compile(s).provide({
    actions: {
      customerSpeaks: (_args, params) => void calls.push(['customerSpeaks', params]),
      conversationEnded: (_args, params) => void calls.push(['conversationEnded', params]),
    },
  });
  const actor = createActor(machine).start();
  return { actor, calls };
}

describe('compile(): states', () => {
  for (const s of [mini, loadShipped('trophy-room')]) {
    it(`${s.id}: one state per node and per ending, and nothing else`, () => {
      const machine = compile(s);
      const states = Object.keys(machine.root.states).sort();
      expect(states).toEqual([...Object.keys(s.nodes), ...Object.keys(s.endings)].sort());
      expect(machine.root.initial.target[0].key).toBe(s.start);
    });

    it(`${s.id}: endings are final states and nodes are not`, () => {
      const machine = compile(s);
      for (const id of Object.keys(s.endings)) expect(machine.root.states[id].type).toBe('final');
      for (const id of Object.keys(s.nodes)) expect(machine.root.states[id].type).not.toBe('final');
    });
  }

  it('starts at the start node with the customer\'s opening mood and patience', () => {
    const snap = createActor(compile(mini)).start().getSnapshot();
    expect(snap.value).toBe('opening');
    expect(snap.context).toMatchObject({ node: 'opening', mood: 20, patience: 30, turns: [], ending: null, outcome: null });
  });
});

describe('compile(): snapshot.can()', () => {
  it('accepts the choices offered at the current node and refuses the rest', () => {
    const snap = createActor(compile(mini)).start().getSnapshot();
    for (const c of mini.nodes.opening.choices) expect(snap.can(choose(c.id))).toBe(true);
    // "courier" exists, but at another node.
    expect(snap.can(choose('courier'))).toBe(false);
    expect(snap.can(choose('no-such-choice'))).toBe(false);
  });

  it('refuses impossible timings: instant answers and answers after patience ran out', () => {
    const snap = createActor(compile(mini)).start().getSnapshot();
    expect(snap.can(choose('feel-and-sorry', 0))).toBe(false);
    expect(snap.can(choose('feel-and-sorry', 0.5))).toBe(false);
    expect(snap.can(choose('feel-and-sorry', 1))).toBe(true);
    expect(snap.can(choose('feel-and-sorry', 30))).toBe(true);
    expect(snap.can(choose('feel-and-sorry', 30.5))).toBe(false);
    expect(snap.can(choose('feel-and-sorry', Number.NaN))).toBe(false);
  });

  it('offers the next node\'s choices after a move, and nothing at an ending', () => {
    const actor = createActor(compile(mini)).start();
    actor.send(choose('feel-and-sorry'));
    const at = actor.getSnapshot();
    expect(at.value).toBe('remedy');
    expect(at.can(choose('courier'))).toBe(true);
    expect(at.can(choose('feel-and-sorry'))).toBe(false);
    actor.send(choose('courier'));
    const end = actor.getSnapshot();
    expect(end.status).toBe('done');
    expect(end.can(choose('courier'))).toBe(false);
    expect(end.can(expire())).toBe(false);
  });

  it('a refused event leaves the state unchanged', () => {
    const actor = createActor(compile(mini)).start();
    actor.send(choose('courier'));
    actor.send(choose('feel-and-sorry', 0));
    expect(actor.getSnapshot().value).toBe('opening');
    expect(actor.getSnapshot().context.turns).toEqual([]);
  });
});

describe('compile(): effects are injected by the host', () => {
  it('customerSpeaks runs on entering each node and conversationEnded on reaching an ending, with their ids', () => {
    const { actor, calls } = recordingActor();
    expect(calls).toEqual([['customerSpeaks', { node: 'opening' }]]);
    actor.send(choose('feel-and-sorry'));
    expect(calls).toEqual([['customerSpeaks', { node: 'opening' }], ['customerSpeaks', { node: 'remedy' }]]);
    actor.send(choose('courier'));
    expect(calls).toEqual([
      ['customerSpeaks', { node: 'opening' }],
      ['customerSpeaks', { node: 'remedy' }],
      ['conversationEnded', { ending: 'won' }],
    ]);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('the machine itself is pure: a transition returns its effects as data and runs none of them', () => {
    let ran = 0;
    const machine = compile(mini).provide({ actions: { customerSpeaks: () => void ran++, conversationEnded: () => void ran++ } });
    const [start, startActions] = initialTransition(machine);
    const [next, actions] = transition(machine, start, choose('feel-and-sorry'));
    expect(ran).toBe(0);
    expect(startActions.map((a) => [a.type, a.params])).toContainEqual(['customerSpeaks', { node: 'opening' }]);
    expect(actions.map((a) => [a.type, a.params])).toContainEqual(['customerSpeaks', { node: 'remedy' }]);
    expect(next.value).toBe('remedy');
    // The input snapshot is untouched.
    expect(start.value).toBe('opening');
    expect(start.context.turns).toEqual([]);
  });

  it('without provided effects the machine runs silently (the defaults do nothing)', () => {
    const actor = createActor(compile(mini)).start();
    actor.send(choose('correct-them'));
    expect(actor.getSnapshot().value).toBe('lost');
  });
});

describe('compile(): conditional branches', () => {
  it('apology first lifts the mood past the branch condition, so the same remedy wins the customer back', () => {
    const actor = createActor(compile(mini)).start();
    actor.send(choose('feel-and-sorry'));
    actor.send(choose('courier'));
    expect(actor.getSnapshot().context.mood).toBeGreaterThanOrEqual(50);
    expect(actor.getSnapshot().value).toBe('won');
  });

  it('the remedy without the apology leaves the mood under the condition and the customer is lost', () => {
    const actor = createActor(compile(mini)).start();
    actor.send(choose('resend'));
    actor.send(choose('courier'));
    expect(actor.getSnapshot().context.mood).toBeLessThan(50);
    expect(actor.getSnapshot().value).toBe('lost');
  });
});

describe('compile(): silence', () => {
  it('with no `silence` defined, the first expiry re-enters the node and the customer speaks again', () => {
    const { actor, calls } = recordingActor();
    actor.send(expire());
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('opening');
    expect(snap.status).toBe('active');
    expect(calls).toEqual([['customerSpeaks', { node: 'opening' }], ['customerSpeaks', { node: 'opening' }]]);
    expect(snap.context.turns).toHaveLength(1);
    expect(snap.context.turns[0]).toMatchObject({ node: 'opening', choice: null, moves: ['silence'], seconds: 30 });
    // Being ignored cost mood and patience.
    expect(snap.context.mood).toBeLessThan(20);
    expect(snap.context.patience).toBeLessThan(30);
  });

  it('a second consecutive silence walks the customer out to the lost ending', () => {
    const { actor, calls } = recordingActor();
    actor.send(expire());
    actor.send(expire());
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('lost');
    expect(snap.status).toBe('done');
    expect(snap.context.outcome).toBe('lost');
    expect(calls.at(-1)).toEqual(['conversationEnded', { ending: 'lost' }]);
  });

  it('the walk-out ending of a scenario with several endings has the outcome "lost"', () => {
    const s = loadShipped('trophy-room');
    const actor = createActor(compile(s)).start();
    actor.send(expire());
    expect(actor.getSnapshot().value).toBe('opening');
    actor.send(expire());
    expect(s.endings[String(actor.getSnapshot().value)].outcome).toBe('lost');
  });

  it('an answer after one silence resets the count', () => {
    const s = loadShipped('trophy-room');
    const actor = createActor(compile(s)).start();
    actor.send(expire());
    actor.send(choose('feel-and-sorry'));
    expect(actor.getSnapshot().value).toBe('listen');
    actor.send(expire());
    expect(actor.getSnapshot().value).toBe('listen');
    actor.send(expire());
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('with `silence` defined, expiry follows it (here straight to the lost ending)', () => {
    const { actor, calls } = recordingActor();
    actor.send(choose('feel-and-sorry'));
    actor.send(expire());
    expect(actor.getSnapshot().value).toBe('lost');
    expect(calls.at(-1)).toEqual(['conversationEnded', { ending: 'lost' }]);
  });
});
