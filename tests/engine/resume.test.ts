// Save and resume: a conversation persisted mid-way as JSON and continued in a new actor (as after a
// page reload or on another server) ends exactly as the uninterrupted run.
import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { compile, type ConversationMachine } from '../../src/engine/compile.ts';
import { replay } from '../../src/engine/replay.ts';
import { reportFor } from '../../src/engine/report.ts';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import { loadShipped, choose, expire } from './support.ts';

/** Runs `events[0..cut)`, saves to a JSON string, loads it into a new actor on a freshly compiled machine, runs the rest. */
function interrupted(load: () => Scenario, events: readonly ConversationEvent[], cut: number) {
  const first = load();
  const actor = createActor(compile(first)).start();
  for (const e of events.slice(0, cut)) actor.send(e);
  const saved = JSON.stringify(actor.getPersistedSnapshot());
  actor.stop();

  const second = load();
  const machine: ConversationMachine = compile(second);
  const spoken: unknown[] = [];
  const resumed = createActor(
    machine.provide({ actions: { customerSpeaks: (_a, p) => void spoken.push(p), conversationEnded: (_a, p) => void spoken.push(p) } }),
    { snapshot: JSON.parse(saved) as SnapshotFrom<ConversationMachine> },
  ).start();
  const atResume = resumed.getSnapshot();
  for (const e of events.slice(cut)) resumed.send(e);
  const end = resumed.getSnapshot();
  return { atResume, end, spoken, report: reportFor(second, end.context) };
}

const best: ConversationEvent[] = [
  choose('feel-and-sorry', 5),
  choose('ask-what-matters', 7),
  choose('two-quiet-rooms', 4),
  choose('fix-now', 3),
  choose('breakfast', 6),
  choose('explain-and-promise', 5),
  choose('kept-word', 4),
];

// A silence that re-enters the opening, a hesitant answer, and a silence at a later node.
const withSilences: ConversationEvent[] = [
  expire(),
  choose('feel-and-sorry', 8),
  choose('what-do-you-want', 15),
  choose('options-after', 4),
  expire(),
  choose('fix-now', 3),
  choose('anything-else', 2),
  choose('goodnight-plain', 2),
];

describe('save and resume', () => {
  for (const [name, events] of [['the best route', best], ['a route with silence and slow answers', withSilences]] as const) {
    const uninterrupted = replay(loadShipped('trophy-room'), events);

    it(`${name}: the uninterrupted run ends`, () => {
      expect(uninterrupted).toMatchObject({ ok: true, ended: true });
    });

    for (let cut = 0; cut <= events.length; cut++) {
      it(`${name}: saved after ${cut} event(s), resumed from JSON, the final report equals the uninterrupted run`, () => {
        if (!uninterrupted.ok) throw new Error(uninterrupted.reason);
        const { atResume, end, report } = interrupted(() => loadShipped('trophy-room'), events, cut);
        expect(atResume.context.turns).toHaveLength(cut);
        expect(end.status).toBe('done');
        expect(end.value).toBe(uninterrupted.state);
        expect(end.context).toEqual(uninterrupted.context);
        expect(report).toEqual(uninterrupted.report);
      });
    }
  }

  it('the resumed actor runs the host\'s effects from where it left off, not from the start', () => {
    const { spoken } = interrupted(() => loadShipped('trophy-room'), best, 3);
    expect(spoken).toEqual([{ node: 'settled' }, { node: 'grateful' }, { node: 'morning' }, { ending: 'won-back' }]);
  });

  it('silence is remembered across a save: a second silence after resuming still walks the customer out', () => {
    const { atResume, end } = interrupted(() => loadShipped('trophy-room'), [expire(), expire()], 1);
    expect(atResume.value).toBe('opening');
    expect(end.status).toBe('done');
    expect(end.context.outcome).toBe('lost');
  });

  it('a resumed actor still refuses what the original would refuse', () => {
    const { end } = interrupted(() => loadShipped('trophy-room'), [choose('feel-and-sorry', 5), choose('prestige', 3), choose('ask-what-matters', 0)], 1);
    expect(end.value).toBe('listen');
    expect(end.context.turns).toHaveLength(1);
  });
});
