// The offline queue against the real server, started in this process (PGlite in a temp folder,
// listening on 127.0.0.1) and spoken to with fetch through the game's own API client.
import type { FastifyInstance } from 'fastify';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Api, ApiError } from '../../src/game/api.ts';
import { Outbox, OUTBOX_KEY, type Delivery } from '../../src/game/outbox.ts';
import { Online } from '../../src/game/online.ts';
import { MemoryStorage } from '../../src/game/storage.ts';
import { baseScenario } from '../cli/support.ts';
import { createUser, openPgliteStore, PASSWORD, routesOf, testApp, type TestStore } from '../server/helpers.ts';

const { best, worst } = routesOf('trophy-room');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** A fetch that keeps the session cookie, as the browser does, and counts attempt submissions. */
function cookieFetch() {
  const jar = { cookie: '', attemptPosts: 0 };
  const f: typeof fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.cookie) headers.set('cookie', jar.cookie);
    if ((input instanceof Request ? input.url : input.toString()).endsWith('/api/attempts') && init.method === 'POST') jar.attemptPosts++;
    const res = await fetch(input, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair.startsWith('mir_session=')) jar.cookie = pair.endsWith('=') ? '' : pair;
    }
    return res;
  };
  return { jar, f };
}

let ts: TestStore;
let app: FastifyInstance;
let url: string;
let userId: number;
let fetcher: ReturnType<typeof cookieFetch>;
let api: Api;

beforeAll(async () => {
  ts = await openPgliteStore();
  app = await testApp(ts.store);
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  // The game's client fires requests it does not wait for (the team's labelled replies); a
  // connection Node's fetch still holds would keep close() waiting for it.
  app?.server.closeAllConnections();
  await app?.close();
  await ts?.close();
});
beforeEach(async () => {
  await ts.reset();
  await createUser(ts.store, 'kim@example.com', 'Kim', 'trainer');
  fetcher = cookieFetch();
  api = new Api({ base: url, fetch: fetcher.f });
  await api.signIn('kim@example.com', PASSWORD);
  const team = await api.request<{ inviteCode: string }>('POST', '/api/teams', { name: 'Night shift' });
  await api.signOut();
  const me = await api.join({ inviteCode: team.data.inviteCode, name: 'Priya', email: 'priya@example.com', password: 'trainee password' });
  userId = me.user.id;
});

const body = (events = best.events, id: string = crypto.randomUUID()) => ({ scenarioId: 'trophy-room', events, clientAttemptId: id });
const stored = async () => (await api.request<{ attempts: { clientAttemptId: string; score: number }[] }>('GET', '/api/me/attempts')).data.attempts;

