// The route walk's budget and the lint error for loops whose every exit is unreachable (the hostile
// uploads of the hardening review; the server side is in tests/server/analysis.test.ts).
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/engine/analyze.ts';
import { parseScenario } from '../../src/engine/load.ts';
import { summarizeRoutes, walkRoutes, type WalkBudget } from '../../src/engine/routes.ts';
import { closedLoop, layers } from '../server/hostile.ts';

function load(text: string) {
  const p = parseScenario(text, 'x.yaml');
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('; '));
  return p.scenario;
}

describe('bounded analysis', () => {
  it('a loop that only gets out through "mood >= 101" is a lint error; "mood >= 100" is not', () => {
    const never = analyzeScenario(load(closedLoop(6, 'mood >= 101')));
    expect(never).toEqual([
      {
        kind: 'loop-without-exit',
        path: ['nodes', 'n1'],
        message:
          'loop whose every exit is unreachable: nodes "n1", "n2", "n3", "n4", "n5" and 1 more get out only through conditions that can never hold ("mood >= 101"; mood and distrust run 0-100, patience 5-90)',
      },
    ]);
    expect(analyzeScenario(load(closedLoop(6, 'mood >= 100')))).toEqual([]);
    expect(analyzeScenario(load(closedLoop(6, 'patience > 90 and mood > 5')))[0]?.message).toMatch(/"patience > 90 and mood > 5"/);
  });

  it('the walk stops at its step budget and says so', () => {
    const s = load(closedLoop(30, 'mood >= 100'));
    const budget: WalkBudget = { maxVisits: 5000 };
    expect([...walkRoutes(s, undefined, budget)]).toEqual([]);
    expect(budget).toMatchObject({ exhausted: true, visits: 5001 });
    expect(summarizeRoutes(s, undefined, { maxVisits: 5000 })).toBeNull();
  });

  it('the walk stops at its deadline; what it found is marked truncated', () => {
    const s = load(layers(22));
    const started = Date.now();
    const budget: WalkBudget = { deadline: started + 200 };
    const sum = summarizeRoutes(s, undefined, budget);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(budget.exhausted).toBe(true);
    expect(sum?.truncated).toBe(true);
    expect(sum?.count).toBeGreaterThan(0);
    // Without a budget nothing changes: a small scenario is walked whole.
    expect(summarizeRoutes(load(layers(4)))).toMatchObject({ count: 16, truncated: false });
  });
});
