// Real server processes (`node --import tsx src/server/main.ts`) over real HTTP:
// - an answered attempt survives kill -9 (PGlite data folder);
// - two servers on one PostgreSQL share sessions, attempts and leaderboards;
// - SIGTERM closes cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/store/index.ts';
import { attemptId, createUser, CSRF, dropSchema, eventsScoring, PASSWORD, pgliteTemplate, pgUrl, routesOf, SCENARIO, uniqueSchema } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const { best, worst } = routesOf();

interface Server {
  url: string;
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

async function startServer(env: Record<string, string>): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => (running.delete(proc), res(code))));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}`)), 45_000);
    const check = () => {
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    proc.stdout?.on('data', check);
    proc.on('exit', () => rej(new Error(`server exited early:\n${out}`)));
  });
  return { url, proc, output: () => out, exited };
}

afterAll(() => {
  for (const p of running) p.kill('SIGKILL');
});

interface HttpRes {
  status: number;
  body: any;
  cookie: string | null;
}

/** A plain HTTP call; onResponse runs the moment the status line arrives, before the body. */
function http(base: string, method: string, path: string, body?: unknown, cookie?: string | null, onResponse?: (status: number) => void): Promise<HttpRes> {
  return new Promise((res, rej) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${base}${path}`,
      {
        method,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
          ...(method !== 'GET' ? CSRF : {}),
          ...(cookie ? { cookie } : {}),
        },
      },
      (r) => {
        onResponse?.(r.statusCode ?? 0);
        let text = '';
        r.on('data', (d) => (text += d));
        r.on('end', () => {
          const set = r.headers['set-cookie']?.[0]?.split(';')[0] ?? null;
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          res({ status: r.statusCode ?? 0, body: parsed, cookie: set });
        });
        r.on('error', rej);
      },
    );
    req.on('error', rej);
    if (data) req.write(data);
    req.end();
  });
}