describe('API client', () => {
  it('sends the CSRF header on writes and surfaces the server’s message', async () => {
    await expect(api.signIn('priya@example.com', 'wrong password')).rejects.toMatchObject({ status: 401, message: 'wrong email or password' });
    const plain = await fetch(`${url}/api/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(plain.status).toBe(403);
    const e = await api.request('POST', '/api/attempts', { scenarioId: 'nope', events: [], clientAttemptId: 'x' }).catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    const down = new Api({ base: `http://127.0.0.1:${await freePort()}` });
    const e2 = await down.me().catch((x) => x);
    expect(e2).toMatchObject({ status: 0, transient: true });
    expect(e2.message).toMatch(/Cannot reach the server/);
  });
});

describe('outbox', () => {
  it('writes the attempt before sending, and removes it on 201 with the server’s score', async () => {
    const storage = new MemoryStorage();
    let seenInStorage = false;
    const outbox = new Outbox({
      storage,
      currentUser: () => userId,
      send: (b) => {
        seenInStorage = storage.getItem(OUTBOX_KEY)?.includes(b.clientAttemptId) ?? false;
        return api.submitAttempt(b);
      },
    });
    const d = await outbox.add(body(), userId);
    expect(seenInStorage).toBe(true);
    expect(d).toMatchObject({ state: 'saved', repeat: false, attempt: { score: best.report.overall } });
    expect(outbox.pending()).toEqual([]);
    expect(await stored()).toHaveLength(1);
  });

  it('queues while the server is down, then delivers exactly once when it comes up', async () => {
    const port = await freePort();
    const later = await testApp(ts.store); // the same database, not listening yet
    const storage = new MemoryStorage();
    const offline = new Api({ base: `http://127.0.0.1:${port}`, fetch: fetcher.f });
    const deliveries: Delivery[] = [];
    const outbox = new Outbox({ storage, currentUser: () => userId, send: (b) => offline.submitAttempt(b), backoff: () => 60_000 });
    outbox.onDelivery((_id, d) => deliveries.push(d));
    try {
      const first = await outbox.add(body(best.events, 'a-1'), userId);
      expect(first.state).toBe('queued');
      const second = await outbox.add(body(worst.events, 'a-2'), userId);
      expect(second.state).toBe('queued');
      expect(outbox.pending().map((q) => q.clientAttemptId)).toEqual(['a-1', 'a-2']);
      // Survives a reload: a new outbox over the same storage sees the queue.
      const reloaded = new Outbox({ storage, currentUser: () => userId, send: (b) => offline.submitAttempt(b), backoff: () => 60_000 });
      expect(reloaded.pending()).toHaveLength(2);
      outbox.stop();

      await later.listen({ host: '127.0.0.1', port });
      const before = fetcher.jar.attemptPosts;
      // Start-up, an `online` event and a retry timer may all flush at once: one flush runs at a time.
      await Promise.all([reloaded.flush(), reloaded.flush(), reloaded.flush()]);
      expect(fetcher.jar.attemptPosts - before).toBe(2);
      expect(reloaded.pending()).toEqual([]);
      const attempts = await stored();
      expect(attempts.map((a) => a.clientAttemptId).sort()).toEqual(['a-1', 'a-2']);
      expect(attempts.find((a) => a.clientAttemptId === 'a-1')?.score).toBe(best.report.overall);
      await reloaded.flush();
      expect(fetcher.jar.attemptPosts - before).toBe(2);
    } finally {
      outbox.stop();
      await later.close();
    }
  });

  it('retries on its own with backoff after a network error', async () => {
    let up = false;
    const outbox = new Outbox({
      storage: new MemoryStorage(),
      currentUser: () => userId,
      send: (b) => (up ? api.submitAttempt(b) : Promise.reject(new ApiError(0, 'Cannot reach the server.'))),
      backoff: () => 30,
    });
    const saved = new Promise<Delivery>((ok) => outbox.onDelivery((_id, d) => d.state === 'saved' && ok(d)));
    expect((await outbox.add(body(), userId)).state).toBe('queued');
    up = true;
    expect((await saved).state).toBe('saved');
    expect(await stored()).toHaveLength(1);
    outbox.stop();
  });

  it('treats a repeat (200) as delivered: the server keeps one attempt', async () => {
    const b = body();
    expect((await api.submitAttempt(b)).status).toBe(201);
    const outbox = new Outbox({ storage: new MemoryStorage(), currentUser: () => userId, send: (x) => api.submitAttempt(x) });
    expect(await outbox.add(b, userId)).toMatchObject({ state: 'saved', repeat: true });
    expect(await stored()).toHaveLength(1);
  });

  it('drops a 422 with its reason and goes on with the rest', async () => {
    const outbox = new Outbox({ storage: new MemoryStorage(), currentUser: () => userId, send: (b) => api.submitAttempt(b) });
    const unfinished = best.events.slice(0, 2);
    const d = await outbox.add(body(unfinished, 'bad-1'), userId);
    expect(d).toMatchObject({ state: 'rejected', status: 422 });
    if (d.state === 'rejected') expect(d.message).toMatch(/did not reach an ending/);
    expect(outbox.pending()).toEqual([]);
    expect(outbox.rejected()).toEqual([expect.objectContaining({ clientAttemptId: 'bad-1', status: 422, message: expect.stringMatching(/ending/) })]);
    expect((await outbox.add(body(), userId)).state).toBe('saved');
    expect(await stored()).toHaveLength(1);
  });

  it('keeps a signed-out user’s attempts for them, and sends nothing without a user', async () => {
    let current: number | null = null;
    const outbox = new Outbox({ storage: new MemoryStorage(), currentUser: () => current, send: (b) => api.submitAttempt(b) });
    await outbox.add(body(best.events, 'other-user'), userId + 1000);
    await outbox.add(body(best.events, 'mine'), userId);
    expect(outbox.pending()).toHaveLength(2);
    current = userId;
    await outbox.flush();
    expect(outbox.pending().map((q) => q.clientAttemptId)).toEqual(['other-user']);
    expect((await stored()).map((a) => a.clientAttemptId)).toEqual(['mine']);
  });
});

describe('online', () => {
  it('gives a signed-in player the scenarios trainers uploaded, whole, and drops them on sign-out', async () => {
    const trainer = new Api({ base: url, fetch: cookieFetch().f });
    await trainer.signIn('kim@example.com', PASSWORD);
    const up = await trainer.request('POST', '/api/scenarios', { yaml: baseScenario('lamp-lost'), fileName: 'lamp-lost.yaml', replace: true });
    expect([200, 201]).toContain(up.status);

    const storage = new MemoryStorage();
    const online = new Online(storage, new Api({ base: url, fetch: cookieFetch().f }));
    let changes = 0;
    online.subscribe(() => changes++);
    await online.start();
    expect(online.scenarios).toEqual([]);
    await online.signIn('priya@example.com', 'trainee password');
    expect(online.scenarios.map((s) => s.id)).toEqual(['lamp-lost']);
    expect(Object.keys(online.scenarios[0].nodes)).toEqual(['opening']);
    expect(changes).toBeGreaterThan(0);

    // The same browser later, with the server out of reach: the remembered player keeps the uploads.
    const offline = new Online(storage, new Api({ base: 'http://127.0.0.1:9', fetch: cookieFetch().f }));
    await offline.start();
    expect(offline.signedIn).toBe(true);
    expect(offline.scenarios.map((s) => s.id)).toEqual(['lamp-lost']);

    await online.signOut();
    expect(online.scenarios).toEqual([]);
    const afterSignOut = new Online(storage, new Api({ base: 'http://127.0.0.1:9', fetch: cookieFetch().f }));
    await afterSignOut.start();
    expect(afterSignOut.scenarios).toEqual([]);
  });
});

describe('Online', () => {
  it('sends a finished attempt with the seed its replies were shown in', async () => {
    const storage = new MemoryStorage();
    const online = new Online(storage, api);
    await online.start();
    await online.signIn('priya@example.com', 'trainee password');
    const replayed = best.report;
    await online.submit({ scenarioId: 'trophy-room', clientAttemptId: 'seeded-1', events: best.events, seed: 4_000_000_000, report: replayed });
    expect(online.latest).toMatchObject({ clientAttemptId: 'seeded-1', state: 'saved' });
    const saved = online.latest as Extract<typeof online.latest, { state: 'saved' }>;
    expect(saved.attempt.seed).toBe(4_000_000_000);
    const [mine] = (await api.request<{ attempts: { clientAttemptId: string; seed: number | null }[] }>('GET', '/api/me/attempts')).data.attempts;
    expect(mine).toMatchObject({ clientAttemptId: 'seeded-1', seed: 4_000_000_000 });
  });
});
