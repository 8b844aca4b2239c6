// Assignments: a trainer sets a scenario for a team with a due date, a pass mark and an attempt limit;
// each trainee sees where they stand.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { unprocessable } from '../errors.ts';
import { MIN_PASS_MARK } from '../../engine/report.ts';
import { dueAt, dueDate, id, object, scenarioId } from './schemas.ts';
import { visibleTeam } from '../domain/teams.ts';
import { assignmentJson, isFor, statusOf } from '../domain/assignments.ts';
import { signedIn } from '../plugins/auth.ts';

interface NewAssignmentBody {
  teamId: number;
  scenarioId: string;
  dueAt: string;
  passMark: number;
  maxAttempts: number | null;
}

export function registerAssignmentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, library } = ctx;

  app.post<{ Body: NewAssignmentBody }>(
    '/api/assignments',
    {
      config: { auth: 'trainer', scenarios: 'assign' },
      schema: {
        body: object(
          {
            teamId: id,
            scenarioId,
            dueAt,
            passMark: { type: 'integer', minimum: MIN_PASS_MARK, maximum: 100, default: 70 },
            maxAttempts: { type: ['integer', 'null'], minimum: 1, maximum: 1000, default: null },
          },
          ['teamId', 'scenarioId', 'dueAt'],
        ),
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const b = request.body;
      const due = dueDate(b.dueAt);
      const team = await visibleTeam(store, user, b.teamId, false);
      if (!library.scenarios.has(b.scenarioId)) {
        throw unprocessable(`no scenario "${b.scenarioId}" (available: ${[...library.scenarios.keys()].sort().join(', ')})`);
      }
      const assignment = await store.createAssignment({
        teamId: team.id,
        scenarioId: b.scenarioId,
        dueAt: due,
        passMark: b.passMark,
        maxAttempts: b.maxAttempts,
        createdBy: user.id,
      });
      reply.code(201);
      return assignmentJson(assignment);
    },
  );

  app.get('/api/me/assignments', { config: { auth: 'user' } }, async (request) => {
    const user = signedIn(request);
    const now = Date.now();
    const title = (id: string) => library.scenarios.get(id)?.title ?? null;
    if (user.role === 'trainee') {
      if (user.teamId == null) return { assignments: [] };
      const all = await store.assignmentsWithProgress(user.teamId, user.id);
      // An assignment set for chosen trainees is shown to them only.
      const chosen = await ctx.trainerStore.traineesOf(all.map((a) => a.id));
      const rows = all.filter((a) => isFor(chosen.get(a.id), user.id));
      return {
        assignments: rows.map((a) => ({
          ...assignmentJson(a),
          scenarioTitle: title(a.scenarioId),
          status: statusOf(a, a.progress, now),
          attemptsUsed: a.progress.attempts,
          attemptsLeft: a.maxAttempts == null ? null : Math.max(0, a.maxAttempts - a.progress.attempts),
          best: a.progress.best,
          passedAt: a.progress.firstPassedAt,
        })),
      };
    }
    // A trainer: the assignments of their teams, with how many members are in each status.
    // Counted over the whole team, or over the chosen trainees when the assignment names some.
    const rows = await store.assignmentsOfTrainer(user.id);
    const ids = rows.map((a) => a.id);
    const [progress, chosen] = await Promise.all([store.progressOf(ids), ctx.trainerStore.traineesOf(ids)]);
    const teams = new Map((await store.teamsOfTrainer(user.id)).map((t) => [t.id, t.members]));
    return {
      assignments: rows.map((a) => {
        const only = chosen.get(a.id);
        const mine = progress.filter((p) => p.assignmentId === a.id && isFor(only, p.userId));
        const members = only ? only.length : (teams.get(a.teamId) ?? 0);
        const counts: Record<string, number> = { 'not-started': 0, 'in-progress': 0, passed: 0, failed: 0, overdue: 0 };
        for (const p of mine) counts[statusOf(a, p, now)]++;
        // Members without a progress row have not played it.
        counts[statusOf(a, undefined, now)] += Math.max(0, members - mine.length);
        return { ...assignmentJson(a), scenarioTitle: title(a.scenarioId), teamName: a.teamName, members, statusCounts: counts };
      }),
    };
  });
}