describe('kill -9 right after a 2xx (PGlite)', { timeout: 120_000 }, () => {
  it('every answered attempt is there after a restart on the same data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mir-kill-'));
    try {
      // Start from a prepared (initialised, migrated) folder to skip initdb.
      cpSync(await pgliteTemplate(), dataDir, { recursive: true });
      // An account made beforehand with cheap test hashing (the server honours a hash's own cost).
      const store = await openStore({ dataDir });
      await createUser(store, 'kim@example.com', 'Kim', 'trainer');
      await store.close();
      const first = await startServer({ DATA_DIR: dataDir });
      const login = await http(first.url, 'POST', '/api/session', { email: 'kim@example.com', password: PASSWORD });
      expect(login.status).toBe(200);
      const cookie = login.cookie;
      const ids = Array.from({ length: 10 }, () => attemptId());
      const answered = await Promise.all(ids.map((id) => http(first.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: id }, cookie)));
      expect(answered.map((r) => r.status)).toEqual(ids.map(() => 201));
      // The last one: SIGKILL the moment its 201 status line arrives.
      const lastId = attemptId();
      let killedAt = 0;
      const last = await http(first.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: lastId }, cookie, (status) => {
        if (status >= 200 && status < 300) {
          first.proc.kill('SIGKILL');
          killedAt = Date.now();
        }
      });
      expect(last.status).toBe(201);
      expect(killedAt).toBeGreaterThan(0);
      expect(await first.exited).toBeNull(); // killed by a signal, no clean close
      expect(existsSync(join(dataDir, 'make-it-right.pid'))).toBe(true); // stale lock left behind

      const second = await startServer({ DATA_DIR: dataDir });
      // The session survived too.
      const me = await http(second.url, 'GET', '/api/me', undefined, cookie);
      expect(me.status).toBe(200);
      const mine = await http(second.url, 'GET', '/api/me/attempts?limit=100', undefined, cookie);
      const stored = new Set(mine.body.attempts.map((a: { clientAttemptId: string }) => a.clientAttemptId));
      for (const id of [...ids, lastId]) expect(stored.has(id), `attempt ${id} lost`).toBe(true);
      const lastStored = mine.body.attempts.find((a: { clientAttemptId: string }) => a.clientAttemptId === lastId);
      expect(lastStored).toMatchObject({ id: last.body.id, score: worst.report.overall });
      // The aggregates agree with the attempts.
      const again = await http(second.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: lastId }, cookie);
      expect(again.status).toBe(200);

      // SIGTERM: a clean close that removes the lock.
      second.proc.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(second.output()).toMatch(/SIGTERM: finishing open requests and closing the database/);
      expect(existsSync(join(dataDir, 'make-it-right.pid'))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!pgUrl)('two servers, one PostgreSQL', { timeout: 120_000 }, () => {
  it('share sessions, attempts and one consistent leaderboard', async () => {
    const schema = uniqueSchema('two');
    const env = { DATABASE_URL: pgUrl as string, DATABASE_SCHEMA: schema };
    try {
      // Both start (and migrate) at the same time.
      const [a, b] = await Promise.all([startServer(env), startServer(env)]);
      // Accounts made beforehand with cheap test hashing (the servers honour a hash's own cost).
      const store = await openStore({ databaseUrl: pgUrl as string, schema });
      await createUser(store, 'kim@example.com', 'Kim', 'trainer');
      await store.close();
      const setup = await http(a.url, 'POST', '/api/session', { email: 'kim@example.com', password: PASSWORD });
      expect(setup.status).toBe(200);
      // The trainer's session from server A works on server B.
      const team = await http(b.url, 'POST', '/api/teams', { name: 'Both' }, setup.cookie);
      expect(team.status).toBe(201);
      const members = await openStore({ databaseUrl: pgUrl as string, schema });
      await createUser(members, 'ann@example.com', 'Ann', 'trainee', team.body.id);
      await createUser(members, 'abe@example.com', 'Abe', 'trainee', team.body.id);
      await members.close();
      // Log in on A, use the cookie on B (and the other way round).
      const login = await http(a.url, 'POST', '/api/session', { email: 'ann@example.com', password: PASSWORD });
      const abe = await http(b.url, 'POST', '/api/session', { email: 'abe@example.com', password: PASSWORD });
      expect([login.status, abe.status]).toEqual([200, 200]);
      expect((await http(b.url, 'GET', '/api/me', undefined, login.cookie)).body.user.name).toBe('Ann');
      expect((await http(a.url, 'GET', '/api/me', undefined, abe.cookie)).body.user.name).toBe('Abe');

      // Submissions on both servers, including the same clientAttemptId on both at once.
      const shared = attemptId();
      const results = await Promise.all([
        http(a.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(92), clientAttemptId: attemptId() }, login.cookie),
        http(b.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(72), clientAttemptId: attemptId() }, login.cookie),
        http(a.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(82), clientAttemptId: shared }, abe.cookie),
        http(b.url, 'POST', '/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(82), clientAttemptId: shared }, abe.cookie),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 201, 201, 201]);
      expect(results[2].body.id).toBe(results[3].body.id);

      const boardA = await http(a.url, 'GET', `/api/leaderboards/${team.body.id}?scenario=${SCENARIO}&mode=average`, undefined, setup.cookie);
      const boardB = await http(b.url, 'GET', `/api/leaderboards/${team.body.id}?scenario=${SCENARIO}&mode=average`, undefined, login.cookie);
      expect(boardA.status).toBe(200);
      expect(boardA.body.entries).toEqual(boardB.body.entries);
      expect(boardA.body.entries.map((e: { rank: number; name: string; value: number; attempts: number }) => [e.rank, e.name, e.value, e.attempts])).toEqual([
        [1, 'Abe', 82, 1],
        [1, 'Ann', 82, 2],
      ]);
      expect(boardA.body.participation).toEqual({ played: 2, members: 2 });

      // Logging out on B ends the session on A too.
      expect((await http(b.url, 'DELETE', '/api/session', undefined, login.cookie)).status).toBe(204);
      expect((await http(a.url, 'GET', '/api/me', undefined, login.cookie)).status).toBe(401);

      a.proc.kill('SIGTERM');
      b.proc.kill('SIGINT');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    } finally {
      await dropSchema(schema);
    }
  });
});
