// Every route of every shipped scenario: each validates, each route ends, scores stay in range, the
// best route rewards good service and the worst one does not, and the machine agrees with the walker.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { formatError } from '../../src/engine/load.ts';
import { walkRoutes, DEFAULT_ROUTE_LIMIT, type Route } from '../../src/engine/routes.ts';
import { possibleTargets, walkOutEnding } from '../../src/engine/conversation.ts';
import { replay, replayThroughMachine } from '../../src/engine/replay.ts';
import type { Scenario } from '../../src/engine/schema.ts';

const REQUIRED = ['trophy-room', 'missed-callback', 'wrong-address', 'friday-orders', 'hold-line', 'sports-package', 'quiet-customer', 'public-threat'];
const BEST_AT_LEAST = 85;
const WORST_AT_MOST = 35;

const lib = loadLibrary();

describe('the scenario library', () => {
  it('every shipped scenario validates with no errors', () => {
    expect(lib.errors.map(formatError)).toEqual([]);
  });

  it('holds the eight required scenarios', () => {
    const missing = REQUIRED.filter((id) => !lib.scenarios.has(id));
    expect(missing).toEqual([]);
    expect(lib.scenarios.size).toBeGreaterThanOrEqual(8);
  });
});

/** Every id the conversation can move to from a node, including the built-in silence rule. */
function edges(s: Scenario, id: string): string[] {
  const node = s.nodes[id];
  const out = node.choices.flatMap((c) => possibleTargets(c.next));
  out.push(...(node.silence ? possibleTargets(node.silence.next) : [walkOutEnding(s)]));
  return out;
}

function reachableFrom(s: Scenario, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length) {
    const id = stack.pop() as string;
    if (!s.nodes[id]) continue;
    for (const to of edges(s, id)) if (!seen.has(to)) {
      seen.add(to);
      stack.push(to);
    }
  }
  return seen;
}

for (const s of lib.scenarios.values()) {
  describe(`scenario ${s.id}`, () => {
    let cache: Route[] | null = null;
    const routes = () => (cache ??= [...walkRoutes(s)]);

    it('the walk finds routes and explores them all (not cut off at the limit)', () => {
      expect(routes().length).toBeGreaterThan(0);
      expect(routes().length).toBeLessThan(DEFAULT_ROUTE_LIMIT);
    });

    it('every route reaches an ending', () => {
      for (const r of routes()) {
        expect(r.report.ending, r.steps.join(' > ')).not.toBeNull();
        const ending = s.endings[r.report.ending as string];
        expect(ending, r.steps.join(' > ')).toBeDefined();
        expect(r.report.outcome).toBe(ending.outcome);
      }
    });

    it('every score of every route is within 0-100', () => {
      for (const r of routes()) {
        for (const k of ['empathy', 'ownership', 'timing', 'overall', 'satisfaction'] as const) {
          const v = r.report[k];
          expect(Number.isFinite(v) && v >= 0 && v <= 100, `${k}=${v} on ${r.steps.join(' > ')}`).toBe(true);
        }
      }
    });

    it(`the best route scores at least ${BEST_AT_LEAST} and wins the customer back`, () => {
      const best = routes().reduce((a, b) => (b.report.overall > a.report.overall ? b : a));
      expect(best.report.overall, best.steps.join(' > ')).toBeGreaterThanOrEqual(BEST_AT_LEAST);
      expect(routes().some((r) => r.report.overall >= BEST_AT_LEAST && r.report.outcome === 'won-back')).toBe(true);
    });

    it(`the worst route scores at most ${WORST_AT_MOST}`, () => {
      const worst = routes().reduce((a, b) => (b.report.overall < a.report.overall ? b : a));
      expect(worst.report.overall, worst.steps.join(' > ')).toBeLessThanOrEqual(WORST_AT_MOST);
    });

    it('replaying each route through the machine gives the same report as the walker', () => {
      for (const r of routes()) {
        const result = replayThroughMachine(s, r.events);
        if (!result.ok) throw new Error(`${r.steps.join(' > ')} refused at ${result.index}: ${result.reason}`);
        expect(result.ended).toBe(true);
        expect(result.report).toEqual(r.report);
        expect(replay(s, r.events)).toEqual(result);
      }
    });

    it('every node can be reached from the start, and an ending can be reached from every node', () => {
      const fromStart = reachableFrom(s, s.start);
      expect(Object.keys(s.nodes).filter((id) => !fromStart.has(id))).toEqual([]);
      const endings = Object.keys(s.endings);
      const stuck = Object.keys(s.nodes).filter((id) => ![...reachableFrom(s, id)].some((x) => endings.includes(x)));
      expect(stuck).toEqual([]);
    });
  });
}
