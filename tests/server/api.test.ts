// The API route by route, on both stores: accounts and sessions, teams, assignments and their
// statuses, attempts, leaderboards, the catalogue, and the error and header conventions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  attemptId,
  BACKENDS,
  Client,
  createUser,
  eventsScoring,
  inAWeek,
  library,
  login,
  makeWorld,
  PASSWORD,
  routesOf,
  SCENARIO,
  testApp,
  type World, serverSuite } from './helpers.ts';

const { best, worst } = routesOf();

function setCookieOf(r: { headers: Record<string, unknown> }): string {
  const h = r.headers['set-cookie'];
  return (Array.isArray(h) ? h : [h]).filter(Boolean).join('\n');
}

describe.each(BACKENDS)('API ($name)', ({ name, open }) => {
  const env = serverSuite(open, 'api', { world: false });

  describe('accounts and sessions', () => {
    it(`${name}: first-run setup works once, logs the trainer in, then refuses`, async () => {
      const c = new Client(env.app);
      expect((await c.get('/api/setup')).body).toEqual({ needed: true });
      const r = await c.post('/api/setup', { email: ' Boss@Example.com', password: 'long enough', name: '  The   Boss ' });
      expect(r.status).toBe(400); // leading space: not an email
      const ok = await c.post('/api/setup', { email: 'Boss@Example.com', password: 'long enough', name: '  The   Boss ' });
      expect(ok.status).toBe(201);
      expect(ok.body.user).toMatchObject({ email: 'boss@example.com', name: 'The Boss', role: 'trainer' });
      const cookie = setCookieOf(ok);
      expect(cookie).toMatch(/^mir_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).not.toMatch(/Secure/);
      expect((await c.get('/api/me')).body.user.role).toBe('trainer');
      const again = await new Client(env.app).post('/api/setup', { email: 'other@example.com', password: 'long enough', name: 'Other' });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({ error: 'Conflict', message: expect.stringMatching(/setup is done/) });
      expect((await c.get('/api/setup')).body).toEqual({ needed: false });
      // Two setups at once still make one trainer.
      await env.ts.reset();
      const racing = await Promise.all(
        [1, 2, 3].map((i) => new Client(env.app).post('/api/setup', { email: `race${i}@example.com`, password: 'long enough', name: `R${i}` })),
      );
      expect(racing.map((x) => x.status).sort()).toEqual([201, 409, 409]);
    });

    it(`${name}: login, a new session id at every login, logout`, async () => {
      await createUser(env.ts.store, 'kim@example.com', 'Kim', 'trainer');
      const c = new Client(env.app);
      const wrong = await c.post('/api/session', { email: 'kim@example.com', password: 'wrong password' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ error: 'Unauthorized', message: 'wrong email or password' });
      const unknown = await c.post('/api/session', { email: 'nobody@example.com', password: 'wrong password' });
      expect(unknown.body).toEqual(wrong.body);
      const ok = await c.post('/api/session', { email: 'KIM@example.com', password: PASSWORD });
      expect(ok.status).toBe(200);
      expect(ok.body.user).toMatchObject({ email: 'kim@example.com', role: 'trainer' });
      const first = c.cookie;
      // Logging in again with the old cookie replaces it: the old session id stops working.
      const again = await c.post('/api/session', { email: 'kim@example.com', password: PASSWORD });
      expect(again.status).toBe(200);
      expect(c.cookie).not.toBe(first);
      const stale = new Client(env.app);
      stale.cookie = first;
      const staleMe = await stale.get('/api/me');
      expect(staleMe.status).toBe(401);
      expect(staleMe.body.message).toMatch(/session has ended/);
      expect((await c.get('/api/me')).status).toBe(200);
      const out = await c.delete('/api/session');
      expect(out.status).toBe(204);
      expect(setCookieOf(out)).toMatch(/mir_session=;/);
      const loggedOut = new Client(env.app);
      loggedOut.cookie = c.cookie ?? null;
      expect((await c.get('/api/me')).status).toBe(401);
      // A garbage cookie is simply not a session.
      const junk = new Client(env.app);
      junk.cookie = 'mir_session=%00%01';
      expect((await junk.get('/api/me')).status).toBe(401);
    });

    it(`${name}: Secure cookies behind an https proxy`, async () => {
      await createUser(env.ts.store, 'kim@example.com', 'Kim', 'trainer');
      const proxied = await testApp(env.ts.store, { trustProxy: true });
      try {
        const c = new Client(proxied);
        const r = await c.post('/api/session', { email: 'kim@example.com', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
        expect(setCookieOf(r)).toMatch(/; Secure/);
      } finally {
        await proxied.close();
      }
    });

    it(`${name}: login is rate-limited per IP and email`, async () => {
      await createUser(env.ts.store, 'kim@example.com', 'Kim', 'trainer');
      const limited = await testApp(env.ts.store, { loginLimit: { max: 3, timeWindow: 60_000 } });
      try {
        const c = new Client(limited);
        for (let i = 0; i < 3; i++) expect((await c.post('/api/session', { email: 'kim@example.com', password: 'guess guess' })).status).toBe(401);
        const blocked = await c.post('/api/session', { email: 'kim@example.com', password: PASSWORD });
        expect(blocked.status).toBe(429);
        expect(blocked.body).toEqual({ error: 'Too Many Requests', message: expect.stringMatching(/too many attempts; try again in/) });
        expect(blocked.headers['retry-after']).toBeDefined();
        // Another address from the same place is its own bucket.
        expect((await c.post('/api/session', { email: 'other@example.com', password: 'guess guess' })).status).toBe(401);
      } finally {
        await limited.close();
      }
    });

    it(`${name}: preferences and /api/me`, async () => {
      const w = await makeWorld(env.app, env.ts.store);
      const me = await w.traineeA.get('/api/me');
      expect(me.body.user).toMatchObject({ name: 'Ann', role: 'trainee', teamId: w.teamA.id, leaderboardOptOut: false });
      expect(me.body.teams).toEqual([expect.objectContaining({ id: w.teamA.id, name: 'Team A', members: 2 })]);
      const put = await w.traineeA.put('/api/me/preferences', { leaderboardOptOut: true });
      expect(put.body).toEqual({ leaderboardOptOut: true });
      expect((await w.traineeA.get('/api/me')).body.user.leaderboardOptOut).toBe(true);
      expect((await w.traineeA.put('/api/me/preferences', { leaderboardOptOut: 'yes' })).status).toBe(400);
      expect((await w.traineeA.put('/api/me/preferences', {})).body.message).toBe('body.leaderboardOptOut is required');
      const trainer = await w.trainerA.get('/api/me');
      expect(trainer.body.teams).toEqual([expect.objectContaining({ id: w.teamA.id, inviteCode: w.teamA.inviteCode })]);
    });
  });

  describe('teams', () => {
    it(`${name}: trainers create teams, trainees join with the invite code`, async () => {
      await createUser(env.ts.store, 'kim@example.com', 'Kim', 'trainer');
      const kim = await login(env.app, 'kim@example.com');
      const t = await kim.post('/api/teams', { name: '  Night shift ' });
      expect(t.status).toBe(201);
      expect(t.body).toMatchObject({ id: expect.any(Number), name: 'Night shift', inviteCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
      expect((await kim.post('/api/teams', { name: '' })).status).toBe(400);
      const joiner = new Client(env.app);
      const code = t.body.inviteCode.toLowerCase().replace('-', ' ');
      const j = await joiner.post('/api/join', { inviteCode: code, name: 'Lee', email: 'lee@example.com', password: 'long enough' });
      expect(j.status).toBe(201);
      expect(j.body.user).toMatchObject({ role: 'trainee', teamId: t.body.id });
      expect((await joiner.get('/api/me')).status).toBe(200);
      const dup = await new Client(env.app).post('/api/join', { inviteCode: t.body.inviteCode, name: 'Lee 2', email: 'LEE@example.com', password: 'long enough' });
      expect(dup.status).toBe(409);
      const bad = await new Client(env.app).post('/api/join', { inviteCode: 'ZZZZ-ZZZZ', name: 'X', email: 'x@example.com', password: 'long enough' });
      expect(bad.status).toBe(404);
      const short = await new Client(env.app).post('/api/join', { inviteCode: t.body.inviteCode, name: 'X', email: 'x@example.com', password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.message).toBe('body.password must NOT have fewer than 8 characters');
      const team = await kim.get(`/api/teams/${t.body.id}`);
      expect(team.body.members).toEqual([expect.objectContaining({ name: 'Lee', email: 'lee@example.com', attempts: 0 })]);
      expect((await kim.get('/api/teams')).body.teams).toEqual([expect.objectContaining({ id: t.body.id, members: 1 })]);
    });
  });

  describe('assignments', () => {
    let w: World;
    beforeEach(async () => {
      w = await makeWorld(env.app, env.ts.store);
    });

    it(`${name}: validates what a trainer sends`, async () => {
      const base = { teamId: w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek() };
      expect((await w.trainerA.post('/api/assignments', { ...base, passMark: 101 })).status).toBe(400);
      expect((await w.trainerA.post('/api/assignments', { ...base, maxAttempts: 0 })).status).toBe(400);
      expect((await w.trainerA.post('/api/assignments', { ...base, dueAt: 'next friday' })).status).toBe(400);
      const unknown = await w.trainerA.post('/api/assignments', { ...base, scenarioId: 'no-such-thing' });
      expect(unknown.status).toBe(422);
      expect(unknown.body.message).toMatch(/no scenario "no-such-thing"/);
      expect((await w.trainerA.post('/api/assignments', { ...base, teamId: 424242 })).status).toBe(404);
      const ok = await w.trainerA.post('/api/assignments', base);
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ teamId: w.teamA.id, scenarioId: SCENARIO, passMark: 70, maxAttempts: null });
    });

    it(`${name}: each trainee's status: not started, in progress, passed, failed, overdue`, async () => {
      const high = 90;
      const mk = async (extra: object) => (await w.trainerA.post('/api/assignments', { teamId: w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek(), ...extra })).body;
      const toPass = await mk({ passMark: high });
      const limited = await mk({ passMark: high, maxAttempts: 1 });
      const late = await mk({ dueAt: new Date(Date.now() - 3600_000).toISOString() });
      const untouched = await mk({});
      const play = (assignmentId: number, events = worst.events) =>
        w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events, clientAttemptId: attemptId(), assignmentId });

      const statusOf = async (c = w.traineeA) =>
        Object.fromEntries((await c.get('/api/me/assignments')).body.assignments.map((a: { id: number; status: string }) => [a.id, a.status]));
      expect(await statusOf()).toEqual({ [toPass.id]: 'not-started', [limited.id]: 'not-started', [late.id]: 'overdue', [untouched.id]: 'not-started' });

      const below = await play(toPass.id);
      expect(below.body.passed).toBe(false);
      expect(below.body.report.passMark).toBe(high);
      expect((await statusOf())[toPass.id]).toBe('in-progress');
      const above = await play(toPass.id, best.events);
      expect(above.body.passed).toBe(true);
      expect((await statusOf())[toPass.id]).toBe('passed');
      await play(limited.id);
      expect((await statusOf())[limited.id]).toBe('failed');
      const listed = (await w.traineeA.get('/api/me/assignments')).body.assignments.find((a: { id: number }) => a.id === toPass.id);
      expect(listed).toMatchObject({ scenarioTitle: library.scenarios.get(SCENARIO)?.title, attemptsUsed: 2, attemptsLeft: null, best: best.report.overall });
      expect(listed.passedAt).toEqual(expect.any(String));
      // Team B sees none of team A's assignments.
      expect((await w.traineeB.get('/api/me/assignments')).body.assignments).toEqual([]);
      // The trainer sees how many members are in each status.
      const trainerView = (await w.trainerA.get('/api/me/assignments')).body.assignments;
      const counts = Object.fromEntries(trainerView.map((a: { id: number; statusCounts: object }) => [a.id, a.statusCounts]));
      expect(counts[toPass.id]).toEqual({ 'not-started': 1, 'in-progress': 0, passed: 1, failed: 0, overdue: 0 });
      expect(counts[late.id]).toEqual({ 'not-started': 0, 'in-progress': 0, passed: 0, failed: 0, overdue: 2 });
      // And per member in the team view.
      const team = (await w.trainerA.get(`/api/teams/${w.teamA.id}`)).body;
      const ann = team.members.find((m: { name: string }) => m.name === 'Ann');
      expect(ann.assignments.find((a: { assignmentId: number }) => a.assignmentId === limited.id)).toMatchObject({ status: 'failed', attempts: 1 });
    });
  });

  describe('attempts', () => {
    it(`${name}: the stored attempt comes back with its report, events and transcript`, async () => {
      const w = await makeWorld(env.app, env.ts.store);
      const r = await w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: 'game-1' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        id: expect.any(Number),
        userId: w.users.traineeA.id,
        scenarioId: SCENARIO,
        clientAttemptId: 'game-1',
        score: best.report.overall,
        empathy: best.report.empathy,
        ownership: best.report.ownership,
        timing: best.report.timing,
        passed: best.report.passed,
        outcome: best.report.outcome,
        satisfaction: best.report.satisfaction,
      });
      expect(r.body.report.feedback.length).toBeGreaterThan(0);
      expect(r.body.report.turns).toHaveLength(best.events.length);
      const got = await w.trainerA.get(`/api/attempts/${r.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body.userName).toBe('Ann');
      expect(got.body.events).toEqual(best.events);
      expect(got.body.report).toEqual(r.body.report);
      const s = library.scenarios.get(SCENARIO);
      expect(got.body.transcript.turns[0]).toMatchObject({ turn: 0, node: s?.start, customer: s?.nodes[s.start].line, silence: false });
      expect(got.body.transcript.turns[0].player).toEqual(expect.any(String));
      expect(got.body.transcript.ending).toMatchObject({ outcome: best.report.outcome });
      expect((await w.traineeA.get('/api/attempts/999999')).status).toBe(404);
      expect((await w.traineeA.get('/api/attempts/abc')).status).toBe(400);
    });

    it(`${name}: own attempts, newest first, paged`, async () => {
      const w = await makeWorld(env.app, env.ts.store);
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: i % 2 ? best.events : worst.events, clientAttemptId: attemptId() })).body.id);
      await w.traineeA2.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: attemptId() });
      const page1 = (await w.traineeA.get('/api/me/attempts?limit=2')).body.attempts;
      expect(page1.map((a: { id: number }) => a.id)).toEqual([ids[4], ids[3]]);
      expect(page1[0].report).toBeUndefined();
      const page2 = (await w.traineeA.get(`/api/me/attempts?limit=10&before=${ids[3]}`)).body.attempts;
      expect(page2.map((a: { id: number }) => a.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect((await w.traineeA.get('/api/me/attempts?limit=1000')).status).toBe(400);
      const teamView = (await w.trainerA.get(`/api/teams/${w.teamA.id}/attempts?userId=${w.users.traineeA.id}`)).body.attempts;
      expect(teamView).toHaveLength(5);
      expect(teamView[0].userName).toBe('Ann');
    });
  });

  describe('leaderboards', () => {
    it(`${name}: competition ranking with ties, participation, opt-out, no bottom list`, async () => {
      const w = await makeWorld(env.app, env.ts.store);
      // Three more trainees in team A: five members, four of whom play.
      const extra: Client[] = [];
      for (const n of ['Cy', 'Di', 'Ed']) {
        const c = new Client(env.app);
        await c.post('/api/join', { inviteCode: w.teamA.inviteCode, name: n, email: `${n.toLowerCase()}@example.com`, password: PASSWORD });
        extra.push(c);
      }
      const [cy, di] = extra;
      const play = (c: Client, score: number) => c.post('/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(score), clientAttemptId: attemptId() });
      await play(w.traineeA, 90); // Ann 90
      await play(w.traineeA2, 85); // Abe 85
      await play(cy, 85); // Cy 85
      await play(di, 70); // Di 70 (Ed does not play)
      await play(w.traineeB, 98); // another team

      const board = (await w.traineeA.get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}`)).body;
      expect(board).toMatchObject({ teamId: w.teamA.id, scenario: SCENARIO, period: 'all', mode: 'best', participation: { played: 4, members: 5 } });
      expect(board.entries.map((e: { name: string; rank: number; value: number }) => [e.rank, e.name, e.value])).toEqual([
        [1, 'Ann', 90],
        [2, 'Abe', 85],
        [2, 'Cy', 85],
        [4, 'Di', 70],
      ]);
      expect(board.me).toMatchObject({ rank: 1, name: 'Ann', played: true, optedOut: false });
      // Top places only (ties at the cut stay), and your own place below them.
      const top = (await di.get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}&limit=2`)).body;
      expect(top.entries.map((e: { name: string }) => e.name)).toEqual(['Ann', 'Abe', 'Cy']);
      expect(top.me).toMatchObject({ rank: 4, name: 'Di', value: 70 });
      // There is no way to ask for the bottom of the table: unknown parameters change nothing.
      const asc = (await w.traineeA.get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}&order=asc&limit=1`)).body;
      expect(asc.entries.map((e: { name: string }) => e.name)).toEqual(['Ann']);
      // Abe opts out: not listed, still counted as having played.
      await w.traineeA2.put('/api/me/preferences', { leaderboardOptOut: true });
      const after = (await w.trainerA.get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}`)).body;
      expect(after.entries.map((e: { rank: number; name: string }) => [e.rank, e.name])).toEqual([
        [1, 'Ann'],
        [2, 'Cy'],
        [3, 'Di'],
      ]);
      expect(after.participation).toEqual({ played: 4, members: 5 });
      expect(after.me).toBeNull(); // the trainer is not a player
      const abe = (await w.traineeA2.get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}`)).body;
      expect(abe.me).toMatchObject({ optedOut: true, played: true, value: 85 });
      expect(abe.me.rank).toBeUndefined();
      const ed = (await extra[2].get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}`)).body;
      expect(ed.me).toMatchObject({ played: false, attempts: 0 });
    });

    it(`${name}: best, average and improved; this week or all time; one scenario or all`, async () => {
      const w = await makeWorld(env.app, env.ts.store);
      const play = (c: Client, score: number) => c.post('/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(score), clientAttemptId: attemptId() });
      await play(w.traineeA, 42); // lost: every unwon score is 45 or less
      await play(w.traineeA, 90);
      await play(w.traineeA, 78); // Ann: first 42, best 90, mean 70
      await play(w.traineeA2, 82);
      await play(w.traineeA2, 85); // Abe: first 82, best 85, mean 83.5
      const board = async (q: string) =>
        (await w.traineeA.get(`/api/leaderboards/${w.teamA.id}?${q}`)).body.entries.map((e: { name: string; value: number; attempts: number }) => [e.name, e.value, e.attempts]);
      expect(await board(`scenario=${SCENARIO}&mode=best`)).toEqual([['Ann', 90, 3], ['Abe', 85, 2]]);
      expect(await board(`scenario=${SCENARIO}&mode=average`)).toEqual([['Abe', 83.5, 2], ['Ann', 70, 3]]);
      expect(await board(`scenario=${SCENARIO}&mode=improved`)).toEqual([['Ann', 48, 3], ['Abe', 3, 2]]);
      expect(await board(`scenario=${SCENARIO}&period=week`)).toEqual([['Ann', 90, 3], ['Abe', 85, 2]]);
      // Ann's play moves to an earlier week: this week's board no longer has her, all-time still does.
      await env.ts.store.db.query(`update player_weekly_stats set week_start = week_start - 7 where user_id = $1`, [w.users.traineeA.id]);
      const week = (await w.traineeA.get(`/api/leaderboards/${w.teamA.id}?scenario=${SCENARIO}&period=week`)).body;
      expect(week.entries.map((e: { name: string }) => e.name)).toEqual(['Abe']);
      expect(week.participation).toEqual({ played: 1, members: 2 });
      expect(week.weekStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${week.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(await board(`scenario=${SCENARIO}&period=all`)).toEqual([['Ann', 90, 3], ['Abe', 85, 2]]);
      // Without a scenario: best scores of each scenario added up.
      const other = [...library.scenarios.keys()].find((id) => id !== SCENARIO) as string;
      const otherBest = routesOf(other).best;
      await w.traineeA2.post('/api/attempts', { scenarioId: other, events: otherBest.events, clientAttemptId: attemptId() });
      expect(await board('mode=best')).toEqual([['Abe', 85 + otherBest.report.overall, 3], ['Ann', 90, 3]]);
      expect((await w.traineeA.get(`/api/leaderboards/${w.teamA.id}?scenario=nope-nope`)).status).toBe(422);
      expect((await w.traineeA.get(`/api/leaderboards/${w.teamA.id}?period=month`)).status).toBe(400);
    });
  });

  describe('catalogue, errors and headers', () => {
    it(`${name}: scenarios and health`, async () => {
      const c = new Client(env.app);
      const list = (await c.get('/api/scenarios')).body.scenarios;
      expect(list).toHaveLength(library.scenarios.size);
      const s = library.scenarios.get(SCENARIO);
      expect(list.find((x: { id: string }) => x.id === SCENARIO)).toEqual({
        id: SCENARIO,
        title: s?.title,
        setting: s?.setting,
        difficulty: s?.difficulty,
        company: s?.company,
        customerName: s?.customer.name,
        briefing: s?.briefing,
      });
      expect((await c.get('/api/health')).body).toEqual({ status: 'ok', storage: name, scenarios: library.scenarios.size });
    });

    it(`${name}: errors are JSON with the right status, never a stack trace`, async () => {
      await createUser(env.ts.store, 'kim@example.com', 'Kim', 'trainer');
      const kim = await login(env.app, 'kim@example.com');
      const badUrl = await kim.get('/api/attempts/%E0%A4%A');
      expect(badUrl.status).toBe(400);
      expect(badUrl.body).toEqual({ error: 'Bad Request', message: expect.stringMatching(/not a valid url component/) });
      const notFound = await kim.get('/api/nothing-here');
      expect(notFound.status).toBe(404);
      expect(notFound.body).toEqual({ error: 'Not Found', message: 'no API route GET /api/nothing-here' });
      const badJson = await env.app.inject({ method: 'POST', url: '/api/teams', headers: { cookie: kim.cookie ?? '', 'content-type': 'application/json', 'x-requested-with': 'make-it-right' }, payload: '{"name": ' });
      expect(badJson.statusCode).toBe(400);
      expect(JSON.parse(badJson.body)).toEqual({ error: 'Bad Request', message: 'the body is not valid JSON' });
      const text = await env.app.inject({ method: 'POST', url: '/api/teams', headers: { cookie: kim.cookie ?? '', 'content-type': 'application/xml', 'x-requested-with': 'make-it-right' }, payload: '<team/>' });
      expect(text.statusCode).toBe(415);
      expect(JSON.parse(text.body).error).toBe('Unsupported Media Type');
      const proto = await env.app.inject({ method: 'POST', url: '/api/teams', headers: { cookie: kim.cookie ?? '', 'content-type': 'application/json', 'x-requested-with': 'make-it-right' }, payload: '{"name":"x","__proto__":{"admin":true}}' });
      expect(proto.statusCode).toBe(400);
      const csrf = await kim.post('/api/teams', { name: 'x' }, { 'x-requested-with': 'XMLHttpRequest' });
      expect(csrf.status).toBe(403);
      expect(csrf.body.message).toMatch(/x-requested-with: make-it-right/);

      const boom = await testApp(env.ts.store);
      boom.get('/api/boom', () => Promise.reject(new Error('secret detail /work/main/src/server/x.ts:12')));
      const r = await boom.inject({ method: 'GET', url: '/api/boom' });
      expect(r.statusCode).toBe(500);
      expect(JSON.parse(r.body)).toEqual({ error: 'Internal Server Error', message: 'something went wrong on the server; the error was logged' });
      await boom.close();
    });

    it(`${name}: security headers, and the built game served under them`, async () => {
      const dist = mkdtempSync(join(tmpdir(), 'mir-dist-'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
      const withGame = await testApp(env.ts.store, { distDir: dist });
      try {
        const page = await withGame.inject({ method: 'GET', url: '/' });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<title>game</title>');
        const csp = String(page.headers['content-security-policy']);
        for (const d of ["default-src 'self'", "script-src 'self'", "img-src 'self' data: blob:", "media-src 'self' data: blob:", "object-src 'none'", "frame-ancestors 'none'"]) {
          expect(csp).toContain(d);
        }
        expect(csp).not.toContain('unsafe-eval');
        expect(page.headers['x-content-type-options']).toBe('nosniff');
        expect(page.headers['referrer-policy']).toBe('no-referrer');
        const api = await withGame.inject({ method: 'GET', url: '/api/missing' });
        expect(api.statusCode).toBe(404);
        expect(JSON.parse(api.body).error).toBe('Not Found');
        expect((await withGame.inject({ method: 'GET', url: '/missing.png' })).statusCode).toBe(404);
      } finally {
        await withGame.close();
        rmSync(dist, { recursive: true, force: true });
      }
    });
  });
});
