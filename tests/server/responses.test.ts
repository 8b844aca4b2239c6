// The routes that declare a response schema answer exactly the shared contract: every required field
// present and nothing else (checked by Ajv with additional properties forbidden at every level).
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { healthResponse, leaderboardResponse, meResponse, setupNeededResponse, teamSchema, teamsResponse } from '../../src/server/routes/responses.ts';
import { attemptId, BACKENDS, PASSWORD, routesOf, SCENARIO, serverSuite } from './helpers.ts';

/** The schema with `additionalProperties: false` on every object, so an extra field fails. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = closed(v);
  if (out.type === 'object' && out.properties) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ allErrors: true });
function expectShape(schema: unknown, body: unknown) {
  const validate = ajv.compile(closed(schema) as object);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

describe.each(BACKENDS)('response contract ($name)', ({ name, open }) => {
  const env = serverSuite(open, 'responses');

  it(`${name}: sign-in and /api/me answer the user and teams, with no password hash or other extra field`, async () => {
    const r = await env.w.trainerA.get('/api/me');
    expect(r.status).toBe(200);
    expectShape(meResponse, r.body);
    expect(JSON.stringify(r.body)).not.toContain('passwordHash');
    const again = await env.w.anonymous.post('/api/session', { email: 'trainer.a@example.com', password: PASSWORD });
    expect(again.status).toBe(200);
    expectShape(meResponse, again.body);
    expect((again.body as { teams: unknown[] }).teams).toHaveLength(1);
  });

  it(`${name}: the leaderboard, setup and health answers follow their schemas`, async () => {
    const { best } = routesOf();
    const played = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() });
    expect(played.status).toBe(201);
    for (const q of ['', `?scenario=${SCENARIO}`, '?period=week&mode=average']) {
      const board = await env.w.traineeA.get(`/api/leaderboards/${env.w.teamA.id}${q}`);
      expect(board.status).toBe(200);
      expectShape(leaderboardResponse, board.body);
    }
    const setup = await env.w.anonymous.get('/api/setup');
    expectShape(setupNeededResponse, setup.body);
    expect(setup.body).toEqual({ needed: false });
    const health = await env.w.anonymous.get('/api/health');
    expectShape(healthResponse, health.body);
  });

  it(`${name}: team answers carry the invite code for their trainer only`, async () => {
    const made = await env.w.trainerA.post('/api/teams', { name: 'Evening shift' });
    expect(made.status).toBe(201);
    expectShape(teamSchema, made.body);
    const id = (made.body as { id: number }).id;
    const renamed = await env.w.trainerA.request('PATCH', `/api/teams/${id}`, { name: 'Late shift' });
    expectShape(teamSchema, renamed.body);
    const code = await env.w.trainerA.post(`/api/teams/${id}/invite-code`);
    expectShape(teamSchema, code.body);
    const mine = await env.w.trainerA.get('/api/teams');
    expectShape(teamsResponse, mine.body);
    const seen = await env.w.traineeA.get('/api/teams');
    expectShape(teamsResponse, seen.body);
    expect((seen.body as { teams: { inviteCode?: string }[] }).teams[0].inviteCode).toBeUndefined();
  });
});
