// The attacks of the hardening review, each kept as a test on both stores: CSRF through encoded and
// absolute-form paths, rate limits behind a proxy, shared across processes and per IP, bounded
// password hashing, strict schemas (no 500, no coercion), attempt flooding, upload ownership, common
// passwords and the security headers.
import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { parseTrustProxy } from '../../src/server/app.ts';
import { TRAINER_CSP } from '../../src/server/plugins/security.ts';
import { passwordWork } from '../../src/server/security/passwords.ts';
import { baseScenario } from '../cli/support.ts';
import { attemptId, BACKENDS, Client, CSRF, eventsScoring, inAWeek, login, routesOf, SCENARIO, testApp, serverSuite } from './helpers.ts';

/** One raw HTTP/1.1 request over a socket (for request lines inject() cannot send); the status code. */
function rawRequest(port: number, head: string, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => {
      text += String(d);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', reject);
    socket.write(`${head}\r\nHost: 127.0.0.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

describe.each(BACKENDS)('hardening ($name)', ({ open }) => {
  const env = serverSuite(open, 'hardening');

  describe('CSRF (finding 3)', () => {
    it('refuses an unsafe method without the header on an encoded path', async () => {
      const none = { 'x-requested-with': '' };
      const before = (await env.w.trainerA.get('/api/teams')).body.teams[0].inviteCode;
      const rotate = await env.w.trainerA.request('POST', `/%61pi/teams/${env.w.teamA.id}/invite-code`, {}, none);
      expect(rotate.status).toBe(403);
      expect(rotate.body.message).toMatch(/x-requested-with/);
      expect((await env.w.trainerA.get('/api/teams')).body.teams[0].inviteCode).toBe(before);
      expect((await env.w.traineeA.request('PUT', '/%61pi/me/preferences', { leaderboardOptOut: true }, none)).status).toBe(403);
      expect((await env.w.traineeA.request('DELETE', '/%61pi/session', undefined, none)).status).toBe(403);
      expect((await env.w.traineeA.get('/api/me')).status).toBe(200);
      // With the header the same encoded path works: the check is on the method, not the spelling.
      expect((await env.w.trainerA.request('POST', `/%61pi/teams/${env.w.teamA.id}/invite-code`, {})).status).toBe(200);
    });

    it('refuses an absolute-form request line without the header', async () => {
      const server = await testApp(env.ts.store);
      try {
        await server.listen({ port: 0, host: '127.0.0.1' });
        const port = (server.server.address() as { port: number }).port;
        const cookie = env.w.trainerA.cookie as string;
        const line = `POST http://127.0.0.1:${port}/api/teams/${env.w.teamA.id}/invite-code HTTP/1.1\r\nCookie: ${cookie}\r\nContent-Type: application/json`;
        expect(await rawRequest(port, line, '{}')).toBe(403);
        expect(await rawRequest(port, `${line}\r\nX-Requested-With: ${CSRF['x-requested-with']}`, '{}')).toBe(200);
      } finally {
        await server.close();
      }
    });
  });

  describe('trust proxy (finding 2)', () => {
    it('TRUST_PROXY is a hop count or a list of proxies, never "trust everything"', () => {
      expect([undefined, '', '0', 'false'].map(parseTrustProxy)).toEqual([false, false, false, false]);
      expect(parseTrustProxy('1')).toBe(1);
      expect(parseTrustProxy('true')).toBe(1);
      expect(parseTrustProxy('2')).toBe(2);
      expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
      expect(() => parseTrustProxy('yes please')).toThrow(/TRUST_PROXY/);
    });

    it.each([
      ['TRUST_PROXY=1', parseTrustProxy('1')],
      ['trustProxy: true', true],
      ['a list of proxies', parseTrustProxy('127.0.0.1')],
    ] as const)('wrong logins with rotating X-Forwarded-For values still hit the limit (%s)', async (_label, trustProxy) => {
      const proxied = await testApp(env.ts.store, { trustProxy, loginLimit: { max: 5, timeWindow: 60_000 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) {
          // The client writes any X-Forwarded-For it likes; the proxy appends the address it saw.
          const xff = `198.51.100.${i}, 203.0.113.${i % 250}, 192.0.2.77`;
          const r = await new Client(proxied).post('/api/session', { email: 'trainer.a@example.com', password: 'wrong password' }, { 'x-forwarded-for': xff });
          statuses.push(r.status);
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
        // Another client behind the same proxy is another address.
        const other = await new Client(proxied).post('/api/session', { email: 'trainer.a@example.com', password: 'wrong password' }, { 'x-forwarded-for': '192.0.2.78' });
        expect(other.status).toBe(401);
      } finally {
        await proxied.close();
      }
    });
  });

  describe('strict schemas: 400, never 500 (finding 6)', () => {
    const { best } = routesOf();

    it('refuses NUL, other control and bidi-override characters in names', async () => {
      for (const name of ['Team\u0000A', 'Tab\there', 'Right\u202Eleft', 'Bell\u0007']) {
        const created = await env.w.trainerA.post('/api/teams', { name });
        expect([name, created.status]).toEqual([name, 400]);
        expect(created.body.message).toBe('body.name must not contain control characters or bidirectional overrides');
        expect((await env.w.trainerA.request('PATCH', `/api/teams/${env.w.teamA.id}`, { name })).status).toBe(400);
        const joined = await new Client(env.app).post('/api/join', { inviteCode: env.w.teamA.inviteCode, name, email: 'new@example.com', password: 'a long passphrase' });
        expect(joined.status).toBe(400);
      }
      expect((await new Client(env.app).post('/api/join', { inviteCode: 'ABCD\u0000EFGH', name: 'N', email: 'n@example.com', password: 'a long passphrase' })).status).toBe(400);
      // Accents and other scripts are names too.
      expect((await env.w.trainerA.post('/api/teams', { name: 'Équipe Zoë · 東京' })).status).toBe(201);
    });

    it('"Infinity" and other non-integers in ids, queries and integer body fields', async () => {
      const T = env.w.teamA.id;
      const [a] = (await env.w.trainerA.post(`/api/teams/${T}/assignments`, { scenarioIds: [SCENARIO], dueAt: inAWeek() })).body.assignments;
      const calls: [string, Client, string, string, unknown?][] = [];
      for (const bad of ['Infinity', '-Infinity', 'NaN', '1e3', '0x10', '1.0', ' 1', '']) {
        const q = encodeURIComponent(bad);
        calls.push(
          [`attempt ${bad}`, env.w.traineeA, 'GET', `/api/attempts/${q}`],
          [`team ${bad}`, env.w.trainerA, 'GET', `/api/teams/${q}`],
          [`board ${bad}`, env.w.traineeA, 'GET', `/api/leaderboards/${q}`],
          [`assignment ${bad}`, env.w.trainerA, 'GET', `/api/assignments/${q}`],
          [`trainee ${bad}`, env.w.trainerA, 'GET', `/api/trainees/${q}/attempts`],
          [`member ${bad}`, env.w.trainerA, 'DELETE', `/api/teams/${T}/members/${q}`],
          [`before ${bad}`, env.w.traineeA, 'GET', `/api/me/attempts?before=${q}`],
          [`limit ${bad}`, env.w.traineeA, 'GET', `/api/me/attempts?limit=${q}`],
          [`assignmentId ${bad}`, env.w.traineeA, 'GET', `/api/me/attempts?assignmentId=${q}`],
          [`userId ${bad}`, env.w.trainerA, 'GET', `/api/teams/${T}/attempts?userId=${q}`],
          [`board limit ${bad}`, env.w.traineeA, 'GET', `/api/leaderboards/${T}?limit=${q}`],
          [`progress assignment ${bad}`, env.w.trainerA, 'GET', `/api/teams/${T}/progress?assignment=${q}`],
        );
      }
      for (const bad of ['Infinity', 'NaN', '7', 7.5, 1e300, null, true, [1]]) {
        const label = JSON.stringify(bad);
        calls.push(
          [`body teamId ${label}`, env.w.trainerA, 'POST', '/api/assignments', { teamId: bad, scenarioId: SCENARIO, dueAt: inAWeek() }],
          [`body passMark ${label}`, env.w.trainerA, 'POST', '/api/assignments', { teamId: T, scenarioId: SCENARIO, dueAt: inAWeek(), passMark: bad }],
          [`body maxAttempts ${label}`, env.w.trainerA, 'PATCH', `/api/assignments/${a.id}`, { maxAttempts: bad === null ? 'x' : bad }],
          [`body trainees ${label}`, env.w.trainerA, 'PATCH', `/api/assignments/${a.id}`, { trainees: [bad] }],
        );
      }
      for (const [label, c, method, url, body] of calls) {
        const r = await c.request(method, url, body);
        expect([label, r.status]).toEqual([label, 400]);
        expect(r.body).toEqual({ error: 'Bad Request', message: expect.any(String) });
      }
    });

    it('due dates outside 2000-2099 are refused with the accepted range; inside, stored exactly', async () => {
      for (const dueAt of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2030-06-30T23:59:60Z']) {
        const r = await env.w.trainerA.post('/api/assignments', { teamId: env.w.teamA.id, scenarioId: SCENARIO, dueAt });
        expect([dueAt, r.status]).toEqual([dueAt, 400]);
        expect(r.body.message).toBe('body.dueAt must be a date-time between 2000-01-01 and 2099-12-31 (UTC)');
        const many = await env.w.trainerA.post(`/api/teams/${env.w.teamA.id}/assignments`, { scenarioIds: [SCENARIO], dueAt });
        expect(many.status).toBe(400);
      }
      for (const dueAt of ['2000-01-01T00:00:00.000Z', '2099-12-31T23:59:59.000Z']) {
        const r = await env.w.trainerA.post('/api/assignments', { teamId: env.w.teamA.id, scenarioId: SCENARIO, dueAt });
        expect(r.status).toBe(201);
        expect(r.body.dueAt).toBe(dueAt);
        const patched = await env.w.trainerA.request('PATCH', `/api/assignments/${r.body.id}`, { dueAt: '0001-01-01T00:00:00Z' });
        expect(patched.status).toBe(400);
      }
    });

    it('does not coerce body types: seconds as text, list or boolean, assignmentId 0, false or ""', async () => {
      const choose = best.events.find((e) => e.type === 'player.choose') as { choice: string; seconds: number };
      const first = best.events.indexOf(choose as (typeof best.events)[number]);
      for (const seconds of ['4', [4], true]) {
        const events = best.events.map((e, i) => (i === first ? { ...e, seconds } : e));
        const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events, clientAttemptId: `coerce-${JSON.stringify(seconds)}` });
        expect([seconds, r.status]).toEqual([seconds, 400]);
      }
      for (const assignmentId of [0, false, '', '1']) {
        const r = await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: `free-${JSON.stringify(assignmentId)}`, assignmentId });
        expect([assignmentId, r.status]).toEqual([assignmentId, 400]);
      }
      expect((await env.w.traineeA.get('/api/me/attempts')).body.attempts).toEqual([]);
      expect((await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: best.events, clientAttemptId: 'free-null', assignmentId: null })).status).toBe(201);
      expect((await env.w.traineeA.request('PUT', '/api/me/preferences', { leaderboardOptOut: 'true' })).status).toBe(400);
    });
  });

  describe('passwords and headers (finding 10)', () => {
    it('refuses the most common passwords and says why', async () => {
      for (const pw of ['password', 'Password1', 'iloveyou', 'qwertyuiop', 'P@ssw0rd', 'aaaaaaaaaa']) {
        const r = await new Client(env.app).post('/api/join', { inviteCode: env.w.teamA.inviteCode, name: 'New', email: 'new@example.com', password: pw });
        expect([pw, r.status]).toEqual([pw, 400]);
        expect(r.body.message).toMatch(/most common passwords|repeated character/);
      }
      await env.ts.reset();
      const setup = await new Client(env.app).post('/api/setup', { email: 'boss@example.com', name: 'Boss', password: 'baseball1' });
      expect(setup.status).toBe(400);
      expect(setup.body.message).toMatch(/most common passwords/);
      expect((await new Client(env.app).post('/api/setup', { email: 'boss@example.com', name: 'Boss', password: 'violet kettle harbour' })).status).toBe(201);
    });

    it('sends HSTS only over https, and inline styles are allowed on the trainer page only', async () => {
      const plain = await new Client(env.app).get('/api/health');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(plain.headers['content-security-policy']).toContain("style-src 'self';");
      expect(plain.headers['content-security-policy']).not.toContain('unsafe-inline');
      const proxied = await testApp(env.ts.store, { trustProxy: ['127.0.0.1'] });
      try {
        const secure = await new Client(proxied).get('/api/health', { 'x-forwarded-proto': 'https' });
        expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect((await new Client(proxied).get('/api/health')).headers['strict-transport-security']).toBeUndefined();
      } finally {
        await proxied.close();
      }
      // A client cannot ask for HSTS on plain http without a trusted proxy.
      expect((await new Client(env.app).get('/api/health', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
      expect(TRAINER_CSP).toContain("style-src 'self' 'unsafe-inline'");
      expect(TRAINER_CSP.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'")).toBe(plain.headers['content-security-policy']);
    });
  });

  describe('password-hash work (finding 4)', () => {
    const wrong = (c: Client, email: string, headers?: Record<string, string>) => c.post('/api/session', { email, password: 'wrong password' }, headers);

    it('failed logins are limited per IP too, whatever the email, before any hashing', async () => {
      const limited = await testApp(env.ts.store, { loginIpLimit: { max: 10, timeWindow: 60_000 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 14; i++) statuses.push((await wrong(new Client(limited), `nobody${i}@example.com`)).status);
        expect(statuses).toEqual([...Array(10).fill(401), ...Array(4).fill(429)]);
        const refused = await wrong(new Client(limited), 'someone@example.com');
        expect(refused.body.message).toMatch(/too many failed logins from this address; try again in \d+ seconds/);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        // Even the right password waits: the address is what is limited.
        expect((await new Client(limited).post('/api/session', { email: 'trainer.a@example.com', password: 'correct horse battery' })).status).toBe(429);
        // Successful logins from an address do not count against it.
        const other = await testApp(env.ts.store, { trustProxy: ['127.0.0.1'], loginIpLimit: { max: 2, timeWindow: 60_000 } });
        try {
          const from = { 'x-forwarded-for': '192.0.2.10' };
          for (let i = 0; i < 4; i++) expect((await new Client(other).post('/api/session', { email: 'ann@example.com', password: 'correct horse battery' }, from)).status).toBe(200);
          expect((await wrong(new Client(other), 'x@example.com', from)).status).toBe(401);
          expect((await wrong(new Client(other), 'y@example.com', from)).status).toBe(401);
          expect((await wrong(new Client(other), 'z@example.com', from)).status).toBe(429);
        } finally {
          await other.close();
        }
      } finally {
        await limited.close();
      }
    });

    it('bounds the hashes running at once and refuses with 503 past the queue', async () => {
      const saved = { concurrency: passwordWork.concurrency, queue: passwordWork.queue };
      try {
        passwordWork.concurrency = 2;
        passwordWork.queue = 100;
        passwordWork.peak = 0;
        const many = await Promise.all(Array.from({ length: 24 }, (_, i) => wrong(new Client(env.app), `flood${i}@example.com`)));
        expect(many.every((r) => r.status === 401)).toBe(true);
        expect(passwordWork.peak).toBe(2);
        expect(passwordWork.active).toBe(0);
        passwordWork.queue = 3;
        // A costlier hash (16 MiB), so that the flood finds the queue full.
        const costly = await testApp(env.ts.store, { passwordParams: { logN: 14, r: 8, p: 1 } });
        const flood = await Promise.all(Array.from({ length: 12 }, (_, i) => wrong(new Client(costly), `more${i}@example.com`)));
        await costly.close();
        const busy = flood.filter((r) => r.status === 503);
        expect(busy.length).toBeGreaterThan(0);
        expect(flood.filter((r) => r.status === 401).length).toBe(12 - busy.length);
        expect(busy[0].body).toEqual({ error: 'Service Unavailable', message: 'the server is busy checking passwords; try again in a few seconds' });
        expect(busy[0].headers['retry-after']).toBe('5');
        expect(passwordWork.active).toBe(0);
        expect(passwordWork.waiting).toHaveLength(0);
      } finally {
        Object.assign(passwordWork, saved);
      }
    });
  });

  describe('attempt flooding (finding 7)', () => {
    it('a user may submit what a human can play: 429 past the limit, others unaffected', async () => {
      const limited = await testApp(env.ts.store, { attemptLimit: { max: 5, timeWindow: 600_000 } });
      try {
        const ann = await login(limited, 'ann@example.com');
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await ann.post('/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(90), clientAttemptId: attemptId() })).status);
        expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
        const refused = await ann.post('/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(90), clientAttemptId: attemptId() });
        expect(refused.body.message).toMatch(/^more than 5 attempts in 10 minutes is faster than anyone can play; try again in \d+ (seconds|minutes)$/);
        expect(refused.headers['retry-after']).toMatch(/^\d+$/);
        const abe = await login(limited, 'abe@example.com');
        expect((await abe.post('/api/attempts', { scenarioId: SCENARIO, events: eventsScoring(90), clientAttemptId: attemptId() })).status).toBe(201);
        expect((await ann.get('/api/me/attempts')).body.attempts).toHaveLength(5);
      } finally {
        await limited.close();
      }
    });

    it('the average board counts the first 10 attempts at each scenario: volume does not move it', async () => {
      const low = eventsScoring(routesOf().worst.report.overall);
      const high = routesOf().best.events;
      for (let i = 0; i < 10; i++) await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: low, clientAttemptId: attemptId() });
      for (let i = 0; i < 40; i++) await env.w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: high, clientAttemptId: attemptId() });
      await env.w.traineeA2.post('/api/attempts', { scenarioId: SCENARIO, events: high, clientAttemptId: attemptId() });
      for (const period of ['all', 'week']) {
        const board = await env.w.trainerA.get(`/api/leaderboards/${env.w.teamA.id}?mode=average&period=${period}&scenario=${SCENARIO}`);
        expect(board.body.entries.map((e: { name: string; value: number; attempts: number }) => [e.name, e.value, e.attempts])).toEqual([
          ['Abe', routesOf().best.report.overall, 1],
          ['Ann', routesOf().worst.report.overall, 50],
        ]);
      }
    });
  });

  describe('rate limits shared across processes (finding 9)', () => {
    it('two apps on one database count together, and a restart resets nothing', async () => {
      const limit = { loginLimit: { max: 3, timeWindow: 600_000 } };
      const one = await testApp(env.ts.store, limit);
      const two = await testApp(env.ts.store, limit);
      const wrongLogin = (a: FastifyInstance) => new Client(a).post('/api/session', { email: 'ann@example.com', password: 'wrong password' });
      try {
        expect((await wrongLogin(one)).status).toBe(401);
        expect((await wrongLogin(two)).status).toBe(401);
        expect((await wrongLogin(one)).status).toBe(401);
        expect((await wrongLogin(two)).status).toBe(429);
        await two.close();
        const restarted = await testApp(env.ts.store, limit);
        try {
          expect((await wrongLogin(restarted)).status).toBe(429);
        } finally {
          await restarted.close();
        }
      } finally {
        await one.close();
      }
      // The counters are rows: no email or address in them.
      const rows = await env.ts.store.db.query<{ key: string }>('select key from rate_limits');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((r) => /@|127\.0/.test(r.key))).toBe(false);
    });
  });

  describe('uploads belong to the trainer who uploaded them (finding 5)', () => {
    it('only the owner and co-trainers replace or assign an upload; trainees see uploads assigned or published to their team', async () => {
      const own = await testApp(env.ts.store, { library: loadLibrary() });
      try {
        const as = (c: Client) => Object.assign(new Client(own), { cookie: c.cookie });
        const [trainerA, trainerB, ann, bea] = [env.w.trainerA, env.w.trainerB, env.w.traineeA, env.w.traineeB].map(as);
        const yaml = baseScenario('lamp-lost');
        const ids = (r: { body: { scenarios: { id: string }[] } }) => r.body.scenarios.map((s) => s.id);
        expect((await trainerA.post('/api/scenarios', { yaml, fileName: 'lamp.yaml' })).status).toBe(201);

        // Trainer B can neither replace it nor see it, assign it or play it.
        const replaced = await trainerB.post('/api/scenarios', { yaml: yaml.replace('title: Fixture', 'title: Hijacked'), replace: true });
        expect(replaced.status).toBe(403);
        expect(replaced.body.message).toBe('a scenario with the id "lamp-lost" was uploaded by Trainer A; give yours a different id, or ask them to make you a co-trainer of it');
        expect((await trainerA.get('/api/scenarios/lamp-lost/summary')).body.title).toBe('Fixture');
        expect(ids(await trainerB.get('/api/trainer/library'))).not.toContain('lamp-lost');
        expect((await trainerB.get('/api/scenarios/lamp-lost/summary')).status).toBe(404);
        expect((await trainerB.post('/api/assignments', { teamId: env.w.teamB.id, scenarioId: 'lamp-lost', dueAt: inAWeek() })).status).toBe(422);
        expect((await trainerB.post(`/api/teams/${env.w.teamB.id}/assignments`, { scenarioIds: ['lamp-lost'], dueAt: inAWeek() })).status).toBe(422);
        expect((await trainerB.request('PUT', '/api/scenarios/lamp-lost/access', { teams: [env.w.teamB.id] })).status).toBe(404);

        // Team A (the uploader's) has it for free play; team B does not, nor does a visitor.
        const play = (c: Client) => c.post('/api/attempts', { scenarioId: 'lamp-lost', events: [{ type: 'player.choose', choice: 'sorry', seconds: 3 }], clientAttemptId: attemptId() });
        expect(ids(await ann.get('/api/scenarios/uploaded'))).toEqual(['lamp-lost']);
        expect(ids(await ann.get('/api/scenarios'))).toContain('lamp-lost');
        expect((await play(ann)).status).toBe(201);
        expect(ids(await bea.get('/api/scenarios/uploaded'))).toEqual([]);
        expect(ids(await bea.get('/api/scenarios'))).not.toContain('lamp-lost');
        expect(ids(await new Client(own).get('/api/scenarios'))).not.toContain('lamp-lost');
        const refused = await play(bea);
        expect(refused.status).toBe(422);
        expect(refused.body.message).toBe('no scenario "lamp-lost"');
        expect((await bea.get(`/api/leaderboards/${env.w.teamB.id}?scenario=lamp-lost`)).status).toBe(422);

        // Unpublished, team A loses it; assigned, team A has it again.
        expect((await trainerA.request('PUT', '/api/scenarios/lamp-lost/access', { teams: [] })).body.teams).toEqual([]);
        expect(ids(await ann.get('/api/scenarios/uploaded'))).toEqual([]);
        expect((await trainerA.post('/api/assignments', { teamId: env.w.teamA.id, scenarioId: 'lamp-lost', dueAt: inAWeek() })).status).toBe(201);
        expect(ids(await ann.get('/api/scenarios/uploaded'))).toEqual(['lamp-lost']);
        expect((await trainerA.request('PUT', '/api/scenarios/lamp-lost/access', { teams: [env.w.teamB.id] })).status).toBe(403);

        // A co-trainer may replace it, assign it and publish it to their own team; only the owner names co-trainers.
        const shared = await trainerA.request('PUT', '/api/scenarios/lamp-lost/access', { coTrainers: ['Trainer.B@example.com'] });
        expect(shared.status).toBe(200);
        expect(shared.body).toMatchObject({ owner: { name: 'Trainer A' }, coTrainers: [{ name: 'Trainer B', email: 'trainer.b@example.com' }], canEdit: true });
        expect((await trainerA.request('PUT', '/api/scenarios/lamp-lost/access', { coTrainers: ['ann@example.com'] })).status).toBe(422);
        expect((await trainerB.request('PUT', '/api/scenarios/lamp-lost/access', { coTrainers: [] })).status).toBe(403);
        expect((await trainerB.post('/api/scenarios', { yaml: yaml.replace('title: Fixture', 'title: Improved'), replace: true })).status).toBe(200);
        expect((await trainerA.get('/api/scenarios/lamp-lost/summary')).body.title).toBe('Improved');
        expect((await trainerB.post('/api/assignments', { teamId: env.w.teamB.id, scenarioId: 'lamp-lost', dueAt: inAWeek() })).status).toBe(201);
        expect(ids(await bea.get('/api/scenarios/uploaded'))).toEqual(['lamp-lost']);
        expect((await play(bea)).status).toBe(201);
      } finally {
        await own.close();
      }
    });
  });
});
