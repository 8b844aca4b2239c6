// xAPI forwarding on both stores, against a recording LRS on 127.0.0.1: every stored attempt's
// statements arrive once, in order, after the LRS has been down for a while (retries with backoff);
// an attempt committed without its enqueue (a crash in between) is found by the sweep; and a server
// killed with -9 while statements wait sends them after the restart, each exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store/index.ts';
import { XapiOutbox } from '../../src/server/xapi/outbox.ts';
import type { Statement } from '../../src/shared/lms/xapi.ts';
import { attemptId, BACKENDS, createUser, CSRF, library, PASSWORD, pgliteTemplate, pgUrl, routesOf, SCENARIO, serverSuite, testApp, uniqueSchema, dropSchema } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AUTH = `Basic ${Buffer.from('lrs-user:lrs-secret').toString('base64')}`;

interface Lrs {
  url: string;
  stored: Statement[];
  duplicates: number;
  refused: number;
  down: boolean;
  close(): Promise<void>;
}

async function recordingLrs(): Promise<Lrs> {
  const lrs = { stored: [], duplicates: 0, refused: 0, down: false } as unknown as Lrs;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.headers.authorization !== AUTH) return res.writeHead(401).end();
      if (req.method !== 'POST' || req.url !== '/xapi/statements') return res.writeHead(404).end();
      if (lrs.down) {
        lrs.refused++;
        return res.writeHead(503).end('down');
      }
      const list = JSON.parse(body) as Statement[];
      for (const s of list) {
        if (lrs.stored.some((x) => x.id === s.id)) lrs.duplicates++;
        else lrs.stored.push(s);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list.map((s) => s.id)));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  lrs.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`;
  lrs.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return lrs;
}

const verbs = (list: Statement[]) => list.map((s) => s.verb.id.split('/').pop());

function expectAttempt(lrs: Lrs, turns: number, verdict: 'passed' | 'failed', userId: number) {
  const mine = lrs.stored.filter((s) => s.actor.account?.name === String(userId));
  for (const s of mine) expect(validateStatement(s), JSON.stringify(s)).toEqual([]);
  expect(verbs(mine)).toEqual([...Array.from({ length: turns }, () => 'answered'), 'completed', verdict]);
  expect(new Set(mine.map((s) => s.id)).size).toBe(mine.length);
}

const until = async (what: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.each(BACKENDS)('xAPI outbox ($name)', ({ open }) => {
  let lrs: Lrs;
  beforeAll(async () => {
    lrs = await recordingLrs();
  });
  afterAll(() => lrs.close());
  const env = serverSuite(open, 'xapi', {
    app: async (ts) => {
      const app = await testApp(ts.store, { xapi: { endpoint: lrs.url, username: 'lrs-user', password: 'lrs-secret', base: 'https://training.example.com', intervalMs: 50, maxBackoffSeconds: 1 } });
      await app.ready();
      return app;
    },
  });

  it('sends every attempt once, in order, after the LRS was down (retries with backoff)', async () => {
    lrs.stored.length = 0;
    lrs.down = true;
    const { best, worst } = routesOf();
    const a = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() });
    const b = await env.w.traineeB.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: attemptId() });
    expect([a.status, b.status]).toEqual([201, 201]);
    await until(() => lrs.refused >= 2);
    lrs.down = false;
    const expected = best.report.turns.length + worst.report.turns.length + 4;
    await until(() => lrs.stored.length >= expected);
    await new Promise((r) => setTimeout(r, 300));
    expect(lrs.stored).toHaveLength(expected);
    expectAttempt(lrs, best.report.turns.length, 'passed', env.w.users.traineeA.id);
    expectAttempt(lrs, worst.report.turns.length, 'failed', env.w.users.traineeB.id);
    const [row] = await env.ts.store.db.query<{ tries: number }>('select max(tries) as tries from xapi_outbox');
    expect(row.tries).toBeGreaterThanOrEqual(1);
  });

  it('an attempt stored without its enqueue (a crash in between) is found by the sweep', async () => {
    lrs.stored.length = 0;
    const { best } = routesOf();
    // Straight into the store, as a crash after the commit would leave it.
    const { replay } = await import('../../src/engine/replay.ts');
    const r = replay(library.scenarios.get(SCENARIO)!, best.events);
    if (!r.ok) throw new Error('no replay');
    await env.ts.store.recordAttempt({ userId: env.w.users.traineeA2.id, scenarioId: SCENARIO, clientAttemptId: attemptId(), events: best.events, seed: null, scenarioVersion: null, report: { ...r.report } });
    await until(() => lrs.stored.length >= best.report.turns.length + 2);
    expectAttempt(lrs, best.report.turns.length, 'passed', env.w.users.traineeA2.id);
    const outbox = new XapiOutbox(env.ts.store.db, library, { endpoint: lrs.url, username: 'lrs-user', password: 'lrs-secret', base: 'https://training.example.com' });
    expect(await outbox.sweep()).toBe(0);
    expect(await outbox.pendingCount()).toBe(0);
  });
});

// ---- kill -9 of a real server process between enqueue and send ----------------------------------

const running = new Set<ChildProcess>();
afterAll(() => {
  for (const p of running) p.kill('SIGKILL');
});

async function startServer(env: Record<string, string>) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_DIR: '', XAPI_USERNAME: 'lrs-user', XAPI_PASSWORD: 'lrs-secret', XAPI_INTERVAL_MS: '100', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => (running.delete(proc), res(code))));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}`)), 45_000);
    proc.stdout?.on('data', () => {
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    proc.on('exit', () => rej(new Error(`server exited early:\n${out}`)));
  });
  return { url, proc, exited };
}

