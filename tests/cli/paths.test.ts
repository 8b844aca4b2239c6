import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/engine/files.ts';
import { replay } from '../../src/engine/replay.ts';
import { join } from 'node:path';
import { cli } from './support.ts';

const KEYS = ['empathy', 'ownership', 'timing', 'overall'] as const;
const ROUTE_KEYS = ['steps', 'events', ...KEYS, 'passed', 'satisfaction', 'outcome', 'ending'].sort();

function trophyRoom() {
  const r = loadScenarioFile(join(SCENARIO_DIR, 'trophy-room.yaml'));
  if (!r.ok) throw new Error('trophy-room.yaml does not load');
  return r.scenario;
}

describe('paths', () => {
  it('--json: counts, score ranges, outcomes, and a best route at least as good as the worst', async () => {
    const r = await cli(['paths', 'trophy-room', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['best', 'count', 'endings', 'gameability', 'longestIsBest', 'max', 'min', 'outcomes', 'scenarioId', 'truncated', 'worst']);
    expect(json.scenarioId).toBe('trophy-room');
    expect(json.count).toBeGreaterThan(1);
    expect(Object.values(json.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(json.count);
    for (const k of KEYS) expect(json.min[k]).toBeLessThanOrEqual(json.max[k]);
    expect(Object.keys(json.best).sort()).toEqual(ROUTE_KEYS);
    expect(json.best.overall).toBeGreaterThanOrEqual(json.worst.overall);
    expect(json.best.overall).toBe(json.max.overall);
    expect(json.worst.overall).toBe(json.min.overall);
    // Routes per ending add up to the routes that end; every blind strategy has its figures.
    expect(Object.values(json.endings as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(json.count);
    const ids = json.gameability.strategies.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['position-1', 'longest', 'shortest', 'most-moves', 'says-sorry', 'random']));
    for (const f of json.gameability.strategies) {
      expect(f.mean).toBeGreaterThanOrEqual(0);
      expect(f.passRate).toBeLessThanOrEqual(1);
    }
    expect(typeof json.gameability.gameable).toBe('boolean');
  });

  it('the best route it prints replays to the same scores on the machine', async () => {
    const json = JSON.parse((await cli(['paths', 'trophy-room', '--json'])).stdout);
    const r = replay(trophyRoom(), json.best.events);
    if (!r.ok) throw new Error(r.reason);
    expect(r.ended).toBe(true);
    for (const k of KEYS) expect(r.report[k]).toBe(json.best[k]);
    expect(r.report.ending).toBe(json.best.ending);
  });

  it('accepts a path to a YAML file as well as an id', async () => {
    const byPath = JSON.parse((await cli(['paths', 'scenarios/trophy-room.yaml', '--json'])).stdout);
    expect(byPath.scenarioId).toBe('trophy-room');
  });

  it('prints a readable table', async () => {
    const r = await cli(['paths', 'trophy-room']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/routes\s+\d+/);
    expect(r.stdout).toMatch(/overall\s+\d+\s+\d+/);
    expect(r.stdout).toMatch(/best .*\n\s+\S+( → \S+)*/);
  });

  it('--all --json lists every scenario that loads', async () => {
    const r = await cli(['paths', '--all', '--json']);
    const json = JSON.parse(r.stdout) as { scenarioId: string; best: { overall: number }; worst: { overall: number } }[];
    expect(json.map((s) => s.scenarioId)).toContain('trophy-room');
    for (const s of json) expect(s.best.overall).toBeGreaterThanOrEqual(s.worst.overall);
  });

  it('an unknown id is a clear error naming the available ones', async () => {
    const r = await cli(['paths', 'no-such-scenario']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no scenario "no-such-scenario".*trophy-room/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
