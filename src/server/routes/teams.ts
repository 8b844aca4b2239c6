// Teams: trainers create and own them; trainees belong to one, joined with its invite code.
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { DuplicateError, type Store, type Team, type TeamWithCount, type User } from '../store/index.ts';
import { assignmentJson, statusOf } from './assignments.ts';
import { attemptSummaryJson } from './attempts.ts';
import { bigId, cleanName, id, object, scenarioId, teamName, teamParams } from './schemas.ts';

// No 0/O, 1/I/L: codes are read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** XXXX-XXXX for people; stored without the dash. */
export function displayCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function teamJson(t: Team & { members?: number }, withInvite: boolean) {
  return {
    id: t.id,
    name: t.name,
    ...(withInvite ? { inviteCode: displayCode(t.inviteCode) } : {}),
    ...(t.members !== undefined ? { members: t.members } : {}),
    createdAt: t.createdAt,
  };
}

/** The team, when the user may see it: its trainer, or (when allowTrainee) a member. */
export async function visibleTeam(store: Store, user: User, teamId: number, allowTrainee: boolean): Promise<Team> {
  return checkTeamAccess(await store.teamById(teamId), teamId, user, allowTrainee);
}

/** 404 without a team, 403 unless the user is its trainer or (when allowTrainee) a member. */
export function checkTeamAccess(team: Team | null, teamId: number, user: User, allowTrainee: boolean): Team {
  if (!team) throw notFound(`no team ${teamId}`);
  if (user.role === 'trainer' && team.trainerId === user.id) return team;
  if (allowTrainee && user.role === 'trainee' && user.teamId === team.id) return team;
  throw forbidden(user.role === 'trainer' ? 'this team belongs to another trainer' : 'you are not in this team');
}

export function registerTeamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post<{ Body: { name: string } }>(
    '/api/teams',
    { config: { auth: 'trainer' }, schema: { body: object({ name: teamName }, ['name']) } },
    async (request, reply) => {
      const user = request.user as User;
      for (let tries = 0; ; tries++) {
        try {
          const team: TeamWithCount = { ...(await store.createTeam(user.id, cleanName(request.body.name), newInviteCode())), members: 0 };
          reply.code(201);
          return teamJson(team, true);
        } catch (e) {
          // 31^8 codes: a collision is rare, two in a row rarer still.
          if (!(e instanceof DuplicateError) || tries >= 3) throw e;
        }
      }
    },
  );

  app.get('/api/teams', { config: { auth: 'user' } }, async (request) => {
    const user = request.user as User;
    if (user.role === 'trainer') return { teams: (await store.teamsOfTrainer(user.id)).map((t) => teamJson(t, true)) };
    if (user.teamId == null) return { teams: [] };
    const team = await store.teamById(user.teamId);
    return { teams: team ? [teamJson({ ...team, members: await store.memberCount(team.id) }, false)] : [] };
  });

  // The trainer's view of one team: members, how much they played, and where each stands on each
  // assignment.
  app.get<{ Params: { teamId: number } }>('/api/teams/:teamId', { config: { auth: 'trainer' }, schema: { params: teamParams } }, async (request) => {
    const team = await visibleTeam(store, request.user as User, request.params.teamId, false);
    const [members, assignments] = await Promise.all([store.teamMembers(team.id), store.assignmentsOfTeam(team.id)]);
    const progress = await store.progressOf(assignments.map((a) => a.id));
    const byKey = new Map(progress.map((p) => [`${p.assignmentId}:${p.userId}`, p]));
    const now = Date.now();
    return {
      team: teamJson({ ...team, members: members.length }, true),
      assignments: assignments.map((a) => assignmentJson(a)),
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        email: m.email,
        attempts: m.attempts,
        scenariosPlayed: m.scenarios,
        lastAttemptAt: m.lastAttemptAt,
        leaderboardOptOut: m.leaderboardOptOut,
        assignments: assignments.map((a) => {
          const p = byKey.get(`${a.id}:${m.id}`);
          return { assignmentId: a.id, status: statusOf(a, p, now), attempts: p?.attempts ?? 0, best: p?.best ?? null };
        }),
      })),
    };
  });

  app.get<{ Params: { teamId: number }; Querystring: { userId?: number; scenario?: string; limit: number; before?: number } }>(
    '/api/teams/:teamId/attempts',
    {
      config: { auth: 'trainer' },
      schema: {
        params: teamParams,
        querystring: object({ userId: id, scenario: scenarioId, limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, before: bigId }),
      },
    },
    async (request) => {
      const team = await visibleTeam(store, request.user as User, request.params.teamId, false);
      const q = request.query;
      const rows = await store.attemptsOfTeam(team.id, { limit: q.limit, before: q.before, scenarioId: q.scenario, userId: q.userId });
      return { attempts: rows.map((a) => ({ ...attemptSummaryJson(a), userName: a.userName })) };
    },
  );
}
