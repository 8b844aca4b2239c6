// Accounts: first-run setup, log in / log out, who am I, joining a team, preferences.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { badRequest, conflict, notFound, unauthorized } from '../errors.ts';
import { normalizeInviteCode } from '../../shared/http.ts';
import { endSession, startSession, signedIn } from '../plugins/auth.ts';
import { burnPasswordCheck, commonPasswordProblem, hashPassword, verifyPassword } from '../security/passwords.ts';
import { DuplicateError, type Store, type User } from '../store/index.ts';
import { meResponse, preferencesResponse, setupNeededResponse } from './responses.ts';
import { cleanName, email, inviteCode, normalizeEmail, object, password, personName } from './schemas.ts';
import { teamJson } from '../domain/teams.ts';

export function userJson(u: User) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, teamId: u.teamId, leaderboardOptOut: u.leaderboardOptOut, createdAt: u.createdAt };
}

/** The teams a user sees: a trainer's own teams (with invite codes), a trainee's team. */
export async function teamsOf(store: Store, user: User) {
  if (user.role === 'trainer') return (await store.teamsOfTrainer(user.id)).map((t) => teamJson(t, true));
  if (user.teamId == null) return [];
  const team = await store.teamById(user.teamId);
  return team ? [teamJson({ ...team, members: await store.memberCount(team.id) }, false)] : [];
}

/** Invite codes are shown as XXXX-XXXX; people type them with spaces, dashes, lower case. */

export function registerAccountRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const session = { ttlMs: ctx.sessionTtlMs };
  const signupLimit = { max: ctx.signupLimit.max, timeWindow: ctx.signupLimit.timeWindow, groupId: 'signup' };

  app.post<{ Body: { email: string; password: string; name: string } }>(
    '/api/setup',
    {
      config: { rateLimit: signupLimit },
      schema: { body: object({ email, password, name: personName }, ['email', 'password', 'name']), response: { 201: meResponse } },
    },
    async (request, reply) => {
      if ((await store.trainerCount()) > 0) throw conflict('setup is done: a trainer account exists; log in instead');
      const { password: pw } = request.body;
      const weak = commonPasswordProblem(pw);
      if (weak) throw badRequest(weak);
      const user = await store.createFirstTrainer({
        email: normalizeEmail(request.body.email),
        name: cleanName(request.body.name),
        passwordHash: await hashPassword(pw, ctx.passwordParams),
      });
      if (!user) throw conflict('setup is done: a trainer account exists; log in instead');
      await startSession(request, reply, store, user, session);
      reply.code(201);
      return { user: userJson(user), teams: [] };
    },
  );

  app.get('/api/setup', { schema: { response: { 200: setupNeededResponse } } }, async () => ({ needed: (await store.trainerCount()) === 0 }));

  app.post<{ Body: { email: string; password: string } }>(
    '/api/session',
    {
      config: {
        rateLimit: {
          max: ctx.loginLimit.max,
          timeWindow: ctx.loginLimit.timeWindow,
          // After validation, so the key can include the email: one address cannot be guessed at
          // from one place, and one noisy client does not lock everybody out.
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${normalizeEmail(emailOf(request.body))}`,
          groupId: 'login',
        },
      },
      schema: { body: object({ email, password: { type: 'string', minLength: 1, maxLength: 200 } }, ['email', 'password']), response: { 200: meResponse } },
    },
    async (request, reply) => {
      const user = await store.userByEmail(normalizeEmail(request.body.email));
      if (!user) {
        await burnPasswordCheck(ctx.passwordParams);
        throw unauthorized('wrong email or password');
      }
      if (!(await verifyPassword(request.body.password, user.passwordHash))) throw unauthorized('wrong email or password');
      await startSession(request, reply, store, user, session);
      const { passwordHash: _omit, ...plain } = user;
      return { user: userJson(plain), teams: await teamsOf(store, plain) };
    },
  );

  app.delete('/api/session', { config: { auth: 'optional' } }, async (request, reply) => {
    await endSession(request, reply, store);
    return reply.code(204).send();
  });

  app.get('/api/me', { config: { auth: 'user' }, schema: { response: { 200: meResponse } } }, async (request) => {
    const user = signedIn(request);
    return { user: userJson(user), teams: await teamsOf(store, user) };
  });

  app.put<{ Body: { leaderboardOptOut: boolean } }>(
    '/api/me/preferences',
    { config: { auth: 'user' }, schema: { body: object({ leaderboardOptOut: { type: 'boolean' } }, ['leaderboardOptOut']), response: { 200: preferencesResponse } } },
    async (request) => {
      const user = signedIn(request);
      await store.setLeaderboardOptOut(user.id, request.body.leaderboardOptOut);
      return { leaderboardOptOut: request.body.leaderboardOptOut };
    },
  );

  app.post<{ Body: { inviteCode: string; name: string; email: string; password: string } }>(
    '/api/join',
    {
      config: { rateLimit: signupLimit },
      schema: {
        body: object(
          { inviteCode, name: personName, email, password },
          ['inviteCode', 'name', 'email', 'password'],
        ),
        response: { 201: meResponse },
      },
    },
    async (request, reply) => {
      const weak = commonPasswordProblem(request.body.password);
      if (weak) throw badRequest(weak);
      const team = await store.teamByInviteCode(normalizeInviteCode(request.body.inviteCode));
      if (!team) throw notFound('no team has that invite code; check it with your trainer');
      let user: User;
      try {
        user = await store.createUser({
          email: normalizeEmail(request.body.email),
          name: cleanName(request.body.name),
          role: 'trainee',
          passwordHash: await hashPassword(request.body.password, ctx.passwordParams),
          teamId: team.id,
        });
      } catch (e) {
        if (e instanceof DuplicateError) throw conflict('an account with this email exists; log in instead');
        throw e;
      }
      await startSession(request, reply, store, user, session);
      reply.code(201);
      return { user: userJson(user), teams: await teamsOf(store, user) };
    },
  );
}

/** The email field of a login body, or '' when it is missing or not text (the schema refuses it later). */
function emailOf(body: unknown): string {
  const email = body && typeof body === 'object' ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? email : '';
}
