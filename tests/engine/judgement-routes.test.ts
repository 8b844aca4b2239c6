// The adversarial audit of issue 10, as a test: a route a trainer would call wrong never passes,
// however it recovers. "Wrong" is read from the moves on the route, so it covers every path there is.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { walkRoutes } from '../../src/engine/routes.ts';
import type { Scenario } from '../../src/engine/schema.ts';

const lib = loadLibrary();
const AUDITED = ['airport-gate', 'clinic-desk'];
/** Moves that are wrong wherever they are said. */
const ALWAYS_WRONG = ['blame-other', 'excuse', 'argue', 'dismiss', 'pass-the-buck', 'hedge', 'overpromise', 'ask-for-rating', 'scripted-platitude'];

/** Why a route is one a trainer would call wrong, or null. */
function wrongness(s: Scenario, steps: readonly string[]): string | null {
  let node = s.start;
  let apologised = false;
  let fixed = false;
  for (const step of steps) {
    const choice = s.nodes[node]?.choices.find((c) => c.id === step);
    if (!choice) return null;
    for (const move of choice.moves) {
      if (ALWAYS_WRONG.includes(move)) return `${step}: ${move}`;
      if (move === 'above-and-beyond' && !apologised) return `${step}: a perk before any apology`;
      if (move === 'explain-cause' && !fixed) return `${step}: the explanation before the fix`;
      if (move === 'apologize') apologised = true;
      if (move === 'fix') fixed = true;
    }
    const next = choice.next;
    // Conditional branches only lead to endings in these scenarios' last turns, where it stops anyway.
    node = typeof next === 'string' ? next : '';
  }
  return null;
}

describe.each(AUDITED)('%s', (id) => {
  const s = lib.scenarios.get(id)!;
  it('is shipped', () => expect(s).toBeDefined());

  it('no route with a perk before the apology, an early explanation, blame, an excuse, a hedge or a broken promise passes', () => {
    const passingWrong: string[] = [];
    let wrongRoutes = 0;
    for (const r of walkRoutes(s)) {
      const why = wrongness(s, r.steps);
      if (!why) continue;
      wrongRoutes++;
      if (r.report.passed) passingWrong.push(`${r.report.overall} ${why} (${r.steps.join(' > ')})`);
    }
    expect(wrongRoutes).toBeGreaterThan(1000);
    expect(passingWrong).toEqual([]);
  });

  it('the expert route is won back, and a route that only recovers from an early mistake is not', () => {
    const won = [...walkRoutes(s)].filter((r) => r.report.outcome === 'won-back');
    expect(won.length).toBeGreaterThan(0);
    for (const r of won) expect(r.steps[0]).toBe('feel-and-sorry');
  });
});
