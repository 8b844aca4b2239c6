import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/engine/files.ts';
import { replay } from '../../src/engine/replay.ts';
import { cli } from './support.ts';

function trophyRoom() {
  const r = loadScenarioFile(join(SCENARIO_DIR, 'trophy-room.yaml'));
  if (!r.ok) throw new Error('trophy-room.yaml does not load');
  return r.scenario;
}

const choose = (choice: string, seconds: number): ConversationEvent => ({ type: 'player.choose', choice, seconds });

describe('play --choices', () => {
  it('--json prints exactly the report replay() gives for the same events', async () => {
    const events: ConversationEvent[] = [
      choose('feel-and-sorry', 3),
      { type: 'customer.patienceExpired' },
      choose('options-straight', 7),
      choose('fix-now', 2),
      choose('breakfast', 4),
      choose('explain-and-promise', 4),
      choose('kept-word', 5),
    ];
    const r = await cli(['play', 'trophy-room', '--choices', 'feel-and-sorry,silence,options-straight,fix-now,breakfast,explain-and-promise,kept-word', '--seconds', '3,1,7,2,4,4,5', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = replay(trophyRoom(), events);
    if (!expected.ok) throw new Error(expected.reason);
    expect(expected.ended).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual(expected.report);
  });

  it('takes 1-based numbers as well as ids, with 4 s per answer by default', async () => {
    const byNumber = await cli(['play', 'trophy-room', '--choices', '1,2,1,1,1,1', '--json']);
    const byId = await cli(['play', 'trophy-room', '--choices', 'feel-and-sorry,options-straight,fix-now,breakfast,explain-and-promise,kept-word', '--seconds', '4,4,4,4,4,4', '--json']);
    expect(byNumber.code).toBe(0);
    expect(JSON.parse(byNumber.stdout)).toEqual(JSON.parse(byId.stdout));
    expect(JSON.parse(byNumber.stdout).ending).toBe('won-back');
  });

  it('prints a debrief with scores, outcome and per-turn feedback', async () => {
    const r = await cli(['play', 'trophy-room', '--choices', 'prestige,double-down']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/outcome\s+lost \(checked-out\)/);
    expect(r.stdout).toMatch(/overall\s+\d+/);
    expect(r.stdout).toMatch(/Turn 1\s+at opening: prestige/);
    expect(r.stdout).toMatch(/-\d+ empathy/);
  });

  it('an invalid choice names the step and the choices on offer, and exits 1', async () => {
    const r = await cli(['play', 'trophy-room', '--choices', 'feel-and-sorry,teleport']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('step 2 ("teleport")');
    expect(r.stderr).toContain('"listen"');
    expect(r.stderr).toContain('1 ask-what-matters, 2 options-straight');
    expect(r.stdout).toBe('');
  });

  it('an answer slower than the patience is refused with the reason', async () => {
    const r = await cli(['play', 'trophy-room', '--choices', 'feel-and-sorry', '--seconds', '99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/step 1 .*patience ran out/);
  });
});

describe('play (interactive, piped stdin)', () => {
  it('reaches an ending and prints the same debrief as the scripted run at 4 s per answer', async () => {
    const r = await cli(['play', 'trophy-room'], '9\n1\n2\n1\n1\n1\n1\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"9" is not one of the choices');
    expect(r.stdout).toContain('Debrief: The Trophy Room');
    expect(r.stdout).toMatch(/outcome\s+won-back \(won-back\)/);
    const scripted = await cli(['play', 'trophy-room', '--choices', '1,2,1,1,1,1']);
    const debrief = (text: string) => text.slice(text.indexOf('Debrief:'));
    expect(debrief(r.stdout)).toBe(debrief(scripted.stdout));
  });

  it('"silence" lets the patience run out', async () => {
    const r = await cli(['play', 'trophy-room'], 'silence\nsilence\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Turn 1\s+at opening: silence/);
    expect(r.stdout).toMatch(/outcome\s+lost/);
  });

  it('stops with exit 1 when input ends before an ending', async () => {
    const r = await cli(['play', 'trophy-room'], '1\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('input ended before the conversation finished');
  });
});
