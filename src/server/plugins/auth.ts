// Sessions and roles. A session is an opaque random token in an httpOnly cookie; the database keeps
// only its SHA-256, so every server process sharing the database knows every session. Routes say who
// may call them with `config: { auth }`; the hook answers 401/403 before the body is even read.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role, Store, User } from '../store/index.ts';
import { ApiError, errorBody } from '../errors.ts';

export type AuthRequirement = 'optional' | 'user' | Role;

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in user, when the route looked (config.auth set). */
    user: User | null;
  }
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
}

export const SESSION_COOKIE = 'mir_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Cookie values we issue: 43 base64url characters. Anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function sessionToken(request: FastifyRequest): string | null {
  const token = request.cookies?.[SESSION_COOKIE];
  return token && TOKEN_PATTERN.test(token) ? token : null;
}

export function installAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    const need = request.routeOptions.config?.auth;
    if (!need) return;
    const token = sessionToken(request);
    if (token) request.user = await store.sessionUser(hashToken(token));
    if (need === 'optional') return;
    if (!request.user) {
      return reply.code(401).send(errorBody(401, token ? 'your session has ended; log in again' : 'log in first'));
    }
    if (need !== 'user' && request.user.role !== need) {
      return reply.code(403).send(errorBody(403, `only a ${need} can do this`));
    }
  });
}

/**
 * The user of a route that requires one (`config.auth` 'user' or a role). The hook has already
 * answered 401 without one, so this only turns the nullable field into a checked value.
 */
export function signedIn(request: FastifyRequest): User {
  if (!request.user) throw new ApiError(401, 'log in first');
  return request.user;
}

export interface SessionOptions {
  ttlMs: number;
}

/** Logs the user in with a brand-new session id, ending the session the request came with (if any). */
export async function startSession(request: FastifyRequest, reply: FastifyReply, store: Store, user: User, opts: SessionOptions): Promise<void> {
  const previous = sessionToken(request);
  if (previous) await store.deleteSession(hashToken(previous));
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + opts.ttlMs);
  await store.createSession(user.id, hashToken(token), expires);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}

export async function endSession(request: FastifyRequest, reply: FastifyReply, store: Store): Promise<void> {
  const token = sessionToken(request);
  if (token) await store.deleteSession(hashToken(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
