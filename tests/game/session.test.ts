import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { ConversationSession, DEFAULT_SILENCE_LINE, type SessionEvent } from '../../src/game/session.ts';
import { displayedIds, isSeed, shuffledChoices } from '../../src/engine/shuffle.ts';
import { LEGACY_SEED, parseSave, SaveSlot, serializeSave } from '../../src/game/save.ts';
import { MemoryStorage } from '../../src/game/storage.ts';
import { scenario } from './helpers.ts';

const trophy = scenario('trophy-room');

/** Shows the current line, waits `seconds`, and picks a choice. */
function answer(session: ConversationSession, choice: string, seconds: number) {
  session.lineShown();
  vi.advanceTimersByTime(seconds * 1000);
  return session.choose(choice);
}

describe('ConversationSession', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('starts with the opening line and its narration', () => {
    const s = new ConversationSession(trophy);
    expect(s.phase).toBe('speaking');
    expect(s.beat).toMatchObject({ kind: 'line', node: 'opening', emotion: 'angry' });
    expect(s.beat.narration).toContain('23:10');
    expect(s.view.choices).toEqual([]);
    s.lineShown();
    expect(s.phase).toBe('choosing');
    expect(s.view.choices.map((c) => c.key)).toEqual(trophy.nodes.opening.choices.map((_c, i) => i + 1));
    expect(s.view.unlocked).toBe(false);
  });

  it('refuses answers in the first second, then records the seconds taken', () => {
    const s = new ConversationSession(trophy);
    const events: SessionEvent[] = [];
    s.subscribe((e) => events.push(e));
    s.lineShown();
    vi.advanceTimersByTime(500);
    expect(s.choose('feel-and-sorry')).toBe(false);
    vi.advanceTimersByTime(600);
    expect(events.some((e) => e.type === 'unlocked')).toBe(true);
    vi.advanceTimersByTime(1_250);
    expect(s.choose('feel-and-sorry')).toBe(true);
    expect(s.events).toEqual([{ type: 'player.choose', choice: 'feel-and-sorry', seconds: 2.4 }]);
    expect(s.beat).toMatchObject({ kind: 'line', node: 'listen' });
    expect(s.beat.reply).toContain('warthog');
  });

  it('plays to an ending and reports the same score as replay()', () => {
    const s = new ConversationSession(trophy);
    let finished: Extract<SessionEvent, { type: 'finished' }> | null = null;
    s.subscribe((e) => {
      if (e.type === 'finished') finished = e;
    });
    const route: [string, number][] = [
      ['feel-and-sorry', 3.2],
      ['ask-what-matters', 4],
      ['two-quiet-rooms', 2.5],
      ['fix-now', 1.5],
      ['breakfast', 5.1],
      ['explain-and-promise', 2],
      ['kept-word', 3],
    ];
    for (const [choice, sec] of route) expect(answer(s, choice, sec)).toBe(true);
    expect(s.beat.kind).toBe('ending');
    s.lineShown();
    expect(s.phase).toBe('waiting');
    s.advance();
    expect(s.phase).toBe('finished');
    expect(finished).not.toBeNull();
    const r = replay(trophy, finished!.events);
    expect(r.ok).toBe(true);
    if (r.ok) expect(finished!.report).toEqual(r.report);
    expect(finished!.events.map((e) => (e.type === 'player.choose' ? e.seconds : 0))).toEqual(route.map(([, sec]) => sec));
  });

  it('sends patienceExpired when the player hesitates, and shows the customer reacting', () => {
    const s = new ConversationSession(trophy, { patienceScale: 0.1 });
    s.lineShown();
    vi.advanceTimersByTime(trophy.customer.patience * 100 + 1);
    expect(s.events).toEqual([{ type: 'customer.patienceExpired' }]);
    // No scripted silence at the opening: the customer asks again, at the same node.
    expect(s.context.node).toBe('opening');
    expect(s.beat).toMatchObject({ kind: 'line', node: 'opening', text: DEFAULT_SILENCE_LINE, emotion: 'furious' });
    const r = replay(trophy, s.events);
    expect(r.ok).toBe(true);
  });

  it('pausing stops the patience timer', () => {
    const s = new ConversationSession(trophy);
    s.lineShown();
    vi.advanceTimersByTime(2_000);
    s.pause();
    vi.advanceTimersByTime(120_000);
    expect(s.events).toEqual([]);
    expect(s.choose('feel-and-sorry')).toBe(false);
    s.resume();
    vi.advanceTimersByTime(1_000);
    expect(s.choose('feel-and-sorry')).toBe(true);
    expect(s.events).toEqual([{ type: 'player.choose', choice: 'feel-and-sorry', seconds: 3 }]);
  });
});

