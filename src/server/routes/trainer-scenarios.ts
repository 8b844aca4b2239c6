// The scenario library for trainers: every scenario with its route count, score range, skills and a
// Mermaid diagram (from the engine), and upload of new scenarios as YAML.
//
// Uploads are validated exactly like `npm run cli -- lint` (loader errors, then the structural
// analysis), stored in scenario_uploads, and added to the server's scenario library (ctx.library), the
// one map every route looks scenarios up in: once accepted, a scenario can be assigned, played and
// replayed like the files in scenarios/. A file with problems is never stored, so it can never replace
// a good one. Built-in ids cannot be taken over. Several server processes on one PostgreSQL pick up
// each other's uploads: see ScenarioUploads.refresh.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Library } from '../../engine/files.ts';
import { toMermaid } from '../../engine/graph.ts';
import { parseScenario } from '../../engine/load.ts';
import { computeGameability } from '../analysis/check.ts';
import { summarizeRoutes, type RouteSummary } from '../../engine/routes.ts';
import type { Scenario } from '../../engine/schema.ts';
import { skillsOf } from '../../shared/skills.ts';
import type { GameabilityJson, ScenarioCard, ScenarioDetail } from '../../shared/types.ts';
import type { ServerContext } from '../context.ts';
import { AnalysisPool, DEFAULT_ANALYSIS } from '../analysis/pool.ts';
import { ApiError, conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { ScenarioAccess } from '../store/access.ts';
import { StudioStore } from '../store/studio.ts';
import { studioMediaBase } from '../../shared/studio.ts';
import { rememberVersion } from '../domain/versions.ts';
import type { User } from '../store/index.ts';
import { signedIn } from '../plugins/auth.ts';
import type { TrainerStore } from '../store/trainer.ts';
import { email, id, normalizeEmail, object, scenarioId } from './schemas.ts';

/** How often a process checks the database for uploads made through another process. */
export const UPLOAD_REFRESH_MS = 5_000;
export const MAX_SCENARIO_BYTES = 200_000;

// ---- validation ---------------------------------------------------------------------------------

/** A safe display name for an uploaded file: its base name, plain characters, .yaml/.yml. */
export function uploadFileName(name: string | undefined, fallback = 'upload.yaml'): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') ?? '';
  if (!base) return fallback;
  return /\.ya?ml$/i.test(base) ? base : `${base}.yaml`;
}

// ---- summaries ----------------------------------------------------------------------------------

const summaries = new WeakMap<Scenario, RouteSummary | null>();
/**
 * Uploaded scenarios: their figures come from the analysis worker only (upload time, or after a
 * restart in the background); until they arrive there are none, never a walk on the event loop.
 */
const uploaded = new WeakSet<Scenario>();
const analysing = new WeakMap<Scenario, Promise<void>>();

/** Route walk of a scenario, once per scenario object (a re-upload is a new object). */
export function summaryOf(s: Scenario): RouteSummary | null {
  if (!summaries.has(s) && !uploaded.has(s)) summaries.set(s, summarizeRoutes(s));
  return summaries.get(s) ?? null;
}

/** Once an uploaded scenario's figures are in (or its analysis gave up). */
export async function figuresReady(s: Scenario): Promise<void> {
  await analysing.get(s);
}

const gates = new WeakMap<Scenario, GameabilityJson>();

/** The gameability gate's figures for a scenario, once per scenario object (uploads: from the worker). */
export function gameabilityOf(s: Scenario): GameabilityJson | null {
  let g = gates.get(s);
  if (!g) {
    if (uploaded.has(s)) return null;
    g = computeGameability(s);
    gates.set(s, g);
  }
  return g;
}

/** Figures the analysis worker computed for a scenario published from the studio (routes/studio.ts). */
export function recordFigures(s: Scenario, summary: RouteSummary, gameability: GameabilityJson | null): void {
  summaries.set(s, summary);
  if (gameability) gates.set(s, gameability);
}

interface UploadMeta {
  uploadId: number;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string | null;
  version: number;
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

// ---- uploads in the library ---------------------------------------------------------------------

export class ScenarioUploads {
  /** Ids of the scenarios read from scenarios/ at start; uploads cannot take these over. */
  readonly builtIn: ReadonlySet<string>;
  readonly meta = new Map<string, UploadMeta>();
  #generation = -1;
  #checkedAt = 0;

  constructor(
    readonly library: Library,
    readonly store: TrainerStore,
    readonly warn: (message: string) => void,
    readonly pool: AnalysisPool = new AnalysisPool(),
  ) {
    this.builtIn = new Set(library.scenarios.keys());
  }

  /**
   * Brings the library up to date with the uploads table. Cheap when nothing changed (one tiny query,
   * at most every UPLOAD_REFRESH_MS unless forced). Never throws: a database hiccup leaves the library
   * as it was.
   */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.#checkedAt < UPLOAD_REFRESH_MS) return;
    this.#checkedAt = Date.now();
    try {
      const generation = await this.store.uploadGeneration();
      if (generation === this.#generation) return;
      for (const u of await this.store.currentUploads()) {
        if (this.meta.get(u.scenarioId)?.uploadId === u.id) continue;
        if (this.builtIn.has(u.scenarioId)) {
          this.warn(`uploaded scenario "${u.scenarioId}" is left out: a built-in scenario has that id`);
          continue;
        }
        const loaded = parseScenario(u.yaml, u.fileName);
        if (!loaded.ok || loaded.scenario.id !== u.scenarioId) {
          this.warn(`uploaded scenario "${u.scenarioId}" (${u.fileName}) no longer loads; it is left out`);
          continue;
        }
        this.add(loaded.scenario, { uploadId: u.id, fileName: u.fileName, uploadedAt: u.uploadedAt, uploadedBy: u.uploadedBy, version: u.version });
        this.#analyseLater(loaded.scenario, u.yaml, u.fileName);
      }
      this.#generation = generation;
    } catch (e) {
      this.warn(`could not read uploaded scenarios: ${(e as Error).message}`);
    }
  }

