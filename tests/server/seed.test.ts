// The reply-order seed an attempt carries: stored with the attempt (bigint, null for attempts sent
// without one), returned in the attempt JSON, used for the transcript's displayed order and position,
// refused with 400 unless it is a JSON integer from 0 to 4294967295, and part of what makes a resend
// of a clientAttemptId the same attempt. Runs on both stores.
import { describe, expect, it } from 'vitest';
import { displayedIds, MAX_SEED } from '../../src/engine/shuffle.ts';
import { attemptId, BACKENDS, routesOf, scenario, SCENARIO, serverSuite } from './helpers.ts';

const { best, worst } = routesOf();
const s = scenario();

describe.each(BACKENDS)('attempt seeds ($name)', ({ name, open }) => {
  const env = serverSuite(open, 'seed');

  const submit = (extra: Record<string, unknown>, events = best.events) => env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events, clientAttemptId: attemptId(), ...extra });

  it(`${name}: the seed is stored and comes back, with the displayed order and position in the transcript`, async () => {
    const seed = 3_000_000_001; // above the int32 range: the column is bigint
    const r = await submit({ seed });
    expect(r.status).toBe(201);
    expect(r.body.seed).toBe(seed);
    const got = await env.w.traineeA.get(`/api/attempts/${r.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.seed).toBe(seed);
    const turns = got.body.transcript.turns as { node: string; choice: string | null; shown: string[] | null; position: number | null }[];
    expect(turns).toHaveLength(best.events.length);
    for (const t of turns) {
      expect(t.shown).toEqual(displayedIds(s.nodes[t.node], t.node, seed));
      expect(t.position).toBe(t.choice === null ? null : t.shown!.indexOf(t.choice) + 1);
    }
    const list = await env.w.traineeA.get('/api/me/attempts');
    expect(list.body.attempts[0]).toMatchObject({ id: r.body.id, seed });
    // The trainer's view of the trainee carries the same positions.
    const trainee = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`);
    expect(trainee.status).toBe(200);
    expect(trainee.body.attempts[0].lines.map((l: { position: number | null }) => l.position)).toEqual(turns.map((t) => t.position));
    // The column itself.
    const [row] = await env.ts.store.db.query<{ seed: unknown }>('select seed from attempts where id = $1', [r.body.id]);
    expect(Number(row.seed)).toBe(seed);
  });

  it(`${name}: the ends of the range round-trip; no seed stores null and the transcript has no order`, async () => {
    for (const seed of [0, MAX_SEED]) {
      const r = await submit({ seed });
      expect(r.status).toBe(201);
      expect((await env.w.traineeA.get(`/api/attempts/${r.body.id}`)).body.seed).toBe(seed);
    }
    const none = await submit({});
    expect(none.status).toBe(201);
    expect(none.body.seed).toBeNull();
    const got = await env.w.traineeA.get(`/api/attempts/${none.body.id}`);
    expect(got.body.seed).toBeNull();
    expect(got.body.transcript.turns.every((t: { shown: unknown; position: unknown }) => t.shown === null && t.position === null)).toBe(true);
    const trainee = await env.w.trainerA.get(`/api/trainees/${env.w.users.traineeA.id}/attempts`);
    const lines = trainee.body.attempts.find((a: { id: number }) => a.id === none.body.id).lines;
    expect(lines.every((l: { position: unknown }) => l.position === null)).toBe(true);
  });

  it(`${name}: refuses a seed that is not a JSON integer from 0 to 4294967295, and stores nothing`, async () => {
    const bad: unknown[] = ['12', '0', 1.5, -1, MAX_SEED + 1, 2 ** 53, true, false, null, [], [3], {}, { seed: 1 }, 'abc', ''];
    for (const seed of bad) {
      const r = await submit({ seed });
      expect(r.status, JSON.stringify(seed)).toBe(400);
      expect(r.body.error).toBe('Bad Request');
      expect(r.body.message).toMatch(/seed/);
    }
    expect((await env.w.traineeA.get('/api/me/attempts')).body.attempts).toEqual([]);
    // Still a 401 first for someone signed out.
    expect((await env.w.anonymous.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), seed: 'x' })).status).toBe(401);
  });

  it(`${name}: a resend is the same attempt only with the same seed`, async () => {
    const id = attemptId();
    const post = (body: Record<string, unknown>) => env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: worst.events, clientAttemptId: id, ...body });
    const first = await post({ seed: 42 });
    expect(first.status).toBe(201);
    const again = await post({ seed: 42 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await post({ seed: 43 })).status).toBe(409);
    expect((await post({})).status).toBe(409);
    // And the other way round: an attempt stored without a seed is not repeated by one with a seed.
    const id2 = attemptId();
    const plain = { scenarioId: SCENARIO, events: worst.events, clientAttemptId: id2 };
    expect((await env.w.traineeA.post('/api/attempts', plain)).status).toBe(201);
    expect((await env.w.traineeA.post('/api/attempts', plain)).status).toBe(200);
    expect((await env.w.traineeA.post('/api/attempts', { ...plain, seed: 0 })).status).toBe(409);
    expect((await env.w.traineeA.get('/api/me/attempts')).body.attempts).toHaveLength(2);
  });
});
