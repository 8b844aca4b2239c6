// Shared by the server suites: both stores (PGlite in a temp folder, PostgreSQL in a schema of its own),
// an app with cheap password hashing, a cookie-keeping client over app.inject(), and a small world of
// trainers, teams and trainees.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { loadLibrary, type Library } from '../../src/engine/files.ts';
import { summarizeRoutes, walkRoutes, type Route } from '../../src/engine/routes.ts';
import type { ConversationEvent } from '../../src/engine/conversation.ts';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { readMigrations } from '../../src/server/store/migrate.ts';
import { hashPassword, type ScryptParams } from '../../src/server/security/passwords.ts';
import { openStore, type Role, type Store, type User } from '../../src/server/store/index.ts';

export const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
/** Cheap hashing for tests; one test checks the production (OWASP) parameters separately. */
export const TEST_SCRYPT: ScryptParams = { logN: 10, r: 8, p: 1 };
export const CSRF = { 'x-requested-with': 'make-it-right' };

// ---- stores -------------------------------------------------------------------------------------

/** PostgreSQL at DATABASE_URL, or null (with a note on stderr) when it cannot be reached. */
export async function reachablePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return DATABASE_URL;
  } catch (e) {
    process.stderr.write(`PostgreSQL not reachable at ${DATABASE_URL} (${(e as Error).message}): the PostgreSQL leg is skipped\n`);
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export function uniqueSchema(label: string): string {
  return `mir_test_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/**
 * PGlite's initdb takes seconds; opening an existing folder well under one. A migrated, empty data
 * folder is prepared once per machine (keyed by the PGlite version and the migrations) and copied.
 */
export async function pgliteTemplate(): Promise<string> {
  const version = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
  const key = createHash('sha256')
    .update(version)
    .update(JSON.stringify(readMigrations()))
    .digest('hex')
    .slice(0, 12);
  const template = join(tmpdir(), `mir-pglite-template-${key}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = `${template}.build-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const store = await openStore({ dataDir: building });
  await store.close();
  try {
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another worker made it first
  }
  // Templates for older migrations are of no further use once a day old.
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('mir-pglite-template-') || name.includes('.build-') || join(tmpdir(), name) === template) continue;
    const path = join(tmpdir(), name);
    if (Date.now() - statSync(path).mtimeMs > 24 * 3600_000) rmSync(path, { recursive: true, force: true });
  }
  return template;
}

export interface TestStore {
  name: 'pglite' | 'postgres';
  store: Store;
  /** Empties every table (keeps the schema and migrations). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Every table the migrations made (so a new migration's tables are emptied too), but not their log. */
async function truncate(store: Store) {
  const rows = await store.db.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations'`,
  );
  if (rows.length === 0) return;
  await store.db.exec(`truncate ${rows.map((r) => `"${r.name}"`).join(', ')} restart identity cascade`);
}

