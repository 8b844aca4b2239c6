// 5b. Leaderboard reads as stored attempts grow (10k, 100k, 1M): GET /api/leaderboards/:teamId against
// the real server, latency at a steady 300 requests/s (paced, bench/support/paced.ts), the most it
// answers per second (autocannon), and the endpoint against the bare SQL query underneath it (the
// store's leaderboard query, timed in this process), one request at a time.
import http from 'node:http';
import { median, progress, round, table, type SectionResult } from '../lib.ts';
import { setupTeam, type TeamSetup } from '../support/api.ts';
import { facts } from '../support/facts.ts';
import { runLoad, type LoadResult } from '../support/loadgen.ts';
import { runPaced, type PacedResult } from '../support/paced.ts';
import { rebuildAggregates, seedAttempts, seedPeople, seedSamples, TEAM_SIZE, OTHER_TEAMS, SEED_DAYS } from '../support/seed.ts';
import { freshStore, startServer, type RunningServer, type StoreHandle, type StoreKind } from '../support/server.ts';
import type { Store } from '../../src/server/store/index.ts';

export const LEADERBOARD_P99_TARGET_MS = 10;
const RATE = 300;
const CONNECTIONS = 4;
/** For the most reads per second: as fast as the server answers, this many at a time. */
const MAX_CONNECTIONS = 8;