describe('save and resume', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('saves on every turn and resumes at the same line with the seconds already used', () => {
    const storage = new MemoryStorage();
    const slot = new SaveSlot(storage);
    const a = new ConversationSession(trophy, { slot });
    answer(a, 'feel-and-sorry', 2);
    const afterTurn = slot.load();
    expect(afterTurn?.scenarioId).toBe('trophy-room');
    expect(afterTurn?.elapsed).toBe(0);
    a.lineShown();
    vi.advanceTimersByTime(6_300);
    a.save(); // what pagehide does
    a.dispose();

    // Across a reload: only the stored text survives.
    const text = storage.getItem('mir.conversation.v1');
    const restored = parseSave(text);
    expect(restored).not.toBeNull();
    expect(parseSave(serializeSave(restored!))).toEqual(restored);
    const b = new ConversationSession(trophy, { slot, restore: restored });
    expect(b.resumed).toBe(true);
    expect(b.context.node).toBe('listen');
    expect(b.beat.text).toBe(trophy.nodes.listen.line);
    b.lineShown();
    expect(b.timer?.elapsed()).toBeCloseTo(6.3, 5);
    expect(b.view.unlocked).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(b.choose('options-straight')).toBe(true);
    expect(b.events).toEqual([
      { type: 'player.choose', choice: 'feel-and-sorry', seconds: 2 },
      { type: 'player.choose', choice: 'options-straight', seconds: 7.3 },
    ]);
  });

  it('clears the save when the conversation ends', () => {
    const slot = new SaveSlot(new MemoryStorage());
    const s = new ConversationSession(trophy, { slot });
    answer(s, 'prestige', 2);
    answer(s, 'double-down', 2);
    expect(s.beat.kind).toBe('ending');
    expect(slot.load()).toBeNull();
  });

  it('ignores saves for another scenario and broken saves', () => {
    expect(parseSave('nonsense')).toBeNull();
    expect(parseSave('{"version":1,"scenarioId":"x"}')).toBeNull();
    const slot = new SaveSlot(new MemoryStorage());
    const a = new ConversationSession(trophy, { slot });
    answer(a, 'feel-and-sorry', 2);
    const save = { ...slot.load()!, scenarioId: 'other' };
    const b = new ConversationSession(trophy, { restore: save });
    expect(b.resumed).toBe(false);
    expect(b.context.node).toBe('opening');
  });
});

describe('reply order', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const shownIds = (s: ConversationSession) => s.view.choices.map((c) => c.id);

  it('shows the replies in the order of the attempt\'s seed, numbered 1.. as shown', () => {
    const s = new ConversationSession(trophy, { seed: 12345 });
    expect(s.seed).toBe(12345);
    s.lineShown();
    expect(shownIds(s)).toEqual(displayedIds(trophy.nodes.opening, 'opening', 12345));
    expect(s.view.choices.map((c) => c.key)).toEqual(trophy.nodes.opening.choices.map((_c, i) => i + 1));
    expect(s.view.choices.map((c) => c.text)).toEqual(shuffledChoices(trophy.nodes.opening, 'opening', 12345).map((c) => c.text));
    // A new attempt draws its own seed: over a few attempts the first reply is not always the same.
    const firsts = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const fresh = new ConversationSession(trophy);
      expect(isSeed(fresh.seed)).toBe(true);
      fresh.lineShown();
      firsts.add(fresh.view.choices[0].id);
      fresh.dispose();
    }
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('the finished attempt carries its seed', () => {
    const s = new ConversationSession(trophy, { seed: 99 });
    let seed: number | null = null;
    s.subscribe((e) => {
      if (e.type === 'finished') seed = e.seed;
    });
    answer(s, 'prestige', 2);
    answer(s, 'double-down', 2);
    s.lineShown();
    s.advance();
    expect(seed).toBe(99);
  });

  it('resume (across a reload) keeps the seed and the order the replies were shown in', () => {
    const storage = new MemoryStorage();
    const slot = new SaveSlot(storage);
    // Seeds that show the listen node's replies in an order other than the file's.
    const fileOrder = trophy.nodes.listen.choices.map((c) => c.id).join();
    let seed = 1;
    while (displayedIds(trophy.nodes.listen, 'listen', seed).join() === fileOrder) seed++;
    const a = new ConversationSession(trophy, { slot, seed });
    answer(a, 'feel-and-sorry', 2);
    a.lineShown();
    const before = a.view.choices;
    expect(before.map((c) => c.id)).not.toEqual(trophy.nodes.listen.choices.map((c) => c.id));
    a.save();
    a.dispose();
    expect(slot.load()?.seed).toBe(seed);

    const restored = parseSave(storage.getItem('mir.conversation.v1'));
    // The seed option is for new attempts; a restored save keeps its own.
    const b = new ConversationSession(trophy, { slot, restore: restored, seed: seed + 1 });
    expect(b.resumed).toBe(true);
    expect(b.seed).toBe(seed);
    b.lineShown();
    expect(b.view.choices).toEqual(before);
    // And again after the next turn: the next node's order is the seed's too.
    vi.advanceTimersByTime(2_000);
    expect(b.choose(before[0].id)).toBe(true);
    b.lineShown();
    const node = b.context.node;
    expect(shownIds(b)).toEqual(displayedIds(trophy.nodes[node], node, seed));
    b.dispose();
    const c = new ConversationSession(trophy, { restore: slot.load() });
    c.lineShown();
    expect(c.context.node).toBe(node);
    expect(shownIds(c)).toEqual(displayedIds(trophy.nodes[node], node, seed));
    expect(c.seed).toBe(seed);
  });

  it('a save from before seeds loads and resumes in the fixed order of seed 0, every time', () => {
    const slot = new SaveSlot(new MemoryStorage());
    const a = new ConversationSession(trophy, { slot, seed: 5 });
    answer(a, 'feel-and-sorry', 2);
    a.dispose();
    const { seed: _seed, ...old } = slot.load()!;
    expect(LEGACY_SEED).toBe(0);
    const text = JSON.stringify(old);
    expect(parseSave(text)).not.toBeNull();
    const orders = [0, 1].map(() => {
      const b = new ConversationSession(trophy, { restore: parseSave(text) });
      expect(b.resumed).toBe(true);
      expect(b.seed).toBe(LEGACY_SEED);
      b.lineShown();
      const ids = shownIds(b);
      b.dispose();
      return ids;
    });
    expect(orders[0]).toEqual(displayedIds(trophy.nodes.listen, 'listen', LEGACY_SEED));
    expect(orders[1]).toEqual(orders[0]);
    // A save whose seed is not a seed is broken.
    for (const seed of [-1, 1.5, '7', null]) expect(parseSave(JSON.stringify({ ...old, seed }))).toBeNull();
  });
});
