// 5a. Server: verified attempts per second with autocannon against the real server (src/server/main.ts,
// what `npm start` runs) on 127.0.0.1, on PGlite and on PostgreSQL. Every request is a finished
// conversation from the engine's route walk, under a new clientAttemptId, from one of 16 logged-in
// trainees; the server replays it through the engine and stores the score it computed.
import { loadLibrary } from '../../src/engine/files.ts';
import { walkRoutes } from '../../src/engine/routes.ts';
import { progress, round, table, type SectionResult } from '../lib.ts';
import { CSRF_HEADER, CSRF_VALUE, setupTeam } from '../support/api.ts';
import { facts } from '../support/facts.ts';
import { runLoad, runWindows, type WindowsResult } from '../support/loadgen.ts';
import { freshStore, startServer, type StoreKind } from '../support/server.ts';

export const ATTEMPTS_TARGET = 1000;
const TRAINEES = 16;
const QUICK_TRAINEES = 6;
const CONNECTIONS = 16;
const ROUTES_PER_SCENARIO = 50;

export interface PooledAttempt {
  scenarioId: string;
  /** The event list as JSON. */
  events: string;
}

/** Finished conversations from every scenario (every 7th route, so short and long ones mix). */
export function attemptPool(): PooledAttempt[] {
  const pool: PooledAttempt[] = [];
  for (const s of loadLibrary().scenarios.values()) {
    let n = 0;
    let taken = 0;
    for (const r of walkRoutes(s, 5000)) {
      if (n++ % 7 !== 0) continue;
      pool.push({ scenarioId: s.id, events: JSON.stringify(r.events) });
      if (++taken >= ROUTES_PER_SCENARIO) break;
    }
  }
  return pool;
}

interface StoreRun {
  kind: StoreKind;
  load: WindowsResult;
  stored: number;
  answered: number;
  /** Requests still in flight when a window closed: the server finishes and stores them. */
  inFlightBound: number;
}

