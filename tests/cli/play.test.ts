import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/engine/files.ts';
import { replay } from '../../src/engine/replay.ts';
import { displayedIds } from '../../src/engine/shuffle.ts';
import { cli } from './support.ts';

function trophyRoom() {
  const r = loadScenarioFile(join(SCENARIO_DIR, 'trophy-room.yaml'));
  if (!r.ok) throw new Error('trophy-room.yaml does not load');
  return r.scenario;
}

const choose = (choice: string, seconds: number): ConversationEvent => ({ type: 'player.choose', choice, seconds });

/** A seed under which four of the six replies of the won-back route below sit at another number than in the file. */
const SEED = 20_240_611;
const WON_BACK: [node: string, choice: string][] = [
  ['opening', 'feel-and-sorry'],
  ['listen', 'options-straight'],
  ['choose-room', 'fix-now'],
  ['settled', 'breakfast'],
  ['grateful', 'explain-and-promise'],
  ['morning', 'kept-word'],
];
/** The 1-based numbers, in the seed's displayed order, of the choices of a route. */
function numbersFor(seed: number, route: [string, string][]): number[] {
  const s = trophyRoom();
  return route.map(([node, choice]) => displayedIds(s.nodes[node], node, seed).indexOf(choice) + 1);
}

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
    // The report, with the seed the numbers were read in: none given, so null (file order).
    expect(JSON.parse(r.stdout)).toEqual({ ...expected.report, seed: null });
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
    const numbers = numbersFor(SEED, WON_BACK);
    const r = await cli(['play', 'trophy-room', '--seed', String(SEED)], `9\n${numbers.join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"9" is not one of the choices');
    expect(r.stdout).toContain('Debrief: The Trophy Room');
    expect(r.stdout).toMatch(/outcome\s+won-back \(won-back\)/);
    const scripted = await cli(['play', 'trophy-room', '--seed', String(SEED), '--choices', numbers.join(',')]);
    const byId = await cli(['play', 'trophy-room', '--choices', WON_BACK.map(([, id]) => id).join(',')]);
    const debrief = (text: string) => text.slice(text.indexOf('Debrief:'));
    expect(debrief(r.stdout)).toBe(debrief(scripted.stdout));
    expect(debrief(r.stdout)).toBe(debrief(byId.stdout));
  });

  it('numbers the replies in the seed\'s shuffled order, and says which seed', async () => {
    const r = await cli(['play', 'trophy-room', '--seed', String(SEED)], '');
    expect(r.stdout).toContain(`seed ${SEED} (--seed ${SEED} shows the same order again)`);
    const s = trophyRoom();
    const listed = r.stdout.split('\n').filter((l) => /^\s+\d\s+\S/.test(l)).map((l) => l.trim().replace(/^\d\s+/, ''));
    const expected = displayedIds(s.nodes.opening, 'opening', SEED).map((id) => s.nodes.opening.choices.find((c) => c.id === id)!.text.split(/\s+/).slice(0, 4).join(' '));
    expect(listed.map((l) => l.split(/\s+/).slice(0, 4).join(' '))).toEqual(expected);
    // Without --seed a new seed is drawn and printed; the listing follows it.
    const fresh = await cli(['play', 'trophy-room'], '');
    const drawn = Number(/seed (\d+) \(--seed/.exec(fresh.stdout)?.[1]);
    expect(Number.isInteger(drawn)).toBe(true);
    const first = fresh.stdout.split('\n').find((l) => /^\s+1\s+\S/.test(l))!.trim().replace(/^1\s+/, '');
    const firstId = displayedIds(s.nodes.opening, 'opening', drawn)[0];
    expect(s.nodes.opening.choices.find((c) => c.id === firstId)!.text.startsWith(first.split(/\s+/).slice(0, 3).join(' '))).toBe(true);
  });

  it('"silence" lets the patience run out', async () => {
    const r = await cli(['play', 'trophy-room'], 'silence\nsilence\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Turn 1\s+at opening: silence/);
    expect(r.stdout).toMatch(/outcome\s+lost/);
  });

  it('a number picks the reply shown at that place', async () => {
    const s = trophyRoom();
    const wanted = 'prestige';
    const place = displayedIds(s.nodes.opening, 'opening', SEED).indexOf(wanted) + 1;
    const r = await cli(['play', 'trophy-room', '--seed', String(SEED)], `${place}\n`);
    expect(r.code).toBe(1); // input ends before an ending
    expect(r.stdout).toContain("It's our Heritage Suite, though");
    const scripted = await cli(['play', 'trophy-room', '--seed', String(SEED), '--choices', String(place), '--json']);
    expect(JSON.parse(scripted.stdout).turns[0].choice).toBe(wanted);
  });

  it('stops with exit 1 when input ends before an ending', async () => {
    const r = await cli(['play', 'trophy-room'], '1\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('input ended before the conversation finished');
  });
});

describe('play --seed', () => {
  it('--choices numbers count in the displayed order with --seed, in file order without', async () => {
    const s = trophyRoom();
    const numbers = numbersFor(SEED, WON_BACK);
    const fileNumbers = WON_BACK.map(([node, choice]) => s.nodes[node].choices.findIndex((c) => c.id === choice) + 1);
    expect(numbers).not.toEqual(fileNumbers);
    const seeded = await cli(['play', 'trophy-room', '--seed', String(SEED), '--choices', numbers.join(','), '--json']);
    const plain = await cli(['play', 'trophy-room', '--choices', fileNumbers.join(','), '--json']);
    const byId = await cli(['play', 'trophy-room', '--seed', String(SEED), '--choices', WON_BACK.map(([, id]) => id).join(','), '--json']);
    expect(seeded.stderr).toBe('');
    const a = JSON.parse(seeded.stdout);
    const b = JSON.parse(plain.stdout);
    expect(a.seed).toBe(SEED);
    expect(b.seed).toBeNull();
    expect(a.turns.map((t: { choice: string }) => t.choice)).toEqual(WON_BACK.map(([, id]) => id));
    expect({ ...a, seed: null }).toEqual(b);
    // Ids mean the same with or without a seed.
    expect(JSON.parse(byId.stdout)).toEqual(a);
    // The same numbers without the seed are other choices.
    const unseeded = await cli(['play', 'trophy-room', '--choices', String(numbers[0]), '--json']);
    expect(JSON.parse(unseeded.stdout).turns[0].choice).toBe(s.nodes.opening.choices[numbers[0] - 1].id);
  });

  it('an invalid choice lists the offer in the displayed order', async () => {
    const s = trophyRoom();
    const r = await cli(['play', 'trophy-room', '--seed', String(SEED), '--choices', 'teleport']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(displayedIds(s.nodes.opening, 'opening', SEED).map((id, i) => `${i + 1} ${id}`).join(', '));
  });

  it('the ends of the range are seeds; anything else is refused with exit 1', async () => {
    for (const ok of ['0', '4294967295']) {
      const r = await cli(['play', 'trophy-room', '--seed', ok, '--choices', '1', '--json']);
      expect(r.code, ok).toBe(0);
      expect(JSON.parse(r.stdout).seed).toBe(Number(ok));
    }
    for (const bad of ['-1', '4294967296', '1.5', 'abc', '', '1e3', '0x10']) {
      const r = await cli(['play', 'trophy-room', `--seed=${bad}`, '--choices', '1']);
      expect(r.code, bad).toBe(1);
      expect(r.stderr, bad).toContain('--seed');
      expect(r.stdout).toBe('');
    }
  });
});
