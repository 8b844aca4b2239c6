// A strategy that picks the same reply at every node whatever the shown order is played once for all
// its seeds. The figures must be those of playing every seed: checked against a plain loop over the
// seeds on every shipped scenario, the gate's fixture and a scenario with tied replies.
import { describe, expect, it } from 'vitest';
import { loadLibrary, SCENARIO_DIR } from '../../src/engine/files.ts';
import { measureGameability, playStrategy, RANDOM_PLAYS, STRATEGY_SEEDS, strategiesFor } from '../../src/engine/gameability.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import { loadFixture } from './support.ts';

/** measureGameability's figures the long way: every seed played. */
function everySeed(s: Scenario) {
  return strategiesFor(s).map((strategy) => {
    const plays = strategy.id === 'random' ? RANDOM_PLAYS : STRATEGY_SEEDS;
    let total = 0;
    let passes = 0;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < plays; i++) {
      const r = playStrategy(s, strategy, (i * 2654435761) >>> 0);
      total += r.overall;
      if (r.passed) passes++;
      outcomes[r.outcome ?? 'none'] = (outcomes[r.outcome ?? 'none'] ?? 0) + 1;
    }
    return { id: strategy.id, label: strategy.label, plays, mean: Math.round((total / plays) * 10) / 10, passRate: Math.round((passes / plays) * 1000) / 1000, outcomes };
  });
}

/** Every reply at every node made the same length, so "longest" and "shortest" depend on the order. */
function tied(s: Scenario): Scenario {
  const nodes = Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, { ...n, choices: n.choices.map((c) => ({ ...c, text: 'x'.repeat(20) })) }]));
  return { ...s, nodes };
}

describe('order-free strategies', () => {
  const lib = loadLibrary([SCENARIO_DIR]);
  const cases: [string, Scenario][] = [...lib.scenarios.entries(), ['gameable fixture', loadFixture('gameable.yaml')], ['tied replies', tied(loadFixture('gameable.yaml'))]];

  it.each(cases)('give the figures of playing every seed: %s', (_name, s) => {
    expect(measureGameability(s).strategies).toEqual(everySeed(s));
  });

  it('are told apart from order-dependent ones', () => {
    const s = loadFixture('gameable.yaml');
    const longest = strategiesFor(s).find((x) => x.id === 'longest');
    const choices = Object.values(s.nodes).find((n) => n.choices.length > 1)?.choices ?? [];
    expect(longest?.orderFree?.(choices)).toBe(true);
    expect(longest?.orderFree?.(Object.values(tied(s).nodes).find((n) => n.choices.length > 1)?.choices ?? [])).toBe(false);
    expect(strategiesFor(s)[0].orderFree).toBeUndefined();
  });
});
