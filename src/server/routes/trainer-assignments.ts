// Assignments from the dashboard: several scenarios at once, for the whole team or chosen trainees;
// edit (due date, pass mark, attempt limit, trainees) and withdraw.
//
// Assignments for chosen trainees live in assignment_trainees; the core routes read them through
// the trainer store in the context and apply domain/assignments.ts isFor (POST /api/attempts answers
// 403 for an assignment not set for the caller; GET /api/me/assignments lists and counts by it).
import type { FastifyInstance } from 'fastify';
import type { AssignmentJson } from '../../shared/types.ts';
import type { ServerContext } from '../context.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { MIN_PASS_MARK } from '../../engine/report.ts';
import type { Assignment, Store, User } from '../store/index.ts';
import type { TrainerStore } from '../store/trainer.ts';
import { assignmentJson } from '../domain/assignments.ts';
import { dueAt, dueDate, id, idParams, object, scenarioId, teamParams } from './schemas.ts';
import { visibleTeam } from '../domain/teams.ts';
import { signedIn } from '../plugins/auth.ts';

// Never below MIN_PASS_MARK: a customer who was not won back is capped under it, so a pass means won back.
const passMark = { type: 'integer', minimum: MIN_PASS_MARK, maximum: 100 } as const;
const maxAttempts = { type: ['integer', 'null'], minimum: 1, maximum: 1000 } as const;
/** null or absent: the whole team. */
const trainees = { anyOf: [{ type: 'array', items: id, minItems: 1, maxItems: 1000, uniqueItems: true }, { type: 'null' }] } as const;

interface NewBody {
  scenarioIds: string[];
  trainees?: number[] | null;
  dueAt: string;
  passMark: number;
  maxAttempts: number | null;
  ownWords: boolean;
}

interface PatchBody {
  dueAt?: string;
  passMark?: number;
  maxAttempts?: number | null;
  trainees?: number[] | null;
  ownWords?: boolean;
}

export function trainerAssignmentJson(a: Assignment, title: string | null, chosen: number[] | undefined): AssignmentJson {
  return { ...assignmentJson(a), scenarioTitle: title, trainees: chosen ?? null };
}

/** The assignment, when it belongs to a team the trainer owns. */
async function ownAssignment(store: Store, user: User, assignmentId: number): Promise<Assignment> {
  const a = await store.assignmentById(assignmentId);
  if (!a) throw notFound(`no assignment ${assignmentId}`);
  await visibleTeam(store, user, a.teamId, false);
  return a;
}

export function registerTrainerAssignmentRoutes(app: FastifyInstance, ctx: ServerContext, trainerStore: TrainerStore): void {
  const { store, library } = ctx;
  const title = (sid: string) => library.scenarios.get(sid)?.title ?? null;

  async function checkTrainees(teamId: number, ids: number[] | null | undefined): Promise<number[] | null> {
    if (!ids) return null;
    const found = await trainerStore.traineesInTeam(teamId, ids);
    const missing = ids.filter((i) => !found.includes(i));
    if (missing.length) throw unprocessable(`not trainees of this team: ${missing.join(', ')}`, { trainees: missing });
    return found;
  }

  app.get<{ Params: { teamId: number } }>(
    '/api/teams/:teamId/assignments',
    { config: { auth: 'trainer' }, schema: { params: teamParams } },
    async (request) => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      const rows = await store.assignmentsOfTeam(team.id);
      const chosen = await trainerStore.traineesOf(rows.map((a) => a.id));
      return { assignments: rows.map((a) => trainerAssignmentJson(a, title(a.scenarioId), chosen.get(a.id))) };
    },
  );

  app.post<{ Params: { teamId: number }; Body: NewBody }>(
    '/api/teams/:teamId/assignments',
    {
      config: { auth: 'trainer', scenarios: 'assign' },
      schema: {
        params: teamParams,
        body: object(
          {
            scenarioIds: { type: 'array', items: scenarioId, minItems: 1, maxItems: 50, uniqueItems: true },
            trainees,
            dueAt,
            passMark: { ...passMark, default: 70 },
            maxAttempts: { ...maxAttempts, default: null },
            ownWords: { type: 'boolean', default: false },
          },
          ['scenarioIds', 'dueAt'],
        ),
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const b = request.body;
      const due = dueDate(b.dueAt);
      const team = await visibleTeam(store, user, request.params.teamId, false);
      const unknown = b.scenarioIds.filter((s) => !library.scenarios.has(s));
      if (unknown.length) throw unprocessable(`no scenario ${unknown.map((s) => `"${s}"`).join(', ')}`, { scenarioIds: unknown });
      const chosen = await checkTrainees(team.id, b.trainees);
      const created = await trainerStore.createAssignments({
        teamId: team.id,
        scenarioIds: b.scenarioIds,
        dueAt: due,
        passMark: b.passMark,
        maxAttempts: b.maxAttempts,
        createdBy: user.id,
        trainees: chosen,
        ownWords: b.ownWords,
      });
      reply.code(201);
      return { assignments: created.map((a) => trainerAssignmentJson(a, title(a.scenarioId), chosen ?? undefined)) };
    },
  );

  app.get<{ Params: { id: number } }>('/api/assignments/:id', { config: { auth: 'trainer' }, schema: { params: idParams } }, async (request) => {
    const a = await ownAssignment(store, signedIn(request), request.params.id);
    const chosen = await trainerStore.traineesOf([a.id]);
    return trainerAssignmentJson(a, title(a.scenarioId), chosen.get(a.id));
  });

  app.patch<{ Params: { id: number }; Body: PatchBody }>(
    '/api/assignments/:id',
    {
      config: { auth: 'trainer' },
      schema: { params: idParams, body: object({ dueAt, passMark, maxAttempts, trainees, ownWords: { type: 'boolean' } }) },
    },
    async (request) => {
      const b = request.body;
      if (Object.keys(b).length === 0) throw badRequest('nothing to change: send dueAt, passMark, maxAttempts, trainees or ownWords');
      const due = b.dueAt === undefined ? undefined : dueDate(b.dueAt);
      const a = await ownAssignment(store, signedIn(request), request.params.id);
      const chosen = b.trainees === undefined ? undefined : await checkTrainees(a.teamId, b.trainees);
      const updated = await trainerStore.updateAssignment(a.id, {
        dueAt: due,
        passMark: b.passMark,
        maxAttempts: b.maxAttempts,
        trainees: chosen,
        ownWords: b.ownWords,
      });
      if (!updated) throw notFound(`no assignment ${a.id}`);
      const now = await trainerStore.traineesOf([a.id]);
      return trainerAssignmentJson(updated, title(updated.scenarioId), now.get(a.id));
    },
  );

  app.delete<{ Params: { id: number } }>('/api/assignments/:id', { config: { auth: 'trainer' }, schema: { params: idParams } }, async (request, reply) => {
    const a = await ownAssignment(store, signedIn(request), request.params.id);
    await trainerStore.deleteAssignment(a.id);
    return reply.code(204).send();
  });
}
