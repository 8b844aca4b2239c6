// Security headers (helmet, with a Content-Security-Policy the game runs under), the CSRF rule for
// cookie-authenticated writes, and the rate limiter used by the login-like routes.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ApiError, errorBody } from '../errors.ts';

/**
 * What the game needs, and nothing more:
 * - scripts and styles from the same origin (Vite's build emits files, no inline script); inline
 *   style attributes are allowed for the DOM layer and chart/diagram libraries;
 * - images and audio from the origin, data: and blob: (Phaser turns SVG and generated textures into
 *   blob:/data: images; Howler may use data: audio);
 * - fetch/XHR to the origin only, plus data:/blob: (Phaser's and Howler's loaders read those too);
 * - workers from the origin or blob:;
 * - no eval: Phaser 4 and Howler do not need 'unsafe-eval'.
 * upgrade-insecure-requests is off so plain http://localhost keeps working; behind https the proxy
 * should add HSTS.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Name and value of the header every non-GET /api request must carry (see docs/api.md). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'make-it-right';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function installSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // The game loads only same-origin resources; COEP would block nothing useful and break embeds.
    crossOriginEmbedderPolicy: false,
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

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(context.statusCode, `too many attempts; try again in ${context.after}`),
  });
}
