import { describe, expect, it } from 'vitest';
import { MOVES } from '../../src/engine/moves.ts';
import { scoreTurns } from '../../src/engine/score.ts';
import { cli } from './support.ts';

async function scoreJson(moves: string, ...rest: string[]) {
  const r = await cli(['score', '--moves', moves, ...rest, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('score', () => {
  it('--json prints exactly empathy, ownership, timing, overall and feedback', async () => {
    const json = await scoreJson('acknowledge-feelings+apologize,fix');
    expect(Object.keys(json)).toEqual(['empathy', 'ownership', 'timing', 'overall', 'feedback']);
    const expected = scoreTurns([
      { moves: ['acknowledge-feelings', 'apologize'], seconds: 4, patience: 30 },
      { moves: ['fix'], seconds: 4, patience: 30 },
    ]);
    expect(json).toEqual(expected);
    expect(json.feedback.length).toBeGreaterThan(0);
  });

  it('blaming someone else lowers ownership', async () => {
    const clean = await scoreJson('acknowledge-feelings+apologize,fix');
    const blamed = await scoreJson('acknowledge-feelings+apologize,blame-other,fix');
    expect(blamed.ownership).toBeLessThan(clean.ownership);
    expect(blamed.feedback.map((f: { rule: string }) => f.rule)).toContain('blamed-someone');
  });

  it('counts seconds per turn and a silent turn as the full patience', async () => {
    const slow = await scoreJson('apologize,fix', '--seconds', '28,28');
    const fast = await scoreJson('apologize,fix', '--seconds', '2,2');
    expect(slow).not.toEqual(fast);
    const silent = await scoreJson('silence,apologize+fix');
    expect(silent.feedback.map((f: { rule: string }) => f.rule)).toContain('left-in-silence');
  });

  it('an unknown move is an error listing the valid moves, exit 1', async () => {
    const r = await cli(['score', '--moves', 'apologize,teleport']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('turn 2: unknown move "teleport"');
    for (const m of MOVES) expect(r.stderr).toContain(m);
  });

  it('prints a readable table without --json', async () => {
    const r = await cli(['score', '--moves', 'apologize+fix']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+overall\s+\d+$/m);
    expect(r.stdout).toMatch(/Turn 1\s+apologize \+ fix/);
  });
});
