// Fuzzing every route through inject(), on both stores: random and half-valid paths, ids, query
// strings, bodies, content types, cookies and CSRF headers, as anonymous, trainers and trainees.
// Whatever comes in, the answer is never a 5xx, and every error is {error, message}. Bounded in time
// (the run stops early, and passes, when its time is up) so the suite stays fast.
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/engine/files.ts';
import { baseScenario } from '../cli/support.ts';
import { attemptId, BACKENDS, inAWeek, makeWorld, routesOf, SCENARIO, testApp, type TestStore, type World } from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const TIME_LIMIT_MS = Number(process.env.FUZZ_MS ?? 9_000);

interface RouteDef {
  method: string;
  url: string;
}

/** Every route the app has, from Fastify's own route tree. */
function routesOfApp(app: FastifyInstance): RouteDef[] {
  const out: RouteDef[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = path;
    for (const method of m[3].split(', ')) if (method !== 'HEAD') out.push({ method, url: path });
  }
  return out;
}

const WEIRD = ['%ff', '%E0%A4%A', '%', 'Infinity', '-Infinity', 'NaN', '-1', '0', '1e3', '0x10', '1.5', ' 1', '9999999999999999999999', '%00', '\u0000', '..', '../..', '%2e%2e', 'null', 'true', '[]', '{}', 'a'.repeat(300), '\u202Eevil', '😀', '\uD800'];

const text = fc.oneof(
  fc.constantFrom(...WEIRD),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: -5, max: 12 }).map(String),
);

