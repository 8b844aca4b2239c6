// Builds the Fastify app: the API under /api and the built game (dist/) as static files.
// Tests build it directly and use inject(); main.ts listens.
//
// Order matters: cookies are parsed, then the CSRF rule and the session hook run (onRequest, before
// any body is read), then each route validates its body and query against its JSON schema.
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { TrainerStore } from './store/trainer.ts';
import { AnalysisPool, DEFAULT_ANALYSIS } from './analysis/pool.ts';
import { ScenarioUploads } from './domain/uploads.ts';
import { Catalog, installCatalog } from './plugins/catalog.ts';
import { loadLibrary, type Library } from '../engine/files.ts';
import { formatError } from '../engine/load.ts';
import type { AnalysisLimits } from './analysis/pool.ts';
import type { RateLimitSetting, ServerContext } from './context.ts';
import { errorBody, installErrorHandlers } from './errors.ts';
import { installAuth } from './plugins/auth.ts';
import { installLimits } from './plugins/limits.ts';
import { installSecurity, type EmbedPolicy } from './plugins/security.ts';
import { installValidation } from './validation.ts';
import { registerAccountRoutes } from './routes/accounts.ts';
import { registerAssignmentRoutes } from './routes/assignments.ts';
import { registerAttemptRoutes } from './routes/attempts.ts';
import { registerLeaderboardRoutes } from './routes/leaderboards.ts';
import { registerLmsRoutes } from './routes/lms.ts';
import { registerOwnWordsLabelRoutes } from './routes/own-words-labels.ts';
import { registerScenarioRoutes } from './routes/scenarios.ts';
import { registerTeamRoutes } from './routes/teams.ts';
import { registerTrainerRoutes } from './routes/trainer.ts';
import { OWASP_SCRYPT, type ScryptParams } from './security/passwords.ts';
import type { Store } from './store/index.ts';
import { XapiOutbox, type XapiConfig } from './xapi/outbox.ts';

export interface AppOptions {
  store: Store;
  /** Scenarios; default: loadLibrary() from scenarios/. */
  library?: Library;
  /** Folder of the production build to serve; skipped when missing or false. */
  distDir?: string | false;
  logger?: FastifyServerOptions['logger'];
  /**
   * Trust X-Forwarded-* from reverse proxies (client IP for rate limits, https for Secure cookies and
   * HSTS): a hop count or proxy addresses/CIDR ranges, see parseTrustProxy. `true` means one hop: the
   * left-most X-Forwarded-For value is whatever the client wrote, so it is never trusted.
   */
  trustProxy?: boolean | number | string | string[];
  /** scrypt cost; tests lower it, production keeps the OWASP default. */
  passwordParams?: ScryptParams;
  sessionTtlMs?: number;
  loginLimit?: RateLimitSetting;
  signupLimit?: RateLimitSetting;
  /** Failed logins per IP (any email). */
  loginIpLimit?: RateLimitSetting;
  /** Attempt submissions per user. */
  attemptLimit?: RateLimitSetting;
  /** Budgets of the analysis of uploaded scenarios (steps, milliseconds, queue). */
  analysis?: Partial<AnalysisLimits>;
  /** Voice and art of published studio versions; false: this process makes none (tests). */
  studioMedia?: ServerContext['studioMedia'];
  /** Who may frame the game (FRAME_ANCESTORS) and the LRS origins it may call; default: nobody, none. */
  embed?: EmbedPolicy;
  /** Forward every attempt's xAPI statements to this LRS (see xapi/outbox.ts); default: none. */
  xapi?: XapiConfig | null;
}

/**
 * TRUST_PROXY: unset, "0" or "false": no proxy, X-Forwarded-* is ignored. A whole number n: n proxies
 * stand in front (the client is the n-th address from the right of X-Forwarded-For, the ones the
 * proxies appended); "true" is 1. Anything else: a comma-separated list of proxy addresses or CIDR
 * ranges ("127.0.0.1,10.0.0.0/8"): hops from those are skipped and the first other address from the
 * right is the client. Throws on a value that is neither.
 */
