// Uploads that are costly to analyse (finding 1), on both stores: the analysis runs in a worker
// thread within a budget, so the server keeps answering; a loop whose every exit is unreachable is a
// lint error; a file too costly to analyse is refused with a clear message, or accepted with its
// figures marked as estimates; after a restart a stored hostile upload blocks nothing.
import type { FastifyInstance } from 'fastify';
import { get } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { ScenarioAccess } from '../../src/server/store/access.ts';
import { TrainerStore } from '../../src/server/store/trainer.ts';
import { BACKENDS, makeWorld, testApp, type TestStore, type World } from './helpers.ts';
import { closedLoop, layers } from './hostile.ts';

/** How long GET /api/health took over real HTTP, in ms. */
function timedHealth(base: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(`${base}/api/health`, (r) => {
      r.resume();
      r.on('end', () => (r.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`health ${r.statusCode}`))));
    }).on('error', reject);
  });
}

describe.each(BACKENDS)('analysis of uploads ($name)', { timeout: 60_000 }, ({ open }) => {
  let ts: TestStore;
  let app: FastifyInstance;
  let w: World;
  let base: string;

  beforeAll(async () => {
    ts = await open('analysis');
    app = await testApp(ts.store, { library: loadLibrary(), analysis: { walkMs: 700, timeoutMs: 10_000 } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await ts?.close();
  });
  beforeEach(async () => {
    await ts.reset();
    await ts.store.db.exec('truncate scenario_uploads restart identity cascade');
    w = await makeWorld(app, ts.store);
  });

  it('answers /api/health within 200 ms while a costly upload is analysed, then accepts it as an estimate', async () => {
    expect((await w.trainerA.get('/api/trainer/library')).status).toBe(200); // the worker is warm
    let done = false;
    const upload = w.trainerA.post('/api/scenarios', { yaml: layers(20), fileName: 'layers.yaml' }).finally(() => (done = true));
    const times: number[] = [];
    while (!done) {
      times.push(await timedHealth(base));
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await upload;
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // 2^20 routes: the walk stopped at its time budget (how far it got depends on the machine), and the card says its figures are estimates.
    expect(r.body.scenario).toMatchObject({ id: 'layers', truncated: true });
    expect(r.body.scenario.routes).toBeGreaterThan(100);
    expect(times.length).toBeGreaterThan(10);
    expect(Math.max(...times)).toBeLessThan(200);
  });

  it('refuses a loop whose every exit is unreachable, as lint does', async () => {
    const r = await w.trainerA.post('/api/scenarios', { yaml: closedLoop(40, 'mood >= 101'), fileName: 'loop.yaml' });
    expect(r.status).toBe(422);
    expect(r.body.problems[0].message).toMatch(/^loop whose every exit is unreachable: nodes "n1", "n2", "n3", "n4", "n5" and 35 more get out only through conditions that can never hold \("mood >= 101"/);
  });

  it('refuses a file whose route walk finishes no route within the budget: too costly to analyse', async () => {
    const started = Date.now();
    const r = await w.trainerA.post('/api/scenarios', { yaml: closedLoop(40, 'mood >= 100'), fileName: 'loop.yaml' });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('loop.yaml has 1 problem; nothing was saved');
    expect(r.body.problems[0].message).toMatch(/^too costly to analyse: \d+ steps through its routes finished none/);
    expect(Date.now() - started).toBeLessThan(8000);
    expect((await w.trainerA.get('/api/trainer/library')).body.scenarios.some((s: { id: string }) => s.id === 'closed-loop')).toBe(false);
  });

  it('terminates an analysis past its time budget, refuses the file, and analyses the next upload in a fresh worker', async () => {
    const strict = await testApp(ts.store, { library: loadLibrary(), analysis: { walkMs: 5000, timeoutMs: 400 } });
    try {
      const trainer = w.trainerA.cookie as string;
      const post = (yaml: string) => strict.inject({ method: 'POST', url: '/api/scenarios', headers: { cookie: trainer, 'x-requested-with': 'make-it-right' }, payload: { yaml, fileName: 'x.yaml' } });
      const costly = await post(layers(22, 'costly'));
      expect(costly.statusCode).toBe(422);
      expect(costly.json()).toMatchObject({ tooCostly: true, message: expect.stringMatching(/^this scenario is too costly to analyse: the analysis was stopped after 0\.\d s; nothing was saved/) });
      const small = await post(layers(3, 'small'));
      expect(small.statusCode, small.body).toBe(201);
      expect(small.json().scenario).toMatchObject({ id: 'small', routes: 8, truncated: false });
    } finally {
      await strict.close();
    }
  });

  it('after a restart, a stored costly upload is analysed in the background: nothing waits for it', async () => {
    // As if stored before analysis was bounded.
    await new TrainerStore(ts.store.db).addUpload({ scenarioId: 'layers', fileName: 'layers.yaml', yaml: layers(20), uploadedBy: w.users.trainerA.id });
    await new ScenarioAccess(ts.store.db).claim('layers', w.users.trainerA.id);
    const started = performance.now();
    const restarted = await testApp(ts.store, { library: loadLibrary(), analysis: { walkMs: 700 } });
    try {
      expect(performance.now() - started).toBeLessThan(1000);
      const url = await restarted.listen({ port: 0, host: '127.0.0.1' });
      expect(await timedHealth(url)).toBeLessThan(200);
      // The scenario is playable at once; its figures arrive when the worker is done.
      const forGame = await w.traineeA.app.inject({ method: 'GET', url: '/api/scenarios', headers: { cookie: w.traineeA.cookie as string } });
      expect(forGame.statusCode).toBe(200);
      const library = await restarted.inject({ method: 'GET', url: '/api/trainer/library', headers: { cookie: w.trainerA.cookie as string } });
      expect(library.json().scenarios.find((s: { id: string }) => s.id === 'layers')).toMatchObject({ truncated: true, source: 'uploaded' });
    } finally {
      await restarted.close();
    }
  });
});
