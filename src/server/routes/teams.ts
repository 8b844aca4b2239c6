// Teams: trainers create and own them; trainees belong to one, joined with its invite code.
import { teamSchema, teamsResponse } from './responses.ts';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { newInviteCode, teamJson, visibleTeam } from '../domain/teams.ts';
import { DuplicateError, type TeamWithCount } from '../store/index.ts';
import { assignmentJson, statusOf } from '../domain/assignments.ts';
import { attemptSummaryJson } from './attempts.ts';
import { bigId, cleanName, id, object, scenarioId, teamName, teamParams } from './schemas.ts';
import { signedIn } from '../plugins/auth.ts';

export function registerTeamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.post<{ Body: { name: string } }>(
    '/api/teams',
    { config: { auth: 'trainer' }, schema: { body: object({ name: teamName }, ['name']), response: { 201: teamSchema } } },
    async (request, reply) => {
      const user = signedIn(request);
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

  app.get('/api/teams', { config: { auth: 'user' }, schema: { response: { 200: teamsResponse } } }, async (request) => {
    const user = signedIn(request);
    if (user.role === 'trainer') return { teams: (await store.teamsOfTrainer(user.id)).map((t) => teamJson(t, true)) };
    if (user.teamId == null) return { teams: [] };
    const team = await store.teamById(user.teamId);
    return { teams: team ? [teamJson({ ...team, members: await store.memberCount(team.id) }, false)] : [] };
  });

  // The trainer's view of one team: members, how much they played, and where each stands on each
  // assignment.
  app.get<{ Params: { teamId: number } }>('/api/teams/:teamId', { config: { auth: 'trainer' }, schema: { params: teamParams } }, async (request) => {
    const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
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
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      const q = request.query;
      const rows = await store.attemptsOfTeam(team.id, { limit: q.limit, before: q.before, scenarioId: q.scenario, userId: q.userId });
      return { attempts: rows.map((a) => ({ ...attemptSummaryJson(a), userName: a.userName })) };
    },
  );
}