export function parseTrustProxy(value: string | undefined): number | string[] | false {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Math.min(Number(v), 32);
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const address = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/[0-9]{1,3})?$|^(?:loopback|linklocal|uniquelocal)$/i;
  const bad = list.filter((x) => !address.test(x));
  if (list.length === 0 || bad.length) {
    throw new Error(`TRUST_PROXY must be a number of proxies or a list of proxy addresses, not "${bad[0] ?? v}"`);
  }
  return list;
}

/**
 * What Fastify is given. A hop count becomes "trust the n nearest hops" (Fastify itself now refuses
 * a bare number): the immediate peer is then taken for a proxy, so a hop count suits a server that
 * only the proxy can reach (HOST=127.0.0.1 behind it); otherwise list the proxies' addresses.
 */
function trustProxySetting(tp: AppOptions['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (tp === true) tp = 1;
  if (typeof tp === 'number') {
    const hops = tp;
    return hops > 0 ? (_address: string, hop: number) => hop < hops : false;
  }
  return tp ?? false;
}

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');
export const DEFAULT_SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One log line per request would cost more than the request at benchmark rates; errors are logged.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxySetting(options.trustProxy),
    bodyLimit: 64 * 1024,
    // Errors raised before routing (a malformed URL, a bad content-type header) get the same body.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      (reply as FastifyReply).code(status).send(errorBody(status, error.message));
    },
  });

  // Every API route validates its query string: routes that take no parameters get an empty schema
  // (unknown parameters are dropped), so a handler never reads what no schema described.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    route.schema = { ...route.schema };
    route.schema.querystring ??= { type: 'object', additionalProperties: false, properties: {} };
  });

  const library = options.library ?? loadLibrary();
  for (const e of library.errors) app.log.warn(`scenario left out: ${formatError(e)}`);

  const trainerStore = new TrainerStore(options.store.db);
  const uploads = new ScenarioUploads(library, trainerStore, (m) => app.log.warn(m), new AnalysisPool({ ...DEFAULT_ANALYSIS, ...options.analysis }));
  await uploads.refresh(true);
  const ctx: ServerContext = {
    store: options.store,
    trainerStore,
    library,
    catalog: new Catalog(uploads),
    passwordParams: options.passwordParams ?? OWASP_SCRYPT,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    loginLimit: options.loginLimit ?? { max: 10, timeWindow: 15 * 60 * 1000 },
    signupLimit: options.signupLimit ?? { max: 20, timeWindow: 15 * 60 * 1000 },
    analysis: options.analysis,
    studioMedia: options.studioMedia,
    xapi: options.xapi ? new XapiOutbox(options.store.db, library, options.xapi) : undefined,
  };
  if (ctx.xapi) {
    const outbox = ctx.xapi;
    app.addHook('onReady', () => outbox.start());
    app.addHook('onClose', () => outbox.stop());
  }

  installErrorHandlers(app);
  installValidation(app);
  await app.register(fastifyCookie);
  await installSecurity(app, ctx.store.db, options.embed);
  installAuth(app, ctx.store);
  installLimits(app, {
    loginIpLimit: options.loginIpLimit ?? { max: 30, timeWindow: 15 * 60 * 1000 },
    attemptLimit: options.attemptLimit ?? { max: 30, timeWindow: 10 * 60 * 1000 },
  });

  installCatalog(app, ctx.catalog);

  registerScenarioRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerAssignmentRoutes(app, ctx);
  registerAttemptRoutes(app, ctx);
  registerLeaderboardRoutes(app, ctx);
  registerLmsRoutes(app, ctx);
  registerOwnWordsLabelRoutes(app, ctx);
  registerTrainerRoutes(app, ctx, options.distDir ?? DIST_DIR);

  const dist = options.distDir === undefined ? DIST_DIR : options.distDir;
  if (dist && existsSync(dist)) {
    const hashed = join(resolve(dist), 'assets') + sep;
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      setHeaders(reply, path) {
        // Vite puts content hashes in the names under assets/: cache those for good, revalidate the rest.
        reply.header('cache-control', path.startsWith(hashed) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
