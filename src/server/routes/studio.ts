// The scenario studio's API (contract: shared/studio.ts). A trainer creates a scenario (blank, a copy,
// or imported YAML), saves drafts as typed (revisions refuse a stale save), and publishes: the draft
// goes through the same checks as `lint` and the gameability gate (in the analysis worker), and
// becomes the next immutable version, in the library for those allowed (store/access.ts). Published
// versions are rows of scenario_uploads, so an upload and a publish are the same thing to the rest
// of the server. Ownership is that of uploads: the owner and co-trainers edit; others get 403 for a
// scenario they can see and 404 for one they cannot.
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { gateFindings, type Gameability } from '../../engine/gameability.ts';
import { parseScenario } from '../../engine/load.ts';
import { locator } from '../../engine/locate.ts';
import type { Scenario } from '../../engine/schema.ts';
import type { StudioProblem, StudioScenario, StudioStatus, StudioSummary } from '../../shared/studio.ts';
import type { GameabilityJson } from '../../shared/types.ts';
import type { ServerContext } from '../context.ts';
import { rememberVersion } from '../domain/versions.ts';
import { ApiError, badRequest, conflict, forbidden, notFound, unprocessable } from '../errors.ts';
import { ScenarioAccess, type ScenarioOwnership } from '../store/access.ts';
import type { User } from '../store/index.ts';
import { StudioStore, type StudioRow } from '../store/studio.ts';
import { blankScenario } from '../studio/blank.ts';
import { idOf, titleOf, withId } from '../studio/text.ts';
import { MediaRunner } from '../media/runner.ts';
import { registerStudioMediaRoutes } from './studio-media.ts';
import { recordFigures, type ScenarioUploads } from '../domain/uploads.ts';
import { MAX_SCENARIO_BYTES } from './trainer-scenarios.ts';
import { object, scenarioId } from './schemas.ts';

const yamlText = { type: 'string', maxLength: MAX_SCENARIO_BYTES } as const;
const params = object({ id: scenarioId }, ['id']);
const versionParams = object({ id: scenarioId, v: { type: 'integer', minimum: 1, maximum: 1_000_000 } }, ['id', 'v']);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The gate's figures as the worker answered them, in the shape gateFindings reads. */
function figures(g: GameabilityJson): Gameability {
  const strategies = g.strategies.map((s) => ({ ...s, outcomes: {} }));
  const worst = strategies.reduce((a, b) => (b.mean > a.mean ? b : a), strategies[0]);
  return { strategies, worst };
}

function refused(what: string, problems: StudioProblem[]): ApiError {
  const n = problems.length;
  return unprocessable(`${what} has ${n} problem${n === 1 ? '' : 's'}; nothing was published`, { problems });
}

