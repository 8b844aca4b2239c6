// The gameability gate: blind strategies under shuffled replies, and the lint that refuses a scenario
// a player can pass without reading. The fixture is a scenario written the easy way: the best reply
// listed first and longest at every decision.
import { describe, expect, it } from 'vitest';
import { gateFindings, longestOnRoute, measureGameability, playStrategy, strategiesFor, games, GATE_MAX_MEAN } from '../../src/engine/gameability.ts';
import { summarizeRoutes } from '../../src/engine/routes.ts';
import { loadFixture } from './support.ts';

const gameable = loadFixture('gameable.yaml');

describe('blind strategies', () => {
  it('include every display position, longest, shortest, most moves, says sorry and random', () => {
    const ids = strategiesFor(gameable).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['position-1', 'position-4', 'longest', 'shortest', 'most-moves', 'says-sorry', 'random']));
  });

  it('are deterministic for a seed and differ between seeds for a fixed position', () => {
    const first = strategiesFor(gameable)[0];
    expect(playStrategy(gameable, first, 7)).toEqual(playStrategy(gameable, first, 7));
    const overalls = new Set(Array.from({ length: 24 }, (_, i) => playStrategy(gameable, first, i * 977).overall));
    expect(overalls.size).toBeGreaterThan(3);
  });

  it('find the fixture gameable: always the longest reply passes', () => {
    const g = measureGameability(gameable);
    const longest = g.strategies.find((f) => f.id === 'longest')!;
    expect(longest.mean).toBeGreaterThan(GATE_MAX_MEAN);
    expect(games(longest)).toBe(true);
    expect(g.worst.mean).toBeGreaterThanOrEqual(longest.mean);
  });
});

describe('the gate', () => {
  it('fails the fixture with the strategy and its figures, and for the best reply being the longest', () => {
    const sum = summarizeRoutes(gameable)!;
    const findings = gateFindings(gameable, measureGameability(gameable), sum.best.steps);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.kind)).toEqual(expect.arrayContaining(['gameable', 'longest-is-best']));
    expect(errors.map((f) => f.message).join('\n')).toMatch(/always the longest reply scores \d+/);
    expect(longestOnRoute(gameable, sum.best.steps).share).toBeGreaterThan(0.4);
  });

  it('warns, without failing, when a node takes too long to read', () => {
    const slow = loadFixture('gameable.yaml');
    slow.nodes[slow.start].patience = 5;
    const warnings = gateFindings(slow, measureGameability(slow, { seeds: 4, randomPlays: 4 })).filter((f) => f.severity === 'warning');
    expect(warnings.some((w) => w.path.join('.') === `nodes.${slow.start}`)).toBe(true);
  });
});
