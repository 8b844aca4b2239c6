// Who may call what: every route against every role, on both stores. Each cell logs in afresh, so a
// logout in one cell cannot change another.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptId,
  BACKENDS,
  Client,
  inAWeek,
  login,
  makeWorld,
  routesOf,
  SCENARIO,
  testApp,
  type Res,
  type TestStore,
  type World,
} from './helpers.ts';

type Role = 'anonymous' | 'traineeA' | 'traineeB' | 'trainerA' | 'trainerB';
const ROLES: Role[] = ['anonymous', 'traineeA', 'traineeB', 'trainerA', 'trainerB'];
const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = {
  traineeA: 'ann@example.com',
  traineeB: 'bea@example.com',
  trainerA: 'trainer.a@example.com',
  trainerB: 'trainer.b@example.com',
};

interface Fixture {
  w: World;
  assignmentA: number;
  attemptOfA: number;
}

interface Row {
  route: string;
  call: (c: Client, f: Fixture) => Promise<Res>;
  expect: Record<Role, number>;
}

const { best } = routesOf();
let joinCounter = 0;

const all = (status: number): Record<Role, number> => ({ anonymous: status, traineeA: status, traineeB: status, trainerA: status, trainerB: status });
const loggedIn = (status: number): Record<Role, number> => ({ ...all(status), anonymous: 401 });

const MATRIX: Row[] = [
  { route: 'GET /api/health', call: (c) => c.get('/api/health'), expect: all(200) },
  { route: 'GET /api/scenarios', call: (c) => c.get('/api/scenarios'), expect: all(200) },
  { route: 'GET /api/setup', call: (c) => c.get('/api/setup'), expect: all(200) },
  {
    route: 'POST /api/setup (a trainer exists)',
    call: (c) => c.post('/api/setup', { email: `setup${++joinCounter}@example.com`, password: 'long enough', name: 'X' }),
    expect: all(409),
  },
  {
    route: 'POST /api/session (wrong password)',
    call: (c) => c.post('/api/session', { email: 'ann@example.com', password: 'not the password' }),
    expect: all(401),
  },
  { route: 'DELETE /api/session', call: (c) => c.delete('/api/session'), expect: all(204) },
  { route: 'GET /api/me', call: (c) => c.get('/api/me'), expect: loggedIn(200) },
  { route: 'PUT /api/me/preferences', call: (c) => c.put('/api/me/preferences', { leaderboardOptOut: false }), expect: loggedIn(200) },
  {
    route: 'POST /api/teams',
    call: (c) => c.post('/api/teams', { name: 'Another team' }),
    expect: { anonymous: 401, traineeA: 403, traineeB: 403, trainerA: 201, trainerB: 201 },
  },
  { route: 'GET /api/teams', call: (c) => c.get('/api/teams'), expect: loggedIn(200) },
  {
    route: 'GET /api/teams/:teamA',
    call: (c, f) => c.get(`/api/teams/${f.w.teamA.id}`),
    expect: { anonymous: 401, traineeA: 403, traineeB: 403, trainerA: 200, trainerB: 403 },
  },
  {
    route: 'GET /api/teams/:teamA/attempts',
    call: (c, f) => c.get(`/api/teams/${f.w.teamA.id}/attempts`),
    expect: { anonymous: 401, traineeA: 403, traineeB: 403, trainerA: 200, trainerB: 403 },
  },
  {
    route: 'GET /api/trainer/teams/:teamA/own-words',
    call: (c, f) => c.get(`/api/trainer/teams/${f.w.teamA.id}/own-words`),
    expect: { anonymous: 401, traineeA: 403, traineeB: 403, trainerA: 200, trainerB: 403 },
  },
  {
    route: 'PUT /api/trainer/teams/:teamA/own-words/labels',
    call: (c, f) => c.put(`/api/trainer/teams/${f.w.teamA.id}/own-words/labels`, { typed: 'leave it with me', moves: ['own-it'] }),
    expect: { anonymous: 401, traineeA: 403, traineeB: 403, trainerA: 200, trainerB: 403 },
  },
  { route: 'GET /api/me/own-words/examples', call: (c) => c.get('/api/me/own-words/examples'), expect: loggedIn(200) },
  {
    route: 'POST /api/join (team A code, new email)',
    call: (c, f) => c.post('/api/join', { inviteCode: f.w.teamA.inviteCode, email: `joiner${++joinCounter}@example.com`, name: 'Joiner', password: 'long enough' }),
    expect: all(201),
  },
  {
    route: 'POST /api/assignments (team A)',
    call: (c, f) => c.post('/api/assignments', { teamId: f.w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek() }),
    expect: { anonymous: 401, traineeA: 403, traineeB: 403, trainerA: 201, trainerB: 403 },
  },
  { route: 'GET /api/me/assignments', call: (c) => c.get('/api/me/assignments'), expect: loggedIn(200) },
  {
    route: 'POST /api/attempts (free play)',
    call: (c) => c.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() }),
    expect: loggedIn(201),
  },
  {
    route: 'POST /api/attempts (team A assignment)',
    call: (c, f) => c.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId(), assignmentId: f.assignmentA }),
    expect: { anonymous: 401, traineeA: 201, traineeB: 403, trainerA: 403, trainerB: 403 },
  },
  { route: 'GET /api/me/attempts', call: (c) => c.get('/api/me/attempts'), expect: loggedIn(200) },
  {
    route: "GET /api/attempts/:id (trainee A's attempt)",
    call: (c, f) => c.get(`/api/attempts/${f.attemptOfA}`),
    expect: { anonymous: 401, traineeA: 200, traineeB: 403, trainerA: 200, trainerB: 403 },
  },
  {
    route: 'GET /api/leaderboards/:teamA',
    call: (c, f) => c.get(`/api/leaderboards/${f.w.teamA.id}`),
    expect: { anonymous: 401, traineeA: 200, traineeB: 403, trainerA: 200, trainerB: 403 },
  },
  {
    route: 'GET /api/leaderboards/:teamB',
    call: (c, f) => c.get(`/api/leaderboards/${f.w.teamB.id}?period=week`),
    expect: { anonymous: 401, traineeA: 403, traineeB: 200, trainerA: 403, trainerB: 200 },
  },
  {
    route: 'GET /api/leaderboards/:missing',
    call: (c) => c.get('/api/leaderboards/999999'),
    expect: { anonymous: 401, traineeA: 404, traineeB: 404, trainerA: 404, trainerB: 404 },
  },
  {
    route: 'POST /api/teams without the CSRF header',
    call: (c) => c.post('/api/teams', { name: 'Forged' }, { 'x-requested-with': 'nope' }),
    expect: all(403),
  },
];

