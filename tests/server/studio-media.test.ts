// Voice and art of published versions (server/media/runner.ts) on both stores: real espeak-ng and
// sox for a small scenario, portraits from its look, progress in the studio, files served to those
// who may play it, and captions-only ("unavailable") where there is no voice.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { MediaRunner, NO_VOICE, voiceToolsFound } from '../../src/server/media/runner.ts';
import { StudioStore } from '../../src/server/store/studio.ts';
import { studioMediaBase } from '../../src/shared/studio.ts';
import { baseScenario } from '../cli/support.ts';
import { BACKENDS, makeWorld, testApp, type TestStore, type World } from './helpers.ts';

let counter = 0;

describe.each(BACKENDS)('studio media ($name)', ({ open }) => {
  let ts: TestStore;
  let app: FastifyInstance;
  let w: World;
  let studio: StudioStore;

  beforeAll(async () => {
    ts = await open('media');
    app = await testApp(ts.store, { library: loadLibrary() });
    studio = new StudioStore(ts.store.db);
  });
  afterAll(async () => {
    await app?.close();
    await ts?.close();
  });
  beforeEach(async () => {
    await ts.reset();
    w = await makeWorld(app, ts.store);
  });

  /** A small scenario uploaded (version 1, published to trainer A's team), its media queued. */
  async function uploaded(): Promise<string> {
    const id = `media-${process.pid}-${++counter}`;
    const yaml = baseScenario(id).replace('Where is my lamp?', 'Where is my £25 lamp? It was due at 3:30pm.');
    const r = await w.trainerA.post('/api/scenarios', { yaml });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return id;
  }

  it.runIf(voiceToolsFound())('speaks every line and draws every expression, with progress, served to who may play it', async () => {
    const id = await uploaded();
    const before = await w.trainerA.get(`/api/trainer/studio/${id}`);
    expect(before.body.versions[0].media.state).toBe('queued');
    const listed = async () => (await w.traineeA.get('/api/scenarios/uploaded')).body.scenarios[0];
    expect(await listed()).toMatchObject({ id, version: 1, mediaBase: null });

    const runner = new MediaRunner(studio);
    expect(await runner.runOnce()).toBe(true);
    expect(await runner.runOnce()).toBe(false); // nothing else queued

    const after = await w.trainerA.get(`/api/trainer/studio/${id}`);
    const media = after.body.versions[0].media;
    expect(media).toMatchObject({ state: 'done' });
    expect(media.total).toBe(6 + 3); // six expressions; the opening line and two endings
    expect(media.done).toBe(media.total);

    const base = studioMediaBase(id, 1);
    expect(await listed()).toMatchObject({ id, mediaBase: base });
    const manifest = await w.traineeA.get(`${base}/manifest.json`);
    expect(manifest.status).toBe(200);
    expect(Object.keys(manifest.body).sort()).toEqual(['ending-gone', 'ending-happy', 'opening']);
    expect(manifest.body.opening.text).toContain('£25');
    const ogg = await w.traineeA.get(`${base}/${manifest.body.opening.file}`);
    expect(ogg.status).toBe(200);
    expect(ogg.headers['content-type']).toBe('audio/ogg');
    expect(ogg.raw.rawPayload.subarray(0, 4).toString()).toBe('OggS');
    expect(ogg.raw.rawPayload.length).toBeGreaterThan(2000);
    const portrait = await w.traineeA.get(`${base}/portrait-angry.svg`);
    expect(portrait.status).toBe(200);
    expect(portrait.headers['content-type']).toBe('image/svg+xml');
    expect(portrait.raw.body).toMatch(/^<svg[^>]*viewBox="0 0 400 480"/);

    expect((await w.traineeB.get(`${base}/portrait-angry.svg`)).status).toBe(404); // another team
    expect((await w.trainerB.get(`${base}/manifest.json`)).status).toBe(404);
    expect((await w.anonymous.get(`${base}/manifest.json`)).status).toBe(401);
    expect((await w.traineeA.get(`${base}/portrait-sleepy.svg`)).status).toBe(404);
    expect((await w.traineeA.get(`${base}/..%2F..%2Fetc.svg`)).status).toBe(400);
  });

  it('without espeak-ng the version still gets portraits, and says the voice is unavailable', async () => {
    const id = await uploaded();
    const runner = new MediaRunner(studio, { voice: false });
    expect(await runner.runOnce()).toBe(true);
    const media = (await w.trainerA.get(`/api/trainer/studio/${id}`)).body.versions[0].media;
    expect(media).toEqual({ state: 'unavailable', done: 6, total: 6, message: NO_VOICE });
    const base = studioMediaBase(id, 1);
    expect((await w.traineeA.get(`${base}/portrait-calm.svg`)).status).toBe(200);
    expect((await w.traineeA.get(`${base}/manifest.json`)).body).toEqual({});
  });

  it('the server makes the media of a new upload by itself', async () => {
    const served = await testApp(ts.store, { library: loadLibrary(), studioMedia: { voice: false, pollMs: 50 } });
    try {
      await served.ready();
      const id = await uploaded();
      let state = '';
      for (let i = 0; i < 200 && state !== 'unavailable'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = (await studio.versions(id))[0].media.state;
      }
      expect(state).toBe('unavailable');
    } finally {
      await served.close();
    }
  });

  it('a job left running by a stopped process is made at the next start', async () => {
    const id = await uploaded();
    const job = await studio.takeMediaJob();
    expect(job).toMatchObject({ scenarioId: id, version: 1 });
    expect(await studio.takeMediaJob()).toBeNull();
    // The process "stops" here; the next one requeues the job and makes it.
    const runner = new MediaRunner(studio, { voice: false, pollMs: 50 });
    runner.start();
    for (let i = 0; i < 100; i++) {
      const [v] = await studio.versions(id);
      if (v.media.state === 'unavailable') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await runner.stop();
    expect((await studio.versions(id))[0].media.state).toBe('unavailable');
  });
});