/** JSON values, biased to the shapes and edges schemas care about. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, 1e308, -0)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [4], ['x'], [null]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Percent-encoding that survives lone surrogates (sent as U+FFFD, as a browser would). */
const pct = (v: string) => encodeURIComponent(v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function encodeSegment(v: string, raw: boolean): string {
  if (!raw) return pct(v);
  // Raw: what a hand-written request line might carry (no spaces or control bytes, which HTTP refuses).
  // eslint-disable-next-line no-control-regex -- control bytes are what must be escaped
  return v.replace(/[\s\u0000-\u001f\u007f#?]/g, (c) => encodeURIComponent(c));
}

describe.each(BACKENDS)('fuzz every route ($name)', ({ open }) => {
  let ts: TestStore;
  let app: FastifyInstance;
  let w: World;
  let routes: RouteDef[];
  const valid: Record<string, () => Record<string, unknown>> = {};
  const ids: Record<string, unknown[]> = {};

  beforeAll(async () => {
    ts = await open('fuzz');
    app = await testApp(ts.store, { library: loadLibrary(), analysis: { walkMs: 200, timeoutMs: 2000 } });
    w = await makeWorld(app, ts.store);
    const a = await w.trainerA.post('/api/assignments', { teamId: w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek() });
    const attempt = await w.traineeA.post('/api/attempts', { scenarioId: SCENARIO, events: routesOf().best.events, clientAttemptId: attemptId(), assignmentId: a.body.id });
    await w.trainerA.post('/api/scenarios', { yaml: baseScenario('lamp-lost'), fileName: 'lamp.yaml' });
    routes = routesOfApp(app);
    ids.teamId = [w.teamA.id, w.teamB.id];
    ids.id = [a.body.id, attempt.body.id, w.users.traineeA.id, w.users.traineeB.id];
    ids.userId = [w.users.traineeA.id, w.users.traineeA2.id, w.users.traineeB.id];
    ids.scenarioId = [SCENARIO, 'lamp-lost', 'no-such-thing'];
    const events = routesOf().best.events;
    Object.assign(valid, {
      'POST /api/setup': () => ({ email: 'boss@example.com', password: 'violet kettle harbour', name: 'Boss' }),
      'POST /api/session': () => ({ email: 'ann@example.com', password: 'correct horse battery' }),
      'POST /api/join': () => ({ inviteCode: w.teamA.inviteCode, name: 'New', email: `n${Math.random()}@example.com`, password: 'violet kettle harbour' }),
      'PUT /api/me/preferences': () => ({ leaderboardOptOut: false }),
      'POST /api/teams': () => ({ name: 'Team' }),
      'PATCH /api/teams/:teamId': () => ({ name: 'Team' }),
      'POST /api/assignments': () => ({ teamId: w.teamA.id, scenarioId: SCENARIO, dueAt: inAWeek(), passMark: 60, maxAttempts: 3 }),
      'POST /api/teams/:teamId/assignments': () => ({ scenarioIds: [SCENARIO], dueAt: inAWeek(), trainees: [w.users.traineeA.id] }),
      'PATCH /api/assignments/:id': () => ({ dueAt: inAWeek(), passMark: 50, maxAttempts: null, trainees: null }),
      'POST /api/attempts': () => ({ scenarioId: SCENARIO, events, clientAttemptId: attemptId(), assignmentId: Math.random() < 0.5 ? a.body.id : null }),
      'POST /api/scenarios': () => ({ yaml: baseScenario('lamp-lost'), fileName: 'lamp.yaml', replace: true }),
      'PUT /api/scenarios/:scenarioId/access': () => ({ coTrainers: ['trainer.b@example.com'], teams: [w.teamA.id] }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await ts?.close();
  });

  it('covers every route the app has', () => {
    expect(routes.length).toBeGreaterThan(35);
    for (const key of Object.keys(valid)) expect(routes.map((r) => `${r.method} ${r.url}`)).toContain(key);
  });

  it(`never answers 5xx (${RUNS} cases or ${TIME_LIMIT_MS / 1000} s)`, { timeout: TIME_LIMIT_MS + 20_000 }, async () => {
    const who = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('trainerA' as const, 'traineeA' as const) },
      { weight: 2, arbitrary: fc.constantFrom('anonymous' as const, 'trainerB' as const, 'traineeB' as const, 'garbage' as const) },
    );
    const request = fc.record({
      route: fc.constantFrom(...routes),
      who,
      params: fc.dictionary(
        fc.constantFrom('teamId', 'id', 'userId', 'scenarioId'),
        fc.oneof({ weight: 3, arbitrary: fc.nat(3).map((i) => ({ pick: i })) }, { weight: 1, arbitrary: text.map((t) => ({ text: t })) }),
      ),
      rawPath: fc.boolean(),
      query: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('limit', 'before', 'scenario', 'assignmentId', 'userId', 'period', 'mode', 'format', 'q', 'status', 'assignment', 'sort', 'dir'), fc.string({ maxLength: 8 })),
          fc.oneof(text, fc.constantFrom('5', '1', 'week', 'all', 'average', 'improved', 'csv', 'json', SCENARIO, 'lamp-lost', 'name', 'a:1', 'desc', 'passed', 'overdue')),
        ),
        { maxLength: 4 },
      ),
      body: fc.oneof(
        { weight: 4, arbitrary: fc.record({ field: fc.string({ maxLength: 12 }), pick: fc.nat(20), v: value, drop: fc.boolean() }).map((m) => ({ mutate: m })) },
        { weight: 3, arbitrary: fc.constant({ keep: true }) },
        { weight: 1, arbitrary: value.map((v) => ({ whole: v })) },
        { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((raw) => ({ raw })) },
      ),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', undefined) },
      ),
      csrf: fc.constantFrom(true, true, true, false),
      xff: fc.option(fc.constantFrom('203.0.113.9', '198.51.100.1, 203.0.113.9', 'not an address', '::1'), { nil: undefined }),
    });

    const stats = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const pathParams: Record<string, string> = {};
        const url = r.route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
          const p = r.params[name];
          const pool = ids[name] ?? [1];
          const v = !p ? String(pool[0]) : 'pick' in p ? String(pool[p.pick % pool.length]) : p.text;
          pathParams[name] = v;
          return encodeSegment(v, r.rawPath) || '%20';
        });
        const qs = r.query.map(([k, v]) => `${pct(k)}=${r.rawPath ? encodeSegment(v, true) : pct(v)}`).join('&');
        const key = `${r.route.method} ${r.route.url}`;
        let payload: string | undefined;
        if (r.route.method !== 'GET' && r.route.method !== 'DELETE') {
          const b = r.body;
          if ('raw' in b) payload = b.raw;
          else if ('whole' in b) payload = JSON.stringify(b.whole) ?? 'null';
          else {
            const base: Record<string, unknown> = valid[key]?.() ?? {};
            if ('mutate' in b) {
              const fields = Object.keys(base);
              const field = fields.length && b.mutate.pick < 15 ? fields[b.mutate.pick % fields.length] : b.mutate.field;
              if (b.mutate.drop && fields.length) delete base[field];
              else base[field] = b.mutate.v;
            }
            payload = JSON.stringify(base);
          }
        }
        const headers: Record<string, string> = {};
        if (payload !== undefined && r.contentType) headers['content-type'] = r.contentType;
        if (r.csrf) headers['x-requested-with'] = 'make-it-right';
        if (r.xff) headers['x-forwarded-for'] = r.xff;
        const cookie = r.who === 'anonymous' ? null : r.who === 'garbage' ? 'mir_session=%00garbage' : w[r.who].cookie;
        // Signing in or out ends the session the request came with: those routes never get the world's.
        const endsSession = ['DELETE /api/session', 'POST /api/session', 'POST /api/setup', 'POST /api/join'].includes(key);
        if (cookie && !(endsSession && r.who !== 'garbage')) headers.cookie = cookie;
        const res = await app.inject({ method: r.route.method as 'GET', url: qs ? `${url}?${qs}` : url, headers, ...(payload === undefined ? {} : { payload }) });
        if (process.env.FUZZ_STATS) stats.set(`${key} ${res.statusCode}`, (stats.get(`${key} ${res.statusCode}`) ?? 0) + 1);
        if (res.statusCode >= 500) {
          throw new Error(`${res.statusCode} for ${r.route.method} ${url}${qs ? `?${qs}` : ''} as ${r.who}: ${payload?.slice(0, 300)} -> ${res.body.slice(0, 300)}`);
        }
        if (res.statusCode >= 400 && url.startsWith('/api/')) {
          const body = res.json<{ error?: unknown; message?: unknown }>();
          if (typeof body.error !== 'string' || typeof body.message !== 'string') throw new Error(`error without {error, message}: ${res.body.slice(0, 200)}`);
        }
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
    if (process.env.FUZZ_STATS) console.log([...stats].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
    // The world still answers: the fuzzing left the server usable.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