export function registerStudioRoutes(app: FastifyInstance, ctx: ServerContext, uploads: ScenarioUploads): void {
  const { library } = ctx;
  const access = new ScenarioAccess(ctx.store.db);
  const studio = new StudioStore(ctx.store.db);
  const media = ctx.studioMedia === false ? null : new MediaRunner(studio, { log: (m) => app.log.warn(m), ...ctx.studioMedia });
  if (media) {
    app.addHook('onReady', (done) => {
      media.start();
      done();
    });
    app.addHook('onClose', async () => media.stop());
  }

  /** The scenario and its ownership, if the trainer may see it (404 otherwise). */
  const find = async (id: string, user: User): Promise<{ row: StudioRow; owner: ScenarioOwnership | null }> => {
    const owner = await access.ownership(id);
    const row = owner ? await studio.get(id) : null;
    if (!row || !owner) throw notFound(`no studio scenario "${id}"`);
    if (!access.canEdit(owner, user) && !(await access.visibleTo(user)).has(id)) throw notFound(`no studio scenario "${id}"`);
    return { row, owner };
  };
  /** As find, and the trainer must be its owner or a co-trainer (403 otherwise). */
  const editable = async (id: string, user: User) => {
    const found = await find(id, user);
    if (!access.canEdit(found.owner, user)) {
      throw forbidden(`"${id}" belongs to ${found.owner?.ownerName ?? 'another trainer'}; ask them to make you a co-trainer of it to edit it`);
    }
    return found;
  };

  const scenarioJson = async (row: StudioRow, owner: ScenarioOwnership | null, user: User): Promise<StudioScenario> => {
    const versions = await studio.versions(row.scenarioId);
    return {
      id: row.scenarioId,
      title: titleOf(row.draftYaml) ?? row.scenarioId,
      status: row.status,
      draft: { yaml: row.draftYaml, revision: row.revision, savedAt: row.savedAt },
      versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy, media: v.media })),
      owner: owner?.ownerId != null ? { id: owner.ownerId, name: owner.ownerName ?? '' } : null,
      coTrainers: owner?.coTrainers ?? [],
      canEdit: access.canEdit(owner, user),
    };
  };

  /** A free id for a new scenario: `base`, else base-2, base-3… (not built in, not owned by anyone). */
  const freeId = async (base: string): Promise<string> => {
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (candidate.length > 100) break;
      if (!library.scenarios.has(candidate) && !(await access.ownership(candidate))) return candidate;
    }
    throw conflict(`no free id starting with "${base}"; give the scenario an id of your own`);
  };

  /** The text a copy starts from: the file of a built-in scenario, the newest version of a stored one. */
  const sourceText = async (id: string, user: User): Promise<string> => {
    if (uploads.builtIn.has(id)) {
      const file = library.files.get(id);
      if (file) return readFile(file, 'utf8');
    }
    const owner = await access.ownership(id);
    if (owner && (access.canEdit(owner, user) || (await access.visibleTo(user)).has(id))) {
      const [newest] = await studio.versions(id);
      if (newest) return newest.yaml;
      const row = await studio.get(id);
      if (row && access.canEdit(owner, user)) return row.draftYaml;
    }
    throw notFound(`no scenario "${id}" to copy`);
  };

  registerStudioMediaRoutes(app, access, studio);

  app.get('/api/trainer/studio', { config: { auth: 'trainer' } }, async (request): Promise<{ scenarios: StudioSummary[] }> => {
    const user = request.user as User;
    const ids = await studio.editableBy(user.id);
    const rows = await studio.list(ids);
    const latest = await studio.latestYaml(ids);
    const out: StudioSummary[] = [];
    for (const row of rows) {
      const owner = await access.ownership(row.scenarioId);
      const newest = latest.get(row.scenarioId);
      out.push({
        id: row.scenarioId,
        title: titleOf(row.draftYaml) ?? row.scenarioId,
        status: row.status,
        latestVersion: newest?.version ?? null,
        unpublishedChanges: newest?.yaml !== row.draftYaml,
        savedAt: row.savedAt,
        owner: owner?.ownerId != null ? { id: owner.ownerId, name: owner.ownerName ?? '' } : null,
        canEdit: access.canEdit(owner, user),
      });
    }
    return { scenarios: out.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)) };
  });

  app.post<{ Body: { yaml?: string; copyOf?: string; blank?: boolean } }>(
    '/api/trainer/studio',
    {
      config: { auth: 'trainer' },
      bodyLimit: 2 * MAX_SCENARIO_BYTES + 4096,
      schema: { body: object({ yaml: { ...yamlText, minLength: 1 }, copyOf: scenarioId, blank: { type: 'boolean', enum: [true] } }) },
    },
    async (request, reply): Promise<StudioScenario> => {
      const user = request.user as User;
      const { yaml, copyOf, blank } = request.body;
      const given = [yaml !== undefined, copyOf !== undefined, blank !== undefined].filter(Boolean).length;
      if (given !== 1) throw badRequest('send exactly one of yaml (an import), copyOf (a scenario id) or blank: true');
      let id: string;
      let text: string;
      if (blank) {
        id = await freeId('new-scenario');
        text = blankScenario(id);
      } else if (copyOf !== undefined) {
        const source = await sourceText(copyOf, user);
        id = await freeId(`${copyOf}-copy`);
        text = withId(source, id);
      } else {
        text = yaml as string;
        const loaded = parseScenario(text, 'import.yaml');
        const named = loaded.ok ? loaded.scenario.id : idOf(text);
        if (!named || !SLUG.test(named) || named.length > 100) {
          throw unprocessable('the YAML has no usable top-level id (lowercase letters, digits and dashes, e.g. "late-delivery")');
        }
        id = named;
        if (uploads.builtIn.has(id)) throw conflict(`"${id}" is the id of a built-in scenario; give yours a different id`, { scenarioId: id, builtIn: true });
        const owner = await access.ownership(id);
        if (owner) {
          if (!access.canEdit(owner, user)) throw forbidden(`a scenario with the id "${id}" belongs to ${owner.ownerName ?? 'another trainer'}; give yours a different id`);
          throw conflict(`"${id}" is already in the studio; open it and paste the text into its draft, or change the id`, { scenarioId: id, exists: true });
        }
      }
      // Two trainers taking one new id at once: the first claim wins.
      const claimed = await access.claim(id, user.id);
      const created = claimed === user.id ? await studio.create(id, text) : null;
      if (!created) throw conflict(`"${id}" was just taken; try again`, { scenarioId: id });
      reply.code(201);
      return scenarioJson(created, await access.ownership(id), user);
    },
  );

  app.get<{ Params: { id: string } }>('/api/trainer/studio/:id', { config: { auth: 'trainer' }, schema: { params } }, async (request) => {
    const user = request.user as User;
    const { row, owner } = await find(request.params.id, user);
    return scenarioJson(row, owner, user);
  });

  app.put<{ Params: { id: string }; Body: { yaml: string; revision: number } }>(
    '/api/trainer/studio/:id/draft',
    {
      config: { auth: 'trainer' },
      bodyLimit: 2 * MAX_SCENARIO_BYTES + 4096,
      schema: { params, body: object({ yaml: yamlText, revision: { type: 'integer', minimum: 0, maximum: 2_147_483_647 } }, ['yaml', 'revision']) },
    },
    async (request) => {
      const user = request.user as User;
      const { id } = request.params;
      await editable(id, user);
      const saved = await studio.saveDraft(id, request.body.yaml, request.body.revision);
      if (!saved.saved) {
        throw conflict(`the draft was saved elsewhere since revision ${request.body.revision} (it is at ${saved.revision} now); reload it before saving`, { revision: saved.revision });
      }
      return { revision: saved.revision, savedAt: saved.savedAt };
    },
  );

  app.post<{ Params: { id: string } }>('/api/trainer/studio/:id/publish', { config: { auth: 'trainer' }, schema: { params } }, async (request, reply) => {
    const user = request.user as User;
    const { id } = request.params;
    const { row } = await editable(id, user);
    const file = `${id}.yaml`;
    const analysed = await uploads.pool.analyse(row.draftYaml, file);
    const check = analysed.check;
    if (!check.ok) throw refused('the draft', check.problems.map(({ line, column, message }) => ({ line, column, message })));
    const s: Scenario = check.scenario;
    const at = locator(row.draftYaml);
    if (s.id !== id) {
      throw refused('the draft', [{ ...at(['id']), path: ['id'], message: `the id must stay "${id}" (a scenario's id is how attempts and assignments find it); copy the scenario to give it another id` }]);
    }
    const gate = analysed.gameability ? gateFindings(s, figures(analysed.gameability), check.summary.best.steps).filter((f) => f.severity === 'error') : [];
    if (gate.length) throw refused('the draft', gate.map((f) => ({ ...at(f.path), path: f.path, message: f.message })));

    const first = (await studio.versions(id)).length === 0;
    const uploadId = await ctx.trainerStore.addUpload({ scenarioId: id, fileName: file, yaml: row.draftYaml, uploadedBy: user.id, scenarioJson: s });
    const stored = await studio.versionOfUpload(uploadId);
    if (!stored) throw new Error(`version ${uploadId} vanished`);
    await studio.setStatus(id, 'published');
    // The first version goes to all the owner's teams, as an upload does; later ones keep the sharing.
    if (first) await access.publishToAllTeams(id, user.id);
    await studio.queueMedia(uploadId);
    media?.notify();
    recordFigures(s, check.summary, analysed.gameability);
    rememberVersion(library, id, stored.version, s);
    uploads.add(s, { uploadId, fileName: file, uploadedAt: stored.publishedAt, uploadedBy: user.name, version: stored.version });
    reply.code(201);
    return { version: stored.version };
  });

  /** Status changes: which statuses each may start from, and what it leads to. */
  const changes: Record<'unpublish' | 'archive' | 'restore', { from: StudioStatus[]; to: (hasVersions: boolean) => StudioStatus; refusal: string }> = {
    unpublish: { from: ['published'], to: () => 'unpublished', refusal: 'only a published scenario can be unpublished' },
    archive: { from: ['draft', 'published', 'unpublished'], to: () => 'archived', refusal: 'it is archived already' },
    restore: { from: ['unpublished', 'archived'], to: (has) => (has ? 'published' : 'draft'), refusal: 'only an unpublished or archived scenario can be restored' },
  };
  for (const [action, rule] of Object.entries(changes)) {
    app.post<{ Params: { id: string } }>(`/api/trainer/studio/:id/${action}`, { config: { auth: 'trainer' }, schema: { params } }, async (request) => {
      const user = request.user as User;
      const { id } = request.params;
      const { row, owner } = await editable(id, user);
      if (!rule.from.includes(row.status)) throw conflict(`"${id}" is ${row.status}: ${rule.refusal}`, { status: row.status });
      const status = rule.to((await studio.versions(id)).length > 0);
      await studio.setStatus(id, status);
      return scenarioJson({ ...row, status }, owner, user);
    });
  }

  app.get<{ Params: { id: string; v: number } }>('/api/trainer/studio/:id/versions/:v/yaml', { config: { auth: 'trainer' }, schema: { params: versionParams } }, async (request, reply) => {
    const user = request.user as User;
    const { id, v } = request.params;
    await find(id, user);
    const version = await studio.version(id, v);
    if (!version) throw notFound(`"${id}" has no version ${v}`);
    return reply
      .header('content-type', 'text/yaml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${id}-v${v}.yaml"`)
      .send(version.yaml);
  });

  // The draft as the game plays it (the shape of an entry of /scenarios.json); it must load, but may
  // still have problems the checks report (a preview is how a trainer tries a first draft).
  app.get<{ Params: { id: string } }>('/api/trainer/studio/:id/preview', { config: { auth: 'trainer' }, schema: { params } }, async (request) => {
    const user = request.user as User;
    const { row } = await find(request.params.id, user);
    const loaded = parseScenario(row.draftYaml, `${row.scenarioId}.yaml`);
    if (!loaded.ok) {
      const problems = loaded.errors.map(({ line, column, message }) => ({ line, column, message }));
      throw unprocessable(`the draft has ${problems.length} problem${problems.length === 1 ? '' : 's'} and cannot be played yet`, { problems });
    }
    return loaded.scenario;
  });
}
