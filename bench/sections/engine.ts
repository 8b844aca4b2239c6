// Engine throughput: routes enumerated per second across all scenarios, replays per second.
import { loadLibrary } from '../../src/engine/files.ts';
import { summarizeRoutes, walkRoutes } from '../../src/engine/routes.ts';
import { measureGameability } from '../../src/engine/gameability.ts';
import { replay, replayThroughMachine } from '../../src/engine/replay.ts';
import { median, progress, round, table, type SectionResult } from '../lib.ts';

export function engineSection(quick: boolean): Promise<SectionResult> {
  return Promise.resolve(engineFigures(quick));
}

function engineFigures(quick: boolean): SectionResult {
  const lib = loadLibrary();
  const scenarios = [...lib.scenarios.values()];
  const runs = quick ? 3 : 7;

  progress(`engine: enumerating routes of ${scenarios.length} scenarios x${runs}`);
  const pathsTimes: number[] = [];
  let routeCount = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    routeCount = 0;
    for (const s of scenarios) routeCount += summarizeRoutes(s)?.count ?? 0;
    pathsTimes.push(performance.now() - t);
  }
  const pathsMs = median(pathsTimes);

  // The gameability gate that lint and paths run beside the route walk: every blind strategy's plays.
  progress(`engine: the gameability gate on ${scenarios.length} scenarios x${runs}`);
  const gateTimes: number[] = [];
  let gatePlays = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    gatePlays = 0;
    for (const s of scenarios) gatePlays += measureGameability(s).strategies.reduce((n, f) => n + f.plays, 0);
    gateTimes.push(performance.now() - t);
  }
  const gateMs = median(gateTimes);

  progress('engine: replaying every route through the machine');
  const eventLists = scenarios.flatMap((s) => [...walkRoutes(s)].map((r) => ({ s, events: r.events })));
  const sample = eventLists.slice(0, quick ? 2000 : 10000);
  // Alternating: replay() as the server verifies attempts, and the same through the XState machine.
  const replayTimes: number[] = [];
  const machineTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    for (const { s, events } of sample) replay(s, events);
    replayTimes.push(performance.now() - t);
    t = performance.now();
    for (const { s, events } of sample) replayThroughMachine(s, events);
    machineTimes.push(performance.now() - t);
  }
  const replayMs = median(replayTimes);
  const replaysPerSecond = sample.length / (replayMs / 1000);
  const machineReplaysPerSecond = sample.length / (median(machineTimes) / 1000);
  const routesPerSecond = routeCount / (pathsMs / 1000);

  return {
    title: 'Engine',
    lines: table(
      ['measure', 'median'],
      [
        ['scenarios', scenarios.length],
        ['routes (all scenarios)', routeCount],
        ['`paths` over all scenarios (ms)', round(pathsMs, 1)],
        ['gameability gate over all scenarios (ms)', round(gateMs, 1)],
        ['gate plays (blind strategies x seeds)', gatePlays],
        ['routes enumerated and scored per second', Math.round(routesPerSecond)],
        ['replays per second (the step function, as the server verifies attempts)', Math.round(replaysPerSecond)],
        ['replays through the XState machine per second', Math.round(machineReplaysPerSecond)],
      ],
    ),
    checks: [
      { name: '`paths` on all scenarios', target: '< 1000 ms', value: `${round(pathsMs, 1)} ms`, ok: pathsMs < 1000 },
      { name: '`paths` with the gameability gate, all scenarios', target: '< 1000 ms', value: `${round(pathsMs + gateMs, 1)} ms`, ok: pathsMs + gateMs < 1000 },
    ],
    data: { scenarios: scenarios.length, routeCount, pathsMs, gateMs, gatePlays, routesPerSecond, replaysPerSecond, machineReplaysPerSecond, replaySample: sample.length },
  };
}
