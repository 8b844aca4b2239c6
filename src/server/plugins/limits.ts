// Rate limits and where their counters live. @fastify/rate-limit counts in the process by default, so
// with several server processes on one PostgreSQL every limit multiplied, and a restart reset them.
// Here its counters are rows of rate_limits (migrations/005_rate_limits.sql) in the store's own
// database, PGlite or PostgreSQL: every process sharing the database counts together, and the counts
// survive a restart. One upsert per counted request, in the database's clock.
//
// The limits (defaults; AppOptions can change each):
// - POST /api/session: 10 per 15 minutes per IP and email (one address cannot be guessed at), and 30
//   failed logins per 15 minutes per IP, checked before any password is hashed (new emails get no
//   fresh tries);
// - POST /api/join and POST /api/setup: 20 per 15 minutes per IP;
// - POST /api/attempts: 30 per 10 minutes per user, what a human can play (the shortest conversation
//   takes well over 20 seconds to read and answer; the offline queue retries a 429 later).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitSetting } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { Queryable } from '../store/db.ts';

interface Counter {
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}
type Callback = (err: Error | null, res?: Counter) => void;

const INCR = `
insert into rate_limits as r (key, hits, reset_at) values ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
on conflict (key) do update set
  hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
  reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
returning hits, greatest(0, extract(epoch from (reset_at - now())) * 1000)::float8 as ttl`;

const READ = `select hits, greatest(0, extract(epoch from (reset_at - now())) * 1000)::float8 as ttl
from rate_limits where key = $1 and reset_at > now()`;

/** Hits of the expired windows go: run now and then (main.ts sweeps hourly). */
export async function sweepRateLimits(db: Queryable): Promise<void> {
  await db.query('delete from rate_limits where reset_at <= now()');
}

/**
 * A store class for @fastify/rate-limit over the database. `nameSpace` (in a limit's options) keeps
 * limits apart; without one, the route's method and URL do.
 */
export function databaseRateStore(db: Queryable) {
  return class DatabaseRateStore {
    readonly prefix: string;
    constructor(options: { nameSpace?: string; groupId?: string; routeInfo?: { method?: string; url?: string } } = {}) {
      this.prefix = options.nameSpace ?? options.groupId ?? (options.routeInfo?.url ? `${options.routeInfo.method} ${options.routeInfo.url}` : 'global');
    }

    #key(key: string): string {
      return createHash('sha256').update(`${this.prefix}\u0000${key}`).digest('base64url');
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      db.query(INCR, [this.#key(key), timeWindow]).then(
        ([r]) => cb(null, { current: Number(r.hits), ttl: Math.round(Number(r.ttl)) }),
        (e: Error) => cb(e),
      );
    }

    read(key: string, cb: Callback): void {
      db.query(READ, [this.#key(key)]).then(
        ([r]) => cb(null, r ? { current: Number(r.hits), ttl: Math.round(Number(r.ttl)) } : { current: 0, ttl: 0 }),
        (e: Error) => cb(e),
      );
    }

    child(routeOptions: ConstructorParameters<typeof DatabaseRateStore>[0]) {
      return new DatabaseRateStore(routeOptions);
    }
  };
}

export function waitText(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, seconds)} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

interface LimitResult {
  isAllowed: boolean;
  isExceeded?: boolean;
  /** How many more the window allows. */
  remaining?: number;
  ttlInSeconds?: number;
}
type Limiter = (request: FastifyRequest, options?: { increment?: boolean }) => Promise<LimitResult>;

declare module 'fastify' {
  interface FastifyInstance {
    createRateLimit(options: Record<string, unknown>): Limiter;
  }
}

function refuse(reply: { header(name: string, value: string): unknown }, seconds: number, what: string): never {
  reply.header('retry-after', String(seconds));
  throw new ApiError(429, `${what}; try again in ${waitText(seconds)}`);
}

export interface LimitSettings {
  /** Failed logins per IP, whatever the email. */
  loginIpLimit: RateLimitSetting;
  /** Attempts submitted per user. */
  attemptLimit: RateLimitSetting;
}

/** The per-IP failed-login limit and the per-user attempt limit (the per-route ones are in the routes). */
export function installLimits(app: FastifyInstance, settings: LimitSettings): void {
  const failedLogins = app.createRateLimit({
    ...settings.loginIpLimit,
    nameSpace: 'login-ip',
    keyGenerator: (request: FastifyRequest) => request.ip,
  });
  const attempts = app.createRateLimit({
    ...settings.attemptLimit,
    nameSpace: 'attempts-user',
    keyGenerator: (request: FastifyRequest) => String(request.user?.id ?? request.ip),
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const route = request.routeOptions.url;
    if (route === '/api/session') {
      // Look before any password is hashed; count only when the login fails (onSend below).
      const seen = await failedLogins(request, { increment: false });
      if (!seen.isAllowed && seen.remaining === 0 && (seen.ttlInSeconds ?? 0) > 0) {
        refuse(reply, seen.ttlInSeconds ?? 1, 'too many failed logins from this address');
      }
    } else if (route === '/api/attempts' && request.user) {
      const r = await attempts(request);
      if (!r.isAllowed && r.isExceeded) {
        refuse(reply, r.ttlInSeconds ?? 1, `more than ${settings.attemptLimit.max} attempts in ${waitText(Math.round(settings.attemptLimit.timeWindow / 1000))} is faster than anyone can play`);
      }
    }
  });

  // Counted before the answer leaves, so the client's next try already sees it.
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'POST' && request.routeOptions.url === '/api/session' && reply.statusCode === 401) {
      await failedLogins(request).catch(() => {});
    }
  });
}