describe.each(BACKENDS)('authorisation matrix ($name)', ({ name, open }) => {
  let ts: TestStore;
  let app: FastifyInstance;
  let f: Fixture;

  beforeAll(async () => {
    ts = await open('authz');
    app = await testApp(ts.store);
    const w = await makeWorld(app, ts.store);
    const a = await w.trainerA.post('/api/assignments', { teamId: w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek() });
    const attempt = await w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() });
    f = { w, assignmentA: a.body.id, attemptOfA: attempt.body.id };
  });
  afterAll(async () => {
    await app?.close();
    await ts?.close();
  });

  it.each(MATRIX)(`${name}: $route`, async (row) => {
    const got: Partial<Record<Role, number>> = {};
    const bodies: string[] = [];
    for (const role of ROLES) {
      const client = role === 'anonymous' ? new Client(app) : await login(app, EMAILS[role]);
      const r = await row.call(client, f);
      got[role] = r.status;
      if (r.status >= 400) {
        // Every refusal is JSON {error, message}.
        expect(r.body, `${role}: ${r.raw.body}`).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        expect(r.raw.body).not.toMatch(/at .*\.ts:\d+/);
      }
      bodies.push(`${role}: ${r.status} ${r.raw.body.slice(0, 120)}`);
    }
    expect(got, bodies.join('\n')).toEqual(row.expect);
  });

  it(`${name}: what each role sees is only its own`, async () => {
    const { w } = f;
    // A teammate may not read another trainee's attempt either.
    expect((await w.traineeA2.get(`/api/attempts/${f.attemptOfA}`)).status).toBe(403);
    // Trainees see their own team only (without its invite code); trainers their own teams.
    const teamsA = (await w.traineeA.get('/api/teams')).body.teams;
    expect(teamsA.map((t: { id: number }) => t.id)).toEqual([w.teamA.id]);
    expect(teamsA[0].inviteCode).toBeUndefined();
    const trainerTeams = (await w.trainerB.get('/api/teams')).body.teams;
    expect(trainerTeams.every((t: { id: number }) => t.id !== w.teamA.id)).toBe(true);
    expect(trainerTeams.find((t: { id: number }) => t.id === w.teamB.id).inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Own attempts only.
    const mineB = (await w.traineeB.get('/api/me/attempts')).body.attempts;
    expect(mineB.every((a: { userId: number }) => a.userId === w.users.traineeB.id)).toBe(true);
    const teamAttempts = (await w.trainerA.get(`/api/teams/${w.teamA.id}/attempts`)).body.attempts;
    expect(teamAttempts.length).toBeGreaterThan(0);
    expect(teamAttempts.every((a: { userId: number }) => a.userId !== w.users.traineeB.id)).toBe(true);
    // Trainer B's assignment list does not include team A's.
    const assignmentsB = (await w.trainerB.get('/api/me/assignments')).body.assignments;
    expect(assignmentsB.every((a: { teamId: number }) => a.teamId === w.teamB.id)).toBe(true);
  });
});