const storeName = (k: StoreKind) => (k === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** One GET at a time over a kept-alive connection; returns each latency (ms). */
async function sequentialGets(url: string, cookie: string, count: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = http.get(url, { agent, headers: { cookie } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`GET ${url}: ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      });
      out.push(performance.now() - t);
    }
  } finally {
    agent.destroy();
  }
  return out;
}

/** The store's all-time leaderboard query for a team (named leaderboard, formerly leaderboardRows). */
function leaderboardQuery(store: Store): (teamId: number) => Promise<unknown> {
  const s = store as unknown as Record<string, (teamId: number, opts: { period: 'all' }) => Promise<unknown>>;
  const name = ['leaderboard', 'leaderboardRows'].find((n) => typeof s[n] === 'function');
  if (!name) throw new Error('the store has no leaderboard query');
  return (teamId) => s[name].call(store, teamId, { period: 'all' });
}

async function timeSql(store: Store, teamId: number, count: number): Promise<number[]> {
  const query = leaderboardQuery(store);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await query(teamId);
    out.push(performance.now() - t);
  }
  return out;
}

interface SizeRun {
  kind: StoreKind;
  attempts: number;
  seedSeconds: number;
  load: PacedResult;
  max: LoadResult;
  endpointP50: number;
  sqlP50: number;
  ratio: number;
}

async function withStore<T>(handle: StoreHandle, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await handle.open();
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

async function leaderboardOn(kind: StoreKind, sizes: number[], quick: boolean): Promise<SizeRun[]> {
  const handle = await freshStore(kind);
  progress(`leaderboard (${kind}): starting the server, a trainer, a team and 3 trainees`);
  let server: RunningServer | null = await startServer(handle);
  const team: TeamSetup = await setupTeam(server.url, 3);
  const cookie = team.trainees[0].cookie;
  const samples = seedSamples();
  // PGlite is one process's database: seeding and the bare query run while the server is stopped.
  const embedded = kind === 'pglite';
  const inProcess = embedded ? null : await handle.open();
  const seed = async (fn: (s: Store) => Promise<void>) => {
    if (inProcess) return fn(inProcess);
    await server?.stop();
    server = null;
    await withStore(handle, fn);
  };
  const runs: SizeRun[] = [];
  try {
    await seed((s) => seedPeople(s.db, team.trainer.id, team.teamId));
    let stored = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      progress(`leaderboard (${kind}): seeding attempts ${stored} -> ${size}`);
      await seed(async (s) => {
        await seedAttempts(s.db, stored, size, samples, (done) => {
          if (done % 200_000 === 0) progress(`leaderboard (${kind}): ${stored + done} attempts`);
        });
        await rebuildAggregates(s.db);
      });
      stored = size;
      const seedSeconds = (performance.now() - t0) / 1000;
      server ??= await startServer(handle);
      const base = `${server.url}/api/leaderboards/${team.teamId}`;
      // The three kinds of table the game shows: all time, this week, one scenario's averages.
      const paths = ['', '?period=week', '?scenario=trophy-room&mode=average'].map((q) => new URL(base + q).pathname + (q ? q : ''));
      const seconds = quick ? 1.5 : 6;
      progress(`leaderboard (${kind}, ${size}): GET at a steady ${RATE}/s over ${CONNECTIONS} connections, ${seconds} s`);
      // Warm the server's code paths and the database's caches first.
      await sequentialGets(base, cookie, 50);
      const load = await runPaced({ url: base, rate: RATE, connections: CONNECTIONS, seconds, headers: { cookie }, path: (i) => paths[i % paths.length], server });
      const max = await runLoad({ url: base, connections: MAX_CONNECTIONS, seconds: quick ? 1 : 2, maxRequests: 50_000, headers: { cookie }, next: (i) => ({ path: paths[i % paths.length] }) });
      facts.serverMemory.push({ label: `leaderboard reads on ${storeName(kind)}, ${size} attempts`, peakRss: load.peakRss ?? NaN, rssAfter: load.rssAfter ?? NaN });
      const n = quick ? 60 : 300;
      const endpoint = await sequentialGets(base, cookie, n);
      let sql: number[];
      if (inProcess) {
        sql = await timeSql(inProcess, team.teamId, n);
      } else {
        await server.stop();
        server = null;
        sql = await withStore(handle, async (s) => {
          await timeSql(s, team.teamId, 20);
          return timeSql(s, team.teamId, n);
        });
      }
      const endpointP50 = median(endpoint);
      const sqlP50 = median(sql);
      progress(`leaderboard (${kind}, ${size}): p50 ${round(load.p50, 2)} ms, p99 ${round(load.p99, 2)} ms; one at a time: endpoint ${round(endpointP50, 3)} ms, SQL ${round(sqlP50, 3)} ms`);
      runs.push({ kind, attempts: size, seedSeconds, load, max, endpointP50, sqlP50, ratio: endpointP50 / sqlP50 });
    }
  } finally {
    await inProcess?.close();
    await (server)?.stop();
  }
  return runs;
}

export async function leaderboardSection(quick: boolean): Promise<SectionResult> {
  const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
  const kinds = (process.env.BENCH_STORES?.split(',') ?? ['postgres', 'pglite']) as StoreKind[];
  const runs: SizeRun[] = [];
  for (const kind of kinds) runs.push(...(await leaderboardOn(kind, sizes, quick)));
  const largest = (k: StoreKind) => runs.filter((r) => r.kind === k).at(-1);
  const checks = kinds.map((k) => {
    const r = largest(k) as SizeRun;
    const clean = r.load.non2xx === 0 && r.load.errors === 0 && r.max.non2xx === 0;
    return {
      name: `Leaderboard p99 on ${storeName(k)} at ${r.attempts.toLocaleString('en')} attempts`,
      target: `<= ${LEADERBOARD_P99_TARGET_MS} ms${r.attempts < 1_000_000 ? ' (at 1M)' : ''}`,
      value: `${round(r.load.p99, 2)} ms${clean ? '' : ` (non-2xx ${r.load.non2xx}, errors ${r.load.errors})`}`,
      ok: r.load.p99 <= LEADERBOARD_P99_TARGET_MS && clean && (quick || r.attempts >= 1_000_000),
    };
  });
  return {
    title: 'Leaderboards: reads as attempts grow',
    lines: [
      `The real server on 127.0.0.1 with one team of ${TEAM_SIZE} trainees among ${OTHER_TEAMS + 1} teams (${(OTHER_TEAMS + 1) * TEAM_SIZE} trainees), and the given number of attempts spread over them and the last ${SEED_DAYS} days, seeded with SQL (real event lists and score reports from the engine's routes) with the leaderboard aggregates rebuilt as the server keeps them. A team member's GET /api/leaderboards/:teamId, rotating the all-time, this-week and one-scenario-average tables: latencies at a steady ${RATE} requests/s over ${CONNECTIONS} kept-alive connections, requests spread evenly and each timed from when it was due (autocannon's own rate limit sends each second's quota in one burst, which would time a saturated server instead); "most reads/s" is autocannon as fast as the server answers, ${MAX_CONNECTIONS} connections. "Endpoint" and "SQL" are medians one request at a time: the HTTP endpoint (session, team check, query, ranking, JSON) against the store's leaderboard query (the SQL underneath, with its row mapping) timed in the benchmark process${kinds.includes('pglite') ? '; PGlite belongs to one process, so its seeding and its SQL timing happen with the server stopped' : ''}.`,
      '',
      ...table(
        ['store', 'attempts', 'p50 (ms)', 'p90 (ms)', 'p99 (ms)', 'max (ms)', 'most reads/s', 'non-2xx', 'endpoint (ms)', 'SQL (ms)', 'endpoint / SQL', 'seeded in (s)'],
        runs.map((r) => [
          storeName(r.kind),
          r.attempts.toLocaleString('en'),
          round(r.load.p50, 2),
          round(r.load.p90, 2),
          `**${round(r.load.p99, 2)}**`,
          round(r.load.max, 1),
          Math.round(r.max.okPerSecond),
          r.load.non2xx + r.max.non2xx,
          round(r.endpointP50, 3),
          round(r.sqlP50, 3),
          `${round(r.ratio, 1)}x`,
          round(r.seedSeconds, 0),
        ]),
      ),
    ],
    checks,
    data: {
      rate: RATE,
      connections: CONNECTIONS,
      runs: runs.map(({ load: { latencies: _l, ...load }, max: { latencies: _m, ...max }, ...r }) => ({ ...r, load, max })),
    },
  };
}