async function attemptsOn(kind: StoreKind, quick: boolean, pool: PooledAttempt[]): Promise<StoreRun> {
  const store = await freshStore(kind);
  progress(`server (${kind}): starting src/server/main.ts`);
  const server = await startServer(store);
  // Each sign-up costs a full scrypt hash, so the quick run makes fewer accounts.
  const team = await setupTeam(server.url, quick ? QUICK_TRAINEES : TRAINEES);
  const tag = Date.now().toString(36);
  const next = (prefix: string) => (i: number) => {
    const a = pool[i % pool.length];
    return {
      body: `{"scenarioId":"${a.scenarioId}","events":${a.events},"clientAttemptId":"${prefix}-${tag}-${i}"}`,
      headers: { cookie: team.trainees[i % team.trainees.length].cookie },
    };
  };
  const base = { url: `${server.url}/api/attempts`, method: 'POST' as const, connections: CONNECTIONS, headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE } };
  const warmSeconds = quick ? 1 : 2;
  progress(`server (${kind}): warm-up, ${warmSeconds} s`);
  const warm = await runLoad({ ...base, seconds: warmSeconds, maxRequests: 5000, next: next('warm') });
  const windows = quick ? 2 : 5;
  const seconds = quick ? 1 : 2;
  progress(`server (${kind}): POST /api/attempts, ${CONNECTIONS} connections, ${windows} windows of ${seconds} s`);
  const load = await runWindows({ ...base, next: next('load'), server }, windows, seconds, 20_000);
  facts.serverMemory.push({ label: `attempts on ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, peakRss: load.peakRss ?? NaN, rssAfter: load.rssAfter ?? NaN });
  progress(`server (${kind}): ${Math.round(load.okPerSecond)} verified attempts/s (median of windows), p99 ${round(load.p99, 1)} ms, non-2xx ${load.non2xx}, server CPU ${round(load.serverCpuMsPerRequest ?? NaN, 3)} ms/attempt`);
  await server.stop();
  // Every 201 must be a stored row (PGlite is opened here once the server has let go of it).
  const db = await store.open();
  let stored: number;
  try {
    const [r] = await db.db.query<{ n: number }>('select count(*)::int as n from attempts');
    stored = Number(r.n);
  } finally {
    await db.close();
  }
  return { kind, load, stored, answered: warm.ok + load.ok, inFlightBound: CONNECTIONS * (windows + 1) };
}

const storeName = (k: StoreKind) => (k === 'pglite' ? 'PGlite' : 'PostgreSQL');

export async function serverSection(quick: boolean): Promise<SectionResult> {
  const pool = attemptPool();
  const kinds = (process.env.BENCH_STORES?.split(',') ?? ['pglite', 'postgres']) as StoreKind[];
  const runs: StoreRun[] = [];
  for (const kind of kinds) runs.push(await attemptsOn(kind, quick, pool));
  const storedOk = (r: StoreRun) => r.stored >= r.answered && r.stored <= r.answered + r.inFlightBound;
  const w = runs[0]?.load.windows;
  const lines = [
    `autocannon in the benchmark process against \`node --import tsx src/server/main.ts\` on 127.0.0.1 (what \`npm start\` runs after its build), ${CONNECTIONS} connections, after a ${quick ? 1 : 2} s warm-up, ${w?.length} back-to-back windows of ${round(w?.[0]?.seconds ?? NaN, 1)} s per store; the rate is the median over the windows. Each request is one finished conversation (${pool.length} different routes from all scenarios, a new clientAttemptId each) from one of ${quick ? QUICK_TRAINEES : TRAINEES} trainees with a session cookie and the CSRF header; the server replays it through the engine, scores it and stores it with its leaderboard aggregates. Latencies are per response, over all windows. Server CPU is the process's user + system time per answered request (the database's own processes not included).`,
    '',
    ...table(
      ['store', 'verified attempts/s', 'windows (/s)', 'p50 (ms)', 'p90 (ms)', 'p99 (ms)', 'requests', 'non-2xx', 'errors', 'rows stored / 201s', 'server CPU per attempt (ms)', 'attempts/s per CPU-second', 'peak RSS (MB)'],
      runs.map((r) => [
        storeName(r.kind),
        `**${Math.round(r.load.okPerSecond)}**`,
        r.load.windows.map((x) => Math.round(x.okPerSecond)).join(', '),
        round(r.load.p50, 2),
        round(r.load.p90, 2),
        round(r.load.p99, 2),
        r.load.requests,
        r.load.non2xx,
        r.load.errors,
        `${r.stored} / ${r.answered}`,
        round(r.load.serverCpuMsPerRequest ?? NaN, 3),
        Math.round(1000 / (r.load.serverCpuMsPerRequest ?? NaN)),
        round((r.load.peakRss ?? NaN) / 1024 / 1024, 1),
      ]),
    ),
    '',
    'Rows stored may exceed the 201s counted by up to the requests still in flight when a window closed: the server finishes and stores those too. "Attempts/s per CPU-second" is 1000 / server CPU per attempt: what one uncontended core could verify (on PostgreSQL the database\'s own processes come on top); unlike the rate, it hardly moves when other work competes for the machine.',
  ];
  return {
    title: 'Server: verified attempts per second',
    lines,
    checks: runs.map((r) => {
      const clean = r.load.non2xx === 0 && r.load.errors === 0 && storedOk(r);
      return {
        name: `Verified attempts/s on ${storeName(r.kind)}`,
        target: `>= ${ATTEMPTS_TARGET}/s, all 2xx and stored`,
        value: `${Math.round(r.load.okPerSecond)}/s${clean ? '' : ` (non-2xx ${r.load.non2xx}, errors ${r.load.errors}, stored ${r.stored}/${r.answered})`}`,
        ok: r.load.okPerSecond >= ATTEMPTS_TARGET && clean,
      };
    }),
    data: {
      connections: CONNECTIONS,
      trainees: quick ? QUICK_TRAINEES : TRAINEES,
      routes: pool.length,
      runs: runs.map((r) => ({ ...r, load: { ...r.load, windows: r.load.windows.map(({ latencies: _l, ...x }) => x) } })),
    },
  };
}
