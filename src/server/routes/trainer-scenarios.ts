// The scenario library for trainers: every scenario with its route count, score range, skills and a
// Mermaid diagram (from the engine), and upload of new scenarios as YAML. Who sees which upload is
// the catalog's rule (plugins/catalog.ts), applied to every route that names a scenario.
//
// Uploads are validated exactly like `npm run cli -- lint` (loader errors, then the structural
// analysis), stored in scenario_uploads, and added to the server's scenario library (ctx.library), the
// one map every route looks scenarios up in: once accepted, a scenario can be assigned, played and
// replayed like the files in scenarios/. A file with problems is never stored, so it can never replace
// a good one. Built-in ids cannot be taken over. Several server processes on one PostgreSQL pick up
// each other's uploads: see ScenarioUploads.refresh (domain/uploads.ts).
import type { FastifyInstance } from 'fastify';
import { toMermaid } from '../../engine/graph.ts';
import type { Scenario } from '../../engine/schema.ts';
import { skillsOf } from '../../shared/skills.ts';
import type { ScenarioCard, ScenarioDetail } from '../../shared/types.ts';
import type { ServerContext } from '../context.ts';
import { ApiError, conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { StudioStore } from '../store/studio.ts';
import { studioMediaBase } from '../../shared/studio.ts';
import { figuresReady, gameabilityOf, recordFigures, summaryOf, type UploadMeta } from '../domain/uploads.ts';
import type { User } from '../store/index.ts';
import { signedIn } from '../plugins/auth.ts';
import { email, id, normalizeEmail, object, scenarioId } from './schemas.ts';

export const MAX_SCENARIO_BYTES = 200_000;

// ---- validation ---------------------------------------------------------------------------------

/** A safe display name for an uploaded file: its base name, plain characters, .yaml/.yml. */
export function uploadFileName(name: string | undefined, fallback = 'upload.yaml'): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') ?? '';
  if (!base) return fallback;
  return /\.ya?ml$/i.test(base) ? base : `${base}.yaml`;
}

export function scenarioCard(s: Scenario, meta: UploadMeta | undefined): ScenarioCard {
  const sum = summaryOf(s);
  const range = (k: 'overall' | 'empathy' | 'ownership' | 'timing') => ({ min: sum?.min[k] ?? 0, max: sum?.max[k] ?? 0 });
  return {
    id: s.id,
    title: s.title,
    difficulty: s.difficulty,
    setting: s.setting,
    company: s.company,
    customerName: s.customer.name,
    briefing: s.briefing,
    skills: sum ? skillsOf(sum.best.report.turns) : [],
    routes: sum?.count ?? 0,
    truncated: sum?.truncated ?? false,
    score: sum ? { overall: range('overall'), empathy: range('empathy'), ownership: range('ownership'), timing: range('timing') } : null,
    outcomes: sum?.outcomes ?? {},
    gameability: sum ? gameabilityOf(s) : null,
    source: meta ? 'uploaded' : 'built-in',
    uploadedAt: meta?.uploadedAt ?? null,
    uploadedBy: meta?.uploadedBy ?? null,
  };
}

// ---- routes -------------------------------------------------------------------------------------