export async function openPgliteStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'mir-pglite-'));
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  const store = await openStore({ dataDir: dir });
  return {
    name: 'pglite',
    store,
    reset: () => truncate(store),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openPostgresStore(url: string, label: string): Promise<TestStore> {
  const schema = uniqueSchema(label);
  const store = await openStore({ databaseUrl: url, schema, poolSize: 4 });
  return {
    name: 'postgres',
    store,
    reset: () => truncate(store),
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** The backends a suite runs against: PGlite always, PostgreSQL when reachable. */
export const pgUrl = await reachablePostgres();
export const BACKENDS = [
  { name: 'pglite' as const, open: (_label: string) => openPgliteStore() },
  ...(pgUrl ? [{ name: 'postgres' as const, open: (label: string) => openPostgresStore(pgUrl, label) }] : []),
];

// ---- app and client -----------------------------------------------------------------------------

export const library: Library = loadLibrary();

export function testApp(store: Store, overrides: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({
    store,
    library,
    distDir: false,
    passwordParams: TEST_SCRYPT,
    loginLimit: { max: 1000, timeWindow: 60_000 },
    signupLimit: { max: 1000, timeWindow: 60_000 },
    loginIpLimit: { max: 100_000, timeWindow: 60_000 },
    attemptLimit: { max: 100_000, timeWindow: 60_000 },
    // Voice for every upload would load the machine; the media suite turns it on.
    studioMedia: false,
    ...overrides,
  });
}

export interface Res {
  status: number;
  body: any;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/** A browser stand-in: keeps its session cookie, sends the CSRF header on writes. */
export class Client {
  cookie: string | null = null;
  constructor(
    readonly app: FastifyInstance,
    readonly label = 'client',
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (method !== 'GET' && method !== 'HEAD' && !('x-requested-with' in h)) Object.assign(h, CSRF);
    if (this.cookie) h.cookie = this.cookie;
    const raw = await this.app.inject({ method: method as 'GET', url, headers: h, ...(body === undefined ? {} : { payload: body as object }) });
    const set = raw.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name === 'mir_session') this.cookie = value ? pair : null;
    }
    let parsed: unknown = raw.body;
    try {
      parsed = raw.body ? JSON.parse(raw.body) : null;
    } catch {
      // not JSON
    }
    return { status: raw.statusCode, body: parsed, headers: raw.headers, raw };
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', url, body ?? {}, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

// ---- scenarios and events -----------------------------------------------------------------------

export const SCENARIO = 'trophy-room';

export function scenario(id = SCENARIO) {
  const s = library.scenarios.get(id);
  if (!s) throw new Error(`test scenario ${id} is missing`);
  return s;
}

/** Events of the best- and worst-scoring complete routes through a scenario. */
const routeCache = new Map<string, { best: Route; worst: Route; all: Route[] }>();
export function routesOf(id = SCENARIO) {
  let found = routeCache.get(id);
  if (!found) {
    const sum = summarizeRoutes(scenario(id));
    if (!sum) throw new Error(`no routes through ${id}`);
    found = { best: sum.best, worst: sum.worst, all: [...walkRoutes(scenario(id))] };
    routeCache.set(id, found);
  }
  return found;
}

export type Events = ConversationEvent[];

let attemptCounter = 0;
export function attemptId(): string {
  return `t-${process.pid}-${Date.now()}-${++attemptCounter}`;
}

// ---- a small world ------------------------------------------------------------------------------

export const PASSWORD = 'correct horse battery';

export async function createUser(store: Store, email: string, name: string, role: Role, teamId: number | null = null): Promise<User> {
  return store.createUser({ email, name, role, passwordHash: await hashPassword(PASSWORD, TEST_SCRYPT), teamId });
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const c = new Client(app, email);
  const r = await c.post('/api/session', { email, password });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

export interface World {
  trainerA: Client;
  trainerB: Client;
  traineeA: Client;
  traineeA2: Client;
  traineeB: Client;
  anonymous: Client;
  teamA: { id: number; inviteCode: string };
  teamB: { id: number; inviteCode: string };
  users: Record<'trainerA' | 'trainerB' | 'traineeA' | 'traineeA2' | 'traineeB', User>;
}

/** Two trainers, each with a team; two trainees in team A, one in team B. */
export async function makeWorld(app: FastifyInstance, store: Store): Promise<World> {
  const tA = await createUser(store, 'trainer.a@example.com', 'Trainer A', 'trainer');
  const tB = await createUser(store, 'trainer.b@example.com', 'Trainer B', 'trainer');
  const trainerA = await login(app, tA.email);
  const trainerB = await login(app, tB.email);
  const ta = await trainerA.post('/api/teams', { name: 'Team A' });
  const tb = await trainerB.post('/api/teams', { name: 'Team B' });
  if (ta.status !== 201 || tb.status !== 201) throw new Error(`teams: ${ta.status} ${tb.status}`);
  const join = async (code: string, email: string, name: string) => {
    const c = new Client(app, email);
    const r = await c.post('/api/join', { inviteCode: code, email, name, password: PASSWORD });
    if (r.status !== 201) throw new Error(`join ${email}: ${r.status} ${JSON.stringify(r.body)}`);
    return { c, user: r.body.user as User };
  };
  const a1 = await join(ta.body.inviteCode, 'ann@example.com', 'Ann');
  const a2 = await join(ta.body.inviteCode, 'abe@example.com', 'Abe');
  const b1 = await join(tb.body.inviteCode, 'bea@example.com', 'Bea');
  return {
    trainerA,
    trainerB,
    traineeA: a1.c,
    traineeA2: a2.c,
    traineeB: b1.c,
    anonymous: new Client(app, 'anonymous'),
    teamA: ta.body,
    teamB: tb.body,
    users: { trainerA: tA, trainerB: tB, traineeA: a1.user, traineeA2: a2.user, traineeB: b1.user },
  };
}

export function inAWeek(): string {
  return new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
}

/** Events of a complete route whose replayed overall score is exactly `score`. */
export function eventsScoring(score: number, id = SCENARIO): Events {
  const route = routesOf(id).all.find((r) => r.report.overall === score);
  if (!route) throw new Error(`no route through ${id} scores ${score}`);
  return route.events;
}

// ---- suites -------------------------------------------------------------------------------------

export interface Suite {
  ts: TestStore;
  app: FastifyInstance;
  /** Made afresh before each test unless the suite asked for no world. */
  w: World;
}

/**
 * The hooks every server suite needs: one store and one app per backend for the whole suite, every
 * table emptied (and the world of trainers and trainees made again) before each test.
 */
export function serverSuite(
  open: (label: string) => Promise<TestStore>,
  label: string,
  options: { world?: boolean; app?: (ts: TestStore) => Promise<FastifyInstance> } = {},
): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.ts = await open(label);
    suite.app = await (options.app ?? ((ts: TestStore) => testApp(ts.store)))(suite.ts);
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.ts?.close();
  });
  beforeEach(async () => {
    await suite.ts.reset();
    if (options.world !== false) suite.w = await makeWorld(suite.app, suite.ts.store);
  });
  return suite;
}