  /** A stored upload's figures, computed by the worker in the background (playable meanwhile). */
  #analyseLater(s: Scenario, yaml: string, file: string): void {
    const done = this.pool.analyse(yaml, file).then(
      (r) => {
        if (r.check.ok) {
          summaries.set(s, r.check.summary);
          if (r.gameability) gates.set(s, r.gameability);
        } else {
          this.warn(`uploaded scenario "${s.id}" (${file}) has no figures: ${r.check.problems[0]?.message ?? 'its analysis failed'}`);
        }
      },
      (e: Error) => this.warn(`uploaded scenario "${s.id}" (${file}) has no figures: ${e.message}`),
    );
    analysing.set(s, done);
  }

  add(s: Scenario, meta: UploadMeta): void {
    uploaded.add(s);
    this.library.scenarios.set(s.id, s);
    this.library.files.set(s.id, `uploaded:${meta.fileName}`);
    this.meta.set(s.id, meta);
    rememberVersion(this.library, s.id, meta.version, s);
  }
}

/** Scenario ids a request names (body, query or params), to refresh at once when one is unknown. */
function namedScenarios(request: FastifyRequest): string[] {
  const out: unknown[] = [];
  const body = request.body as Record<string, unknown> | undefined;
  const query = request.query as Record<string, unknown> | undefined;
  const params = request.params as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') out.push(body.scenarioId, ...(Array.isArray(body.scenarioIds) ? (body.scenarioIds as unknown[]) : []));
  if (query && typeof query === 'object') out.push(query.scenario);
  if (params && typeof params === 'object') out.push(params.scenarioId);
  return out.filter((v): v is string => typeof v === 'string');
}

// ---- routes -------------------------------------------------------------------------------------

export async function registerTrainerScenarioRoutes(app: FastifyInstance, ctx: ServerContext, trainerStore: TrainerStore): Promise<ScenarioUploads> {
  const { library } = ctx;
  const pool = new AnalysisPool({ ...DEFAULT_ANALYSIS, ...ctx.analysis });
  app.addHook('onClose', async () => pool.close());
  const uploads = new ScenarioUploads(library, trainerStore, (m) => app.log.warn(m), pool);
  await uploads.refresh(true);

  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const unknown = namedScenarios(request).some((id) => !library.scenarios.has(id));
    await uploads.refresh(unknown);
  });

  const card = (s: Scenario) => scenarioCard(s, uploads.meta.get(s.id));

  // ---- who sees and changes uploads (store/access.ts) ----
  const access = new ScenarioAccess(ctx.store.db);
  /** Built-in scenarios, and the uploads this user may see. */
  const visibleScenarios = async (user: User | null): Promise<Scenario[]> => {
    const mine = user ? await access.visibleTo(user) : new Set<string>();
    return [...library.scenarios.values()].filter((s) => !uploads.meta.has(s.id) || mine.has(s.id));
  };

  // A request that names an upload the caller may not see is answered as if it did not exist; one
  // that assigns an upload needs the owner or a co-trainer. (The routed path decides, not the raw URL.)
  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (!route.startsWith('/api/')) return;
    const named = namedScenarios(request).filter((sid) => uploads.meta.has(sid));
    if (named.length === 0) return;
    const user = request.user;
    const visible = user ? await access.visibleTo(user) : new Set<string>();
    const inPath = (request.params as { scenarioId?: unknown } | undefined)?.scenarioId;
    for (const sid of named) {
      if (visible.has(sid)) continue;
      throw sid === inPath ? notFound(`no scenario "${sid}"`) : unprocessable(`no scenario "${sid}"`);
    }
    if (request.method === 'POST' && (route === '/api/assignments' || route === '/api/teams/:teamId/assignments')) {
      for (const sid of named) {
        const o = await access.ownership(sid);
        if (!access.canEdit(o, user as User)) {
          throw forbidden(`"${sid}" was uploaded by ${o?.ownerName ?? 'another trainer'}; ask them to make you a co-trainer of it to assign it`);
        }
      }
    }
  });

  // The catalogue lists the uploads the caller may see, and no others.
  app.addHook('preSerialization', async (request, _reply, payload: unknown) => {
    if (request.method !== 'GET' || request.routeOptions.url !== '/api/scenarios') return payload;
    const body = payload as { scenarios?: { id: string }[] };
    if (!Array.isArray(body?.scenarios)) return payload;
    const allowed = new Set((await visibleScenarios(request.user)).map((s) => s.id));
    return { ...body, scenarios: body.scenarios.filter((s) => allowed.has(s.id)) };
  });

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
      const analysed = await pool.analyse(request.body.yaml, file);
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
      const uploadId = await trainerStore.addUpload({ scenarioId: s.id, fileName: file, yaml: request.body.yaml, uploadedBy: user.id, scenarioJson: s });
      if (!previous && request.body.publish) await access.publishToAllTeams(s.id, user.id);
      summaries.set(s, check.summary);
      if (analysed.gameability) gates.set(s, analysed.gameability);
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

  return uploads;
}