export function registerTrainerScenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { library, catalog } = ctx;
  const { uploads, access } = catalog;
  const card = (s: Scenario) => scenarioCard(s, uploads.meta.get(s.id));
  const visibleScenarios = async (user: User | null) => {
    await uploads.refresh();
    return catalog.visibleTo(user);
  };

  app.get('/api/trainer/library', { config: { auth: 'trainer' } }, async (request) => {
    const all = await visibleScenarios(request.user);
    await Promise.all(all.map(figuresReady));
    return {
      scenarios: all.sort((a, b) => a.title.localeCompare(b.title)).map(card),
      /** Files in scenarios/ that were left out, so a trainer knows why one is missing. */
      problems: library.errors,
    };
  });

  // The game ships the built-in scenarios as /scenarios.json; a signed-in player also gets the ones
  // trainers uploaded (whole, as the engine plays them), so an assigned upload can be played; each
  // with the version it is, which the game sends back with an attempt (domain/versions.ts), and where
  // its voice and art are once drawn (media/runner.ts).
  app.get('/api/scenarios/uploaded', { config: { auth: 'user' } }, async (request) => {
    const mine = (await visibleScenarios(request.user)).filter((s) => uploads.meta.has(s.id)).sort((a, b) => a.title.localeCompare(b.title));
    const drawn = await new StudioStore(ctx.store.db).withPortraits(mine.map((s) => uploads.meta.get(s.id)?.uploadId ?? 0));
    return {
      scenarios: mine.map((s) => {
        const meta = uploads.meta.get(s.id);
        return { ...s, version: meta?.version, mediaBase: meta && drawn.has(meta.uploadId) ? studioMediaBase(s.id, meta.version) : null };
      }),
    };
  });

  app.get<{ Params: { scenarioId: string } }>(
    '/api/scenarios/:scenarioId/summary',
    { config: { auth: 'trainer' }, schema: { params: object({ scenarioId }, ['scenarioId']) } },
    async (request): Promise<ScenarioDetail> => {
      const s = library.scenarios.get(request.params.scenarioId);
      if (!s) throw notFound(`no scenario "${request.params.scenarioId}"`);
      await figuresReady(s);
      const sum = summaryOf(s);
      return {
        ...card(s),
        mermaid: toMermaid(s),
        bestRoute: { steps: sum?.best.steps ?? [], overall: sum?.best.report.overall ?? 0, outcome: sum?.best.report.outcome ?? null },
        nodes: Object.keys(s.nodes).length,
        endings: Object.keys(s.endings).length,
      };
    },
  );

  app.post<{ Body: { yaml: string; fileName?: string; replace: boolean; publish: boolean } }>(
    '/api/scenarios',
    {
      config: { auth: 'trainer' },
      bodyLimit: 2 * MAX_SCENARIO_BYTES + 4096,
      schema: {
        body: object(
          {
            yaml: { type: 'string', minLength: 1, maxLength: MAX_SCENARIO_BYTES },
            fileName: { type: 'string', minLength: 1, maxLength: 120 },
            replace: { type: 'boolean', default: false },
            /** A new upload is published to all the uploader's teams unless this is false. */
            publish: { type: 'boolean', default: true },
          },
          ['yaml'],
        ),
      },
    },
    async (request, reply) => {
      const user = signedIn(request);
      const file = uploadFileName(request.body.fileName);
      // In the worker thread, within the analysis budget: the event loop stays free meanwhile.
      const analysed = await uploads.pool.analyse(request.body.yaml, file);
      const check = analysed.check;
      if (!check.ok) {
        const n = check.problems.length;
        throw unprocessable(`${file} has ${n} problem${n === 1 ? '' : 's'}; nothing was saved`, { problems: check.problems });
      }
      const s = check.scenario;
      if (uploads.builtIn.has(s.id)) {
        throw conflict(`"${s.id}" is the id of a built-in scenario (scenarios/${s.id}.yaml); give yours a different id`, { scenarioId: s.id, builtIn: true });
      }
      await uploads.refresh(true);
      const previous = uploads.meta.get(s.id);
      const owner = await access.ownership(s.id);
      const theirs = () =>
        new ApiError(403, `a scenario with the id "${s.id}" was uploaded by ${owner?.ownerName ?? 'another trainer'}; give yours a different id, or ask them to make you a co-trainer of it`, {
          scenarioId: s.id,
          owned: true,
        });
      if ((previous || owner?.ownerId != null) && !access.canEdit(owner, user)) throw theirs();
      if (previous && !request.body.replace) {
        throw conflict(`a scenario with the id "${s.id}" was uploaded on ${previous.uploadedAt.slice(0, 10)}; confirm to replace it`, { scenarioId: s.id, exists: true });
      }
      // Two trainers uploading one new id at once: the first claim wins, the other is refused.
      const claimed = await access.claim(s.id, user.id);
      if (claimed !== user.id && !access.canEdit(await access.ownership(s.id), user)) throw theirs();
      const uploadId = await ctx.trainerStore.addUpload({ scenarioId: s.id, fileName: file, yaml: request.body.yaml, uploadedBy: user.id, scenarioJson: s });
      if (!previous && request.body.publish) await access.publishToAllTeams(s.id, user.id);
      recordFigures(s, check.summary, analysed.gameability);
      const studio = new StudioStore(ctx.store.db);
      const version = (await studio.versionOfUpload(uploadId))?.version ?? 1;
      await studio.queueMedia(uploadId); // voice and art, made in the background (media/runner.ts)
      uploads.add(s, { uploadId, fileName: file, uploadedAt: new Date().toISOString(), uploadedBy: user.name, version });
      reply.code(previous ? 200 : 201);
      return { scenario: card(s), replaced: Boolean(previous) };
    },
  );

  // Sharing an upload: co-trainers (the owner names them) and the caller's teams it is published to.
  const accessJson = async (sid: string, user: User) => {
    const o = await access.ownership(sid);
    return {
      scenarioId: sid,
      owner: o?.ownerId != null ? { id: o.ownerId, name: o.ownerName } : null,
      coTrainers: o?.coTrainers ?? [],
      teams: await access.publishedTeams(sid, user.id),
      canEdit: access.canEdit(o, user),
    };
  };
  const uploadOnly = (sid: string) => {
    if (!uploads.meta.has(sid)) throw notFound(uploads.builtIn.has(sid) ? `"${sid}" is a built-in scenario: every team has it` : `no scenario "${sid}"`);
  };

  app.get<{ Params: { scenarioId: string } }>(
    '/api/scenarios/:scenarioId/access',
    { config: { auth: 'trainer' }, schema: { params: object({ scenarioId }, ['scenarioId']) } },
    async (request) => {
      uploadOnly(request.params.scenarioId);
      return accessJson(request.params.scenarioId, signedIn(request));
    },
  );

  app.put<{ Params: { scenarioId: string }; Body: { coTrainers?: string[]; teams?: number[] } }>(
    '/api/scenarios/:scenarioId/access',
    {
      config: { auth: 'trainer' },
      schema: {
        params: object({ scenarioId }, ['scenarioId']),
        body: object({
          coTrainers: { type: 'array', items: email, maxItems: 50, uniqueItems: true },
          teams: { type: 'array', items: id, maxItems: 200, uniqueItems: true },
        }),
      },
    },
    async (request) => {
      const user = signedIn(request);
      const sid = request.params.scenarioId;
      uploadOnly(sid);
      const o = await access.ownership(sid);
      if (!access.canEdit(o, user)) throw forbidden(`"${sid}" was uploaded by ${o?.ownerName ?? 'another trainer'}; only they and their co-trainers can share it`);
      const { coTrainers, teams } = request.body;
      if (coTrainers) {
        if (o?.ownerId !== user.id) throw forbidden('only the trainer who uploaded this scenario can name its co-trainers');
        const missing = await access.setCoTrainers(sid, coTrainers.map(normalizeEmail), o.ownerId);
        if (missing.length) throw unprocessable(`no trainer account for ${missing.join(', ')}`, { coTrainers: missing });
      }
      if (teams) {
        const own = new Set((await ctx.store.teamsOfTrainer(user.id)).map((t) => t.id));
        const others = teams.filter((t) => !own.has(t));
        if (others.length) throw forbidden(`not your teams: ${others.join(', ')}`);
        await access.setPublishedTeams(sid, user.id, teams);
      }
      return accessJson(sid, user);
    },
  );

}
