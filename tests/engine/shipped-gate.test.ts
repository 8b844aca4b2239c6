// What the shipped scenarios promise a trainer: a player who does not read fails, "passed" means the
// customer was won back, and the expert route still scores high. Walks every route of every scenario.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { games, longestOnRoute, measureGameability, GATE_MAX_LONGEST_BEST } from '../../src/engine/gameability.ts';
import { walkRoutes, summarizeRoutes } from '../../src/engine/routes.ts';
import { UNWON_CAP } from '../../src/engine/report.ts';

const lib = loadLibrary();

describe.each([...lib.scenarios.values()].map((s) => [s.id, s] as const))('%s', (_id, s) => {
  it('no route passes unless the customer is won back, and passed matches overall >= pass mark', () => {
    let routes = 0;
    for (const r of walkRoutes(s)) {
      routes++;
      const { report } = r;
      if (report.outcome !== 'won-back') {
        expect(report.passed).toBe(false);
        expect(report.overall).toBeLessThanOrEqual(UNWON_CAP);
      }
      expect(report.passed).toBe(report.overall >= report.passMark);
    }
    expect(routes).toBeGreaterThan(10);
  });

  it('every blind strategy averages at most 50 and passes at most 5% of plays', () => {
    const g = measureGameability(s);
    const gaming = g.strategies.filter(games).map((f) => `${f.label}: mean ${f.mean}, pass ${f.passRate}`);
    expect(gaming).toEqual([]);
  });

  it('the best route scores at least 85, and its replies are not simply the longest', () => {
    const sum = summarizeRoutes(s)!;
    expect(sum.best.report.overall).toBeGreaterThanOrEqual(85);
    expect(sum.best.report.outcome).toBe('won-back');
    expect(longestOnRoute(s, sum.best.steps).share).toBeLessThanOrEqual(GATE_MAX_LONGEST_BEST);
  });
});
