import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../../src/engine/replay.ts';
import { ConversationSession, DEFAULT_SILENCE_LINE, type SessionEvent } from '../../src/game/session.ts';
import { parseSave, SaveSlot, serializeSave } from '../../src/game/save.ts';
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
    expect(s.view.choices.map((c) => c.key)).toEqual([1, 2, 3, 4]);
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
    vi.advanceTimersByTime(25 * 100 + 1);
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