async function call(base: string, path: string, body: unknown, cookie?: string) {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0], body: (await r.json()) as { id?: number; user?: { id: number } } };
}

const kills: { name: string; prepare: () => Promise<{ env: Record<string, string>; open: () => ReturnType<typeof openStore>; done: () => Promise<void> }> }[] = [
  {
    name: 'PGlite',
    prepare: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mir-xapi-'));
      cpSync(await pgliteTemplate(), dataDir, { recursive: true });
      return { env: { DATA_DIR: dataDir }, open: () => openStore({ dataDir }), done: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
    },
  },
  ...(pgUrl
    ? [
        {
          name: 'PostgreSQL',
          prepare: () => {
            const schema = uniqueSchema('xapi');
            return Promise.resolve({ env: { DATABASE_URL: pgUrl as string, DATABASE_SCHEMA: schema }, open: () => openStore({ databaseUrl: pgUrl as string, schema }), done: () => dropSchema(schema) });
          },
        },
      ]
    : []),
];

describe.each(kills)('xAPI outbox survives kill -9 ($name)', ({ prepare }) => {
  it('statements waiting at the kill are sent after the restart, each exactly once', { timeout: 120_000 }, async () => {
    const lrs = await recordingLrs();
    const db = await prepare();
    try {
      const store = await db.open();
      const user = await createUser(store, 'kim@example.com', 'Kim', 'trainer');
      await store.close();
      lrs.down = true;
      const env = { ...db.env, XAPI_ENDPOINT: lrs.url };
      const first = await startServer(env);
      const login = await call(first.url, '/api/session', { email: 'kim@example.com', password: PASSWORD });
      expect(login.status).toBe(200);
      const { best } = routesOf();
      const played = await call(first.url, '/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() }, login.cookie);
      expect(played.status).toBe(201);
      await until(() => lrs.refused >= 1); // enqueued, a send tried and refused
      first.proc.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      expect(lrs.stored).toHaveLength(0);

      lrs.down = false;
      const second = await startServer(env);
      await until(() => lrs.stored.length >= best.report.turns.length + 2, 60_000);
      await new Promise((r) => setTimeout(r, 500));
      expectAttempt(lrs, best.report.turns.length, 'passed', user.id);
      expect(lrs.stored).toHaveLength(best.report.turns.length + 2);
      second.proc.kill('SIGTERM');
      await second.exited;
    } finally {
      await lrs.close();
      await db.done();
    }
  });
});
