// What a trainer reads: the progress matrix (JSON, or CSV with the same filters and sort as the page),
// a trainee's attempts with full transcripts, and a team's common mistakes at a scenario.
import { OwnWordsStore } from '../store/own-words.ts';
import type { OwnWordsTurn } from '../../shared/own-words.ts';
import type { FastifyInstance } from 'fastify';
import { csvFileName, buildRows, csvRows, filterRows, sortRows, STATUSES, type SortDir, type SortKey } from '../../shared/progress.ts';
import { toCsv } from '../../shared/csv.ts';
import { brokenRules, decisions } from '../../shared/mistakes.ts';
import { attemptDetail } from '../../shared/transcript.ts';
import type { MistakesJson, ProgressCell, ProgressJson, Status, TraineeAttemptsJson } from '../../shared/types.ts';
import type { ServerContext } from '../context.ts';
import { forbidden, notFound, unprocessable } from '../errors.ts';
import { signedIn } from '../plugins/auth.ts';
import type { TrainerStore } from '../store/trainer.ts';
import { isFor, statusOf } from '../domain/assignments.ts';
import { id, idParams, object, scenarioId, teamParams } from './schemas.ts';
import { visibleTeam } from '../domain/teams.ts';
import { loadVersionsOf, scenarioOf } from '../domain/versions.ts';
import { StudioStore } from '../store/studio.ts';
import { trainerAssignmentJson } from './trainer-assignments.ts';
import { figuresReady, summaryOf } from '../domain/uploads.ts';

interface ProgressQuery {
  format: 'json' | 'csv';
  q?: string;
  status?: Status;
  assignment?: number;
  sort: SortKey;
  dir: SortDir;
}

export function registerTrainerProgressRoutes(app: FastifyInstance, ctx: ServerContext, trainerStore: TrainerStore): void {
  const { store, library } = ctx;

  async function progressOf(teamId: number, teamName: string): Promise<ProgressJson> {
    const [members, assignments] = await Promise.all([store.teamMembers(teamId), store.assignmentsOfTeam(teamId)]);
    const ids = assignments.map((a) => a.id);
    const [progress, chosen] = await Promise.all([store.progressOf(ids), trainerStore.traineesOf(ids)]);
    const byKey = new Map(progress.map((p) => [`${p.assignmentId}:${p.userId}`, p]));
    const now = Date.now();
    const cells: ProgressCell[] = [];
    for (const m of members) {
      for (const a of assignments) {
        const p = byKey.get(`${a.id}:${m.id}`);
        const assigned = isFor(chosen.get(a.id), m.id);
        cells.push({
          assignmentId: a.id,
          userId: m.id,
          status: assigned ? statusOf(a, p, now) : 'not-assigned',
          best: p?.best ?? null,
          attempts: p?.attempts ?? 0,
          lastAt: p?.lastAt ?? null,
        });
      }
    }
    return {
      team: { id: teamId, name: teamName },
      assignments: assignments.map((a) => trainerAssignmentJson(a, library.scenarios.get(a.scenarioId)?.title ?? null, chosen.get(a.id))),
      trainees: members.map((m) => ({ id: m.id, name: m.name, email: m.email })),
      cells,
      generatedAt: new Date(now).toISOString(),
    };
  }

  app.get<{ Params: { teamId: number }; Querystring: ProgressQuery }>(
    '/api/teams/:teamId/progress',
    {
      config: { auth: 'trainer' },
      schema: {
        params: teamParams,
        querystring: object({
          format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
          q: { type: 'string', maxLength: 80 },
          status: { type: 'string', enum: [...STATUSES] },
          assignment: id,
          sort: { type: 'string', pattern: '^(name|progress|a:[0-9]{1,10})$', default: 'name' },
          dir: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
        }),
      },
    },
    async (request, reply) => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      const data = await progressOf(team.id, team.name);
      const q = request.query;
      if (q.format !== 'csv') return data;
      const filter = { q: q.q, status: q.status, assignment: q.assignment };
      const rows = sortRows(filterRows(buildRows(data), data, filter), data, q.sort, q.dir);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(team.name)}"`)
        .header('cache-control', 'no-store');
      // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names with accents).
      return `\uFEFF${toCsv(csvRows(data, rows, filter))}`;
    },
  );

  app.get<{ Params: { id: number }; Querystring: { limit: number } }>(
    '/api/trainees/:id/attempts',
    {
      config: { auth: 'trainer' },
      schema: { params: idParams, querystring: object({ limit: { type: 'integer', minimum: 1, maximum: 200, default: 100 } }) },
    },
    async (request): Promise<TraineeAttemptsJson> => {
      const user = signedIn(request);
      const found = await trainerStore.traineeWithTeam(request.params.id);
      if (!found || found.user.role !== 'trainee') throw notFound(`no trainee ${request.params.id}`);
      if (!found.team || found.team.trainerId !== user.id) throw forbidden('this trainee is not in one of your teams');
      const { attempts, more } = await trainerStore.attemptsWithReports(found.user.id, request.query.limit);
      await loadVersionsOf(library, new StudioStore(store.db), attempts);
      const typed = await new OwnWordsStore(store.db).of(attempts.map((a) => a.id));
      return {
        trainee: { id: found.user.id, name: found.user.name, email: found.user.email, teamId: found.team.id, teamName: found.team.name },
        attempts: attempts.map((a) => withOwnWords(attemptDetail(scenarioOf(library, a), a), typed.get(a.id))),
        more,
      };
    },
  );

  app.get<{ Params: { teamId: number }; Querystring: { scenario: string } }>(
    '/api/teams/:teamId/mistakes',
    {
      config: { auth: 'trainer' },
      schema: { params: teamParams, querystring: object({ scenario: scenarioId }, ['scenario']) },
    },
    async (request): Promise<MistakesJson> => {
      const team = await visibleTeam(store, signedIn(request), request.params.teamId, false);
      const s = library.scenarios.get(request.query.scenario);
      if (!s) throw unprocessable(`no scenario "${request.query.scenario}"`);
      const tallies = await trainerStore.mistakeTallies(team.id, s.id);
      await figuresReady(s);
      const best = summaryOf(s)?.best.report.turns ?? [];
      return {
        team: { id: team.id, name: team.name },
        scenario: { id: s.id, title: s.title },
        attempts: tallies.attempts,
        trainees: tallies.trainees,
        rules: brokenRules(tallies.rules),
        decisions: decisions(s, tallies.choices, new Set(best.map((t) => `${t.node}:${t.choice}`)), tallies.costs),
      };
    },
  );
}

/** The typed replies of an own-words attempt beside its transcript. */
function withOwnWords<T extends object>(detail: T, typed: OwnWordsTurn[] | undefined): T & { ownWords?: OwnWordsTurn[] } {
  return typed ? { ...detail, ownWords: typed } : detail;
}
