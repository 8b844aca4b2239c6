// The durable xAPI outbox: enqueue() writes an attempt's statements and its marker in one
// transaction; a background sender claims due rows, POSTs them to the LRS in order, marks them sent,
// and on failure retries with exponential backoff. A crash loses nothing: unsent rows stay due, an
// attempt committed but not yet enqueued is found by the sweep, and a row sent but not yet marked
// goes again with the same statement id, which the LRS stores once.
import type { Library } from '../../engine/files.ts';
import { XAPI_VERSION, type Statement } from '../../shared/lms/xapi.ts';
import type { Db } from '../store/db.ts';
import { statementsOfAttempt, type AttemptForXapi } from './statements.ts';

export interface XapiConfig {
  endpoint: string;
  username: string;
  password: string;
  /** The server's public address, the home page of actors and root of activity ids. */
  base: string;
  /** How often the sender looks for due rows (ms). */
  intervalMs?: number;
  batch?: number;
  /** Most seconds between retries. */
  maxBackoffSeconds?: number;
}

/** XAPI_ENDPOINT + XAPI_USERNAME + XAPI_PASSWORD, or null when forwarding is off. Throws when only some are set. */
export function xapiConfigFromEnv(env: Record<string, string | undefined> = process.env): XapiConfig | null {
  const { XAPI_ENDPOINT: endpoint, XAPI_USERNAME: username, XAPI_PASSWORD: password } = env;
  if (!endpoint && !username && !password) return null;
  if (!endpoint || !username || !password) throw new Error('xAPI forwarding needs all of XAPI_ENDPOINT, XAPI_USERNAME and XAPI_PASSWORD');
  const url = new URL(endpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('XAPI_ENDPOINT must be an http(s) URL');
  return {
    endpoint: url.href.endsWith('/') ? url.href : `${url.href}/`,
    username,
    password,
    base: (env.LMS_BASE_URL || `http://localhost:${env.PORT ?? 8080}`).replace(/\/+$/, ''),
    intervalMs: Number(env.XAPI_INTERVAL_MS) > 0 ? Number(env.XAPI_INTERVAL_MS) : undefined,
  };
}

type AttemptRow = {
  id: string | number;
  user_id: number;
  name: string;
  scenario_id: string;
  created_at: Date | string;
  report: AttemptForXapi['report'] | string;
};

export class XapiOutbox {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(
    private db: Db,
    private library: Library,
    private config: XapiConfig,
  ) {}

  async start(): Promise<void> {
    await this.db.query('insert into xapi_since (one) values (true) on conflict do nothing');
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(ms: number) {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.tick()
        .catch(() => {})
        .finally(() => this.#schedule(this.config.intervalMs ?? 2000));
    }, ms);
    this.#timer.unref();
  }

  /** Enqueues one attempt's statements (idempotent). */
  async enqueue(attemptId: number): Promise<void> {
    const rows = await this.db.query<AttemptRow>(
      'select a.id, a.user_id, u.name, a.scenario_id, a.created_at, a.report from attempts a join users u on u.id = a.user_id where a.id = $1',
      [attemptId],
    );
    if (rows[0]) await this.#enqueueRow(rows[0]);
  }

  async #enqueueRow(row: AttemptRow): Promise<void> {
    const report = typeof row.report === 'string' ? (JSON.parse(row.report) as AttemptForXapi['report']) : row.report;
    const scenario = this.library.scenarios.get(row.scenario_id);
    const id = Number(row.id);
    await this.db.transaction(async (tx) => {
      if (scenario) {
        const statements = statementsOfAttempt({ id, userId: row.user_id, userName: row.name, scenarioId: row.scenario_id, createdAt: new Date(row.created_at).toISOString(), report }, scenario, this.config.base);
        for (const [seq, s] of statements.entries()) {
          await tx.query('insert into xapi_outbox (statement_id, attempt_id, seq, body) values ($1, $2, $3, $4) on conflict do nothing', [s.id, id, seq, JSON.stringify(s)]);
        }
      }
      await tx.query('insert into xapi_forwarded (attempt_id) values ($1) on conflict do nothing', [id]);
    });
  }

  /** Attempts committed since forwarding began that a crash left without statements. */
  async sweep(): Promise<number> {
    const rows = await this.db.query<AttemptRow>(
      `select a.id, a.user_id, u.name, a.scenario_id, a.created_at, a.report from attempts a join users u on u.id = a.user_id
        where a.created_at >= coalesce((select since from xapi_since), '-infinity'::timestamptz) and not exists (select 1 from xapi_forwarded f where f.attempt_id = a.id)
        order by a.id limit 100`,
    );
    for (const r of rows) await this.#enqueueRow(r);
    return rows.length;
  }

  /** One round: sweep, then send every due row in batches, oldest attempt first. */
  async tick(): Promise<void> {
    await this.sweep();
    for (;;) {
      const due = await this.db.query<{ statement_id: string; body: Statement | string; tries: number }>(
        `update xapi_outbox set claimed_until = now() + interval '60 seconds'
          where statement_id in (select statement_id from xapi_outbox where sent_at is null and next_at <= now() and (claimed_until is null or claimed_until < now())
                                 order by attempt_id, seq limit $1 for update skip locked)
          returning statement_id, body, tries, attempt_id, seq`,
        [this.config.batch ?? 50],
      );
      if (due.length === 0 || this.#stopped) return;
      const ordered = due as unknown as { statement_id: string; body: Statement | string; tries: number; attempt_id: string | number; seq: number }[];
      ordered.sort((a, b) => Number(a.attempt_id) - Number(b.attempt_id) || a.seq - b.seq);
      const ids = ordered.map((r) => r.statement_id);
      try {
        await this.#post(ordered.map((r) => (typeof r.body === 'string' ? (JSON.parse(r.body) as Statement) : r.body)));
        await this.db.query('update xapi_outbox set sent_at = now(), claimed_until = null, last_error = null where statement_id = any($1::uuid[])', [ids]);
      } catch (e) {
        const max = this.config.maxBackoffSeconds ?? 300;
        await this.db.query(
          `update xapi_outbox set tries = tries + 1, claimed_until = null, last_error = $2,
             next_at = now() + make_interval(secs => least($3::float8, power(2, tries + 1)::float8)) where statement_id = any($1::uuid[])`,
          [ids, (e as Error).message.slice(0, 500), max],
        );
        return;
      }
    }
  }

  async #post(statements: Statement[]): Promise<void> {
    const auth = Buffer.from(`${this.config.username}:${this.config.password}`).toString('base64');
    const r = await fetch(new URL('statements', this.config.endpoint), {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json', 'x-experience-api-version': XAPI_VERSION },
      body: JSON.stringify(statements),
      signal: AbortSignal.timeout(15_000),
    });
    // 409: the LRS already holds these ids (a send repeated after a crash).
    if (!r.ok && r.status !== 409) throw new Error(`LRS answered ${r.status}: ${(await r.text().catch(() => '')).slice(0, 200)}`);
  }

  /** For tests and the health view: rows not yet sent. */
  async pendingCount(): Promise<number> {
    const [r] = await this.db.query<{ n: string | number }>('select count(*) as n from xapi_outbox where sent_at is null');
    return Number(r.n);
  }
}
