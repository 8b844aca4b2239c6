// Security headers (helmet, with a Content-Security-Policy the game runs under), the CSRF rule for
// cookie-authenticated writes, and the rate limiter used by the login-like routes.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, CSRF_VALUE } from '../../shared/http.ts';
import { ApiError, errorBody } from '../errors.ts';
import type { Queryable } from '../store/db.ts';
import { databaseRateStore, waitText } from './limits.ts';

/**
 * What the game needs, and nothing more:
 * - scripts and styles from the same origin (Vite's build emits files, no inline script or style;
 *   the DOM layer sets styles through element.style, which CSP does not restrict); only the trainer
 *   dashboard's page allows inline styles (TRAINER_CSP): Mermaid puts a <style> in every diagram;
 * - images and audio from the origin, data: and blob: (Phaser turns SVG and generated textures into
 *   blob:/data: images; Howler may use data: audio);
 * - fetch/XHR to the origin only, plus data:/blob: (Phaser's and Howler's loaders read those too);
 * - workers from the origin or blob: (the game's service worker, /sw.js, is same-origin), and the web
 *   app manifest from the origin;
 * - no eval: Phaser 4 and Howler do not need 'unsafe-eval'.
 * upgrade-insecure-requests is off so plain http://localhost keeps working. HSTS is sent only on
 * requests that came over https (directly, or through a trusted proxy's X-Forwarded-Proto): over
 * plain http a browser ignores it, and a server reached at http://localhost must stay reachable.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The policy as a header value. */
export function cspHeader(directives: Record<string, string[] | null>): string {
  return Object.entries(directives)
    .map(([k, v]) => (v === null ? null : [kebab(k), ...v].join(' ')))
    .filter((d): d is string => d !== null && !d.startsWith('upgrade-insecure-requests'))
    .join(';');
}

/** The trainer dashboard's page: the same policy with inline styles, for Mermaid's diagrams. */
export const TRAINER_CSP = cspHeader({ ...CSP_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] });

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';


const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who may embed the game (an LMS frames it) and which other origins it may call (the LMS's LRS). */
export interface EmbedPolicy {
  frameAncestors: string[];
  connectSrc: string[];
}

export const NO_EMBEDDING: EmbedPolicy = { frameAncestors: ["'none'"], connectSrc: [] };

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i;

function origins(value: string | undefined, name: string): string[] {
  const list = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = list.find((o) => !ORIGIN.test(o));
  if (bad) throw new Error(`${name} takes origins like https://lms.example.com, not "${bad}"`);
  return list.map((o) => o.replace(/\/+$/, ''));
}

/**
 * FRAME_ANCESTORS: unset or "none": nobody may frame the game; "self": only this origin; otherwise
 * the LMS origins (space or comma separated) that may. LRS_ORIGINS: further origins the game may send
 * xAPI to (the LMS origins above are allowed already). Throws on anything else.
 */
export function embedPolicyFromEnv(env: Record<string, string | undefined> = process.env): EmbedPolicy {
  const raw = (env.FRAME_ANCESTORS ?? '').trim();
  const lrs = origins(env.LRS_ORIGINS, 'LRS_ORIGINS');
  if (raw === '' || raw === 'none' || raw === "'none'") return { frameAncestors: ["'none'"], connectSrc: lrs };
  if (raw === 'self' || raw === "'self'") return { frameAncestors: ["'self'"], connectSrc: lrs };
  const list = origins(raw.replace(/'self'|\bself\b/g, ''), 'FRAME_ANCESTORS');
  const self = /'self'|\bself\b/.test(raw) ? ["'self'"] : [];
  return { frameAncestors: [...self, ...list], connectSrc: [...new Set([...list, ...lrs])] };
}

export async function installSecurity(app: FastifyInstance, db: Queryable, embed: EmbedPolicy = NO_EMBEDDING): Promise<void> {
  const directives = { ...CSP_DIRECTIVES, frameAncestors: embed.frameAncestors, connectSrc: [...CSP_DIRECTIVES.connectSrc, ...embed.connectSrc] };
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    // An LMS that frames the game needs no X-Frame-Options (frame-ancestors decides, and wins in every current browser).
    frameguard: embed.frameAncestors[0] === "'none'" ? undefined : false,
    // The game loads only same-origin resources; COEP would block nothing useful and break embeds.
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
  });

  // CSRF: a cross-site form or fetch cannot set a custom header without a CORS preflight, which this
  // server never approves. So a write that carries the header came from our own pages. The rule holds
  // for every unsafe method on every path: the raw URL is not what gets routed (/%61pi/… and an
  // absolute-form request line reach /api/… too), so no prefix test decides it.
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers[CSRF_HEADER] !== CSRF_VALUE) {
      return reply.code(403).send(errorBody(403, `requests that change data need the header "${CSRF_HEADER}: ${CSRF_VALUE}"`));
    }
  });

  // Counters in the database, shared by every process on it (plugins/limits.ts).
  await app.register(rateLimit, {
    global: false,
    store: databaseRateStore(db) as unknown as NonNullable<Parameters<typeof rateLimit>[1]>['store'],
    errorResponseBuilder: (_request, context) =>
      new ApiError(context.statusCode, `too many attempts; try again in ${waitText(Math.ceil(context.ttl / 1000))}`),
  });
}
