// The scenario studio's routes on both stores: create (blank, copy, import), drafts with revisions,
// publishing through lint and the gate, immutable versions, attempts replayed on the version they
// were played on, unpublish / archive / restore, ownership, and YAML export.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { parseScenario } from '../../src/engine/load.ts';
import { baseScenario } from '../cli/support.ts';
import { attemptId, BACKENDS, Client, routesOf, SCENARIO, serverSuite, testApp, type Events, type Res } from './helpers.ts';

const { best } = routesOf();
const TROPHY = readFileSync(new URL(`../../scenarios/${SCENARIO}.yaml`, import.meta.url), 'utf8');
/** The first reply on the best route: v2 renames it, so v1's events no longer play on v2. */
const FIRST = best.events.find((e) => e.type === 'player.choose')?.choice as string;

function play(c: Client, scenarioId: string, events: Events, scenarioVersion?: number): Promise<Res> {
  return c.post('/api/attempts', { scenarioId, events, clientAttemptId: attemptId(), ...(scenarioVersion ? { scenarioVersion } : {}) });
}

let counter = 0;
/** A fresh id per test: the app's library keeps what earlier tests published. */
const freshId = () => `studio-${process.pid}-${++counter}`;

describe.each(BACKENDS)('scenario studio ($name)', ({ open }) => {
  const env = serverSuite(open, 'studio', { app: (ts) => testApp(ts.store, { library: loadLibrary() }) });

  /** A copy of the trophy room under a new id, imported as YAML (it passes lint and the gate). */
  async function imported(id = freshId(), c = env.w.trainerA) {
    const r = await c.post('/api/trainer/studio', { yaml: TROPHY.replace(/^id: .*$/m, `id: ${id}`) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; draft: { yaml: string; revision: number } };
  }

  async function publish(id: string, c = env.w.trainerA): Promise<number> {
    const r = await c.post(`/api/trainer/studio/${id}/publish`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.version as number;
  }

  async function save(id: string, yaml: string, c = env.w.trainerA): Promise<Res> {
    const now = await c.get(`/api/trainer/studio/${id}`);
    return c.put(`/api/trainer/studio/${id}/draft`, { yaml, revision: now.body.draft.revision });
  }

  it('creates from scratch, as a copy and from YAML; the list shows what the trainer may edit', async () => {
    const blank = await env.w.trainerA.post('/api/trainer/studio', { blank: true });
    expect(blank.status, JSON.stringify(blank.body)).toBe(201);
    expect(blank.body).toMatchObject({ status: 'draft', versions: [], canEdit: true, owner: { name: 'Trainer A' } });
    expect(parseScenario(blank.body.draft.yaml).ok).toBe(true);
    expect(blank.body.draft.revision).toBe(1);

    const copy = await env.w.trainerA.post('/api/trainer/studio', { copyOf: SCENARIO });
    expect(copy.status).toBe(201);
    expect(copy.body.id).toBe(`${SCENARIO}-copy`);
    const copied = parseScenario(copy.body.draft.yaml);
    expect(copied.ok && copied.scenario.id).toBe(`${SCENARIO}-copy`);
    const again = await env.w.trainerA.post('/api/trainer/studio', { copyOf: SCENARIO });
    expect(again.body.id).toBe(`${SCENARIO}-copy-2`);

    const yaml = await imported();
    const list = await env.w.trainerA.get('/api/trainer/studio');
    expect(list.status).toBe(200);
    expect(list.body.scenarios.map((s: { id: string }) => s.id).sort()).toEqual([blank.body.id, copy.body.id, again.body.id, yaml.id].sort());
    expect((await env.w.trainerB.get('/api/trainer/studio')).body.scenarios).toEqual([]);

    expect((await env.w.trainerA.post('/api/trainer/studio', {})).status).toBe(400);
    expect((await env.w.trainerA.post('/api/trainer/studio', { blank: true, copyOf: SCENARIO })).status).toBe(400);
    expect((await env.w.trainerA.post('/api/trainer/studio', { yaml: TROPHY })).status).toBe(409); // a built-in id
    expect((await env.w.trainerA.post('/api/trainer/studio', { yaml: 'title: no id here' })).status).toBe(422);
    expect((await env.w.trainerA.post('/api/trainer/studio', { copyOf: 'no-such-thing' })).status).toBe(404);
    expect((await env.w.traineeA.post('/api/trainer/studio', { blank: true })).status).toBe(403);
    expect((await env.w.anonymous.get('/api/trainer/studio')).status).toBe(401);
  });

  it('saves drafts as typed, refuses a stale revision with 409, and previews only a draft that loads', async () => {
    const { id, draft } = await imported();
    const broken = `${draft.yaml}\nnodes: [unclosed`;
    const saved = await env.w.trainerA.put(`/api/trainer/studio/${id}/draft`, { yaml: broken, revision: draft.revision });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.revision).toBe(draft.revision + 1);
    const stale = await env.w.trainerA.put(`/api/trainer/studio/${id}/draft`, { yaml: 'lost edit', revision: draft.revision });
    expect(stale.status).toBe(409);
    expect(stale.body.revision).toBe(draft.revision + 1);
    expect(stale.body.message).toMatch(/reload/);
    const got = await env.w.trainerA.get(`/api/trainer/studio/${id}`);
    expect(got.body.draft.yaml).toBe(broken); // nothing typed is lost, not even text that does not parse

    const preview = await env.w.trainerA.get(`/api/trainer/studio/${id}/preview`);
    expect(preview.status).toBe(422);
    expect(preview.body.problems[0].line).toBeGreaterThan(1);

    await save(id, draft.yaml);
    const ok = await env.w.trainerA.get(`/api/trainer/studio/${id}/preview`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id, title: 'The Trophy Room' });
    expect(Object.keys(ok.body.nodes).length).toBeGreaterThan(3);
  });

  it('publish refuses lint and gate errors with their lines, and publishes nothing', async () => {
    const { id, draft } = await imported();
    const dangling = draft.yaml.replace(/next: (\S+)/, 'next: nowhere-at-all');
    await save(id, dangling);
    const r = await env.w.trainerA.post(`/api/trainer/studio/${id}/publish`);
    expect(r.status).toBe(422);
    const line = dangling.split('\n').findIndex((l) => l.includes('nowhere-at-all')) + 1;
    expect(r.body.problems).toContainEqual(expect.objectContaining({ line, message: expect.stringMatching(/nowhere-at-all/) }));

    await save(id, draft.yaml.replace(`id: ${id}`, 'id: another-id'));
    const renamed = await env.w.trainerA.post(`/api/trainer/studio/${id}/publish`);
    expect(renamed.status).toBe(422);
    expect(renamed.body.problems[0]).toMatchObject({ line: TROPHY.split('\n').findIndex((l) => l.startsWith('id:')) + 1, path: ['id'] });

    // The smallest fixture is gameable: its longest reply is always the best one.
    const small = env.w.trainerA.post('/api/trainer/studio', { yaml: baseScenario(freshId()) });
    const gated = await env.w.trainerA.post(`/api/trainer/studio/${(await small).body.id}/publish`);
    expect(gated.status).toBe(422);
    expect(gated.body.problems.map((p: { message: string }) => p.message).join('\n')).toMatch(/gameable|longest/);

    expect((await env.w.trainerA.get(`/api/trainer/studio/${id}`)).body.versions).toEqual([]);
    expect((await env.w.traineeA.get('/api/scenarios/uploaded')).body.scenarios).toEqual([]);
  });

  it('versions are immutable; an attempt on v1 still replays and reads on v1 after v2', async () => {
    const { id, draft } = await imported();
    expect(await publish(id)).toBe(1);
    const seen = await env.w.traineeA.get('/api/scenarios/uploaded');
    expect(seen.body.scenarios).toEqual([expect.objectContaining({ id, version: 1 })]);
    expect((await env.w.traineeB.get('/api/scenarios/uploaded')).body.scenarios).toEqual([]); // another trainer's team

    const first = await play(env.w.traineeA, id, best.events, 1);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ scenarioVersion: 1, score: best.report.overall });

    // v2 renames the first reply of the best route and words it differently.
    const v2 = draft.yaml.replace(`id: ${FIRST}`, `id: ${FIRST}-reworded`);
    expect(v2).not.toBe(draft.yaml);
    await save(id, v2);
    expect(await publish(id)).toBe(2);
    const detail = await env.w.trainerA.get(`/api/trainer/studio/${id}`);
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.body.versions[1]).toMatchObject({ publishedBy: 'Trainer A', media: { state: expect.any(String) } });

    const v1 = await env.w.trainerA.get(`/api/trainer/studio/${id}/versions/1/yaml`);
    expect(v1.status).toBe(200);
    expect(v1.headers['content-type']).toMatch(/^text\/yaml/);
    expect(v1.headers['content-disposition']).toBe(`attachment; filename="${id}-v1.yaml"`);
    expect(v1.raw.body).toBe(draft.yaml);
    expect((await env.w.trainerA.get(`/api/trainer/studio/${id}/versions/2/yaml`)).raw.body).toBe(v2);
    expect((await env.w.trainerA.get(`/api/trainer/studio/${id}/versions/3/yaml`)).status).toBe(404);

    // The game names v1: replayed on v1. It names none: the newest, where that reply is gone.
    expect((await play(env.w.traineeA, id, best.events, 1)).status).toBe(201);
    const onV2 = await play(env.w.traineeA, id, best.events);
    expect(onV2.status).toBe(422);
    expect((await play(env.w.traineeA, id, best.events, 9)).status).toBe(422);
    const shown = await env.w.traineeA.get(`/api/attempts/${first.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.transcript.turns[0]).toMatchObject({ choice: FIRST, player: expect.stringMatching(/\w/) });
    const trainerView = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`);
    expect(trainerView.status, JSON.stringify(trainerView.body)).toBe(200);
    const row = trainerView.body.attempts.find((a: { id: number }) => a.id === first.body.id);
    expect(row.lines[0].player).toBe(shown.body.transcript.turns[0].player);
  });

  it('an exported version parses back to the scenario that was published', async () => {
    const { id } = await imported();
    await publish(id);
    const preview = await env.w.trainerA.get(`/api/trainer/studio/${id}/preview`);
    const exported = await env.w.trainerA.get(`/api/trainer/studio/${id}/versions/1/yaml`);
    const back = parseScenario(exported.raw.body, `${id}.yaml`);
    expect(back.ok).toBe(true);
    expect(back.scenario).toEqual(preview.body);
  });

  it('unpublish and archive hide a scenario from trainees and keep their attempts readable; restore brings it back', async () => {
    const { id } = await imported();
    await publish(id);
    const attempt = await play(env.w.traineeA, id, best.events, 1);
    expect(attempt.status).toBe(201);

    const off = await env.w.trainerA.post(`/api/trainer/studio/${id}/unpublish`);
    expect(off.status).toBe(200);
    expect(off.body.status).toBe('unpublished');
    expect((await env.w.traineeA.get('/api/scenarios/uploaded')).body.scenarios).toEqual([]);
    expect((await play(env.w.traineeA, id, best.events, 1)).status).toBe(422);
    const kept = await env.w.traineeA.get(`/api/attempts/${attempt.body.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.transcript.turns.length).toBeGreaterThan(1);
    expect((await env.w.trainerA.post(`/api/trainer/studio/${id}/unpublish`)).status).toBe(409);

    expect((await env.w.trainerA.post(`/api/trainer/studio/${id}/archive`)).body.status).toBe('archived');
    expect((await env.w.traineeA.get(`/api/attempts/${attempt.body.id}`)).status).toBe(200);
    expect((await env.w.trainerA.post(`/api/trainer/studio/${id}/restore`)).body.status).toBe('published');
    expect((await env.w.traineeA.get('/api/scenarios/uploaded')).body.scenarios).toEqual([expect.objectContaining({ id })]);

    const never = await env.w.trainerA.post('/api/trainer/studio', { blank: true });
    await env.w.trainerA.post(`/api/trainer/studio/${never.body.id}/archive`);
    expect((await env.w.trainerA.post(`/api/trainer/studio/${never.body.id}/restore`)).body.status).toBe('draft');
  });

  it('belongs to its author: another trainer gets 404 (or 403 taking its id), a co-trainer may edit and publish', async () => {
    const { id, draft } = await imported();
    for (const call of [
      () => env.w.trainerB.get(`/api/trainer/studio/${id}`),
      () => env.w.trainerB.put(`/api/trainer/studio/${id}/draft`, { yaml: 'x', revision: 1 }),
      () => env.w.trainerB.post(`/api/trainer/studio/${id}/publish`),
      () => env.w.trainerB.get(`/api/trainer/studio/${id}/preview`),
      () => env.w.trainerB.post(`/api/trainer/studio/${id}/archive`),
      () => env.w.trainerB.post('/api/trainer/studio', { copyOf: id }),
    ]) {
      expect((await call()).status).toBe(404);
    }
    expect((await env.w.trainerB.post('/api/trainer/studio', { yaml: draft.yaml })).status).toBe(403);
    expect((await env.w.traineeA.get(`/api/trainer/studio/${id}`)).status).toBe(403);

    await publish(id);
    const shared = await env.w.trainerA.put(`/api/scenarios/${id}/access`, { coTrainers: ['trainer.b@example.com'] });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    const asCo = await env.w.trainerB.get(`/api/trainer/studio/${id}`);
    expect(asCo.status).toBe(200);
    expect(asCo.body).toMatchObject({ canEdit: true, coTrainers: [expect.objectContaining({ name: 'Trainer B' })] });
    expect((await save(id, draft.yaml.replace('title: The Trophy Room', 'title: The Trophy Room, again'), env.w.trainerB)).status).toBe(200);
    expect(await publish(id, env.w.trainerB)).toBe(2);
    expect((await env.w.trainerB.get('/api/trainer/studio')).body.scenarios).toEqual([expect.objectContaining({ id, latestVersion: 2, unpublishedChanges: false })]);
  });

  it('an upload is a studio scenario: published, its file as version 1, each re-upload the next version', async () => {
    const id = freshId();
    const yaml = TROPHY.replace(/^id: .*$/m, `id: ${id}`);
    expect((await env.w.trainerA.post('/api/scenarios', { yaml })).status).toBe(201);
    const got = await env.w.trainerA.get(`/api/trainer/studio/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ status: 'published', draft: { yaml }, versions: [expect.objectContaining({ version: 1 })] });
    expect((await env.w.trainerA.post('/api/scenarios', { yaml: yaml.replace('title: The Trophy Room', 'title: Trophies'), replace: true })).status).toBe(200);
    expect((await env.w.trainerA.get(`/api/trainer/studio/${id}`)).body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const a = await play(env.w.traineeA, id, best.events);
    expect(a.body.scenarioVersion).toBe(2);
  });
});
