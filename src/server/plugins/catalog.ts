// Which scenarios a caller may see, for every route that names one. Built-in scenarios are everyone's;
// an upload is seen by its owner, its co-trainers and the teams it is published or assigned to
// (store/access.ts).
//
// Routes do not call this themselves: a route whose schema declares a scenario field (`scenarioId` in
// its params or body, `scenarioIds` in its body, `scenario` in its query string) is guarded by it,
// the same way `config.auth` guards by role. A scenario the caller may not see is answered as if it
// did not exist (404 when it is the route's own resource, 422 when it is a field). A route that
// hands a scenario to others says `config: { scenarios: 'assign' }` and also needs the owner or a
// co-trainer.
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Scenario } from '../../engine/schema.ts';
import { ScenarioUploads, UPLOAD_REFRESH_MS } from '../domain/uploads.ts';
import { forbidden, notFound, unprocessable } from '../errors.ts';
import { ScenarioAccess } from '../store/access.ts';
import type { User } from '../store/index.ts';

/** What a route does with the scenarios it names, beyond reading them. */
export type ScenarioUse = 'assign';

/** Where a route's schema names scenarios; worked out once, when the route is registered. */
interface ScenarioFields {
  params: boolean;
  body: string[];
  query: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    scenarios?: ScenarioUse;
    /** Set by the catalog when the route is registered; not written by routes. */
    scenarioFields?: ScenarioFields;
  }
}

export class Catalog {
  readonly access: ScenarioAccess;

  constructor(readonly uploads: ScenarioUploads) {
    this.access = new ScenarioAccess(uploads.store.db);
  }

  /** Built-in scenarios, and the uploads this user may see. */
  async visibleTo(user: User | null): Promise<Scenario[]> {
    const mine = user ? await this.access.visibleTo(user) : new Set<string>();
    return [...this.uploads.library.scenarios.values()].filter((s) => !this.uploads.meta.has(s.id) || mine.has(s.id));
  }

  /** Answers 404/422/403 for the named scenarios the user may not see (or, assigning, not hand out). */
  async check(user: User | null, named: string[], own: string | undefined, use: ScenarioUse | undefined): Promise<void> {
    const { library, meta } = this.uploads;
    await this.uploads.refresh(named.some((id) => !library.scenarios.has(id)));
    const uploads = named.filter((sid) => meta.has(sid));
    if (uploads.length === 0) return;
    const visible = user ? await this.access.visibleTo(user) : new Set<string>();
    for (const sid of uploads) {
      if (visible.has(sid)) continue;
      throw sid === own ? notFound(`no scenario "${sid}"`) : unprocessable(`no scenario "${sid}"`);
    }
    if (use !== 'assign') return;
    for (const sid of uploads) {
      const o = await this.access.ownership(sid);
      if (!user || !this.access.canEdit(o, user)) {
        throw forbidden(`"${sid}" was uploaded by ${o?.ownerName ?? 'another trainer'}; ask them to make you a co-trainer of it to assign it`);
      }
    }
  }
}

type Schema = { properties?: Record<string, unknown> } | undefined;
const has = (schema: unknown, field: string): boolean => Boolean((schema as Schema)?.properties?.[field]);

/** The scenario fields a route's schema declares, or null when it names none. */
export function scenarioFieldsOf(route: Pick<RouteOptions, 'schema'>): ScenarioFields | null {
  const s = route.schema;
  const fields: ScenarioFields = {
    params: has(s?.params, 'scenarioId'),
    body: ['scenarioId', 'scenarioIds'].filter((f) => has(s?.body, f)),
    query: has(s?.querystring, 'scenario'),
  };
  return fields.params || fields.body.length > 0 || fields.query ? fields : null;
}

function namedBy(request: FastifyRequest, fields: ScenarioFields): { named: string[]; own: string | undefined } {
  const out: unknown[] = [];
  const own = fields.params ? (request.params as { scenarioId?: string }).scenarioId : undefined;
  out.push(own);
  const body = (request.body ?? {}) as Record<string, unknown>;
  for (const f of fields.body) out.push(...(Array.isArray(body[f]) ? (body[f] as unknown[]) : [body[f]]));
  if (fields.query) out.push((request.query as { scenario?: unknown }).scenario);
  return { named: out.filter((v): v is string => typeof v === 'string'), own };
}

/**
 * Guards the routes registered after it (call before registering routes) and keeps the library in
 * step with uploads made through other processes.
 */
export function installCatalog(app: FastifyInstance, catalog: Catalog): void {
  app.addHook('onRoute', (route) => {
    const fields = scenarioFieldsOf(route);
    if (!fields) return;
    route.config = { ...route.config, scenarioFields: fields };
  });
  app.addHook('preHandler', async (request) => {
    const { scenarioFields, scenarios } = request.routeOptions.config;
    if (!scenarioFields) return;
    const { named, own } = namedBy(request, scenarioFields);
    await catalog.check(request.user, named, own, scenarios);
  });
  const timer = setInterval(() => void catalog.uploads.refresh(), UPLOAD_REFRESH_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await catalog.uploads.pool.close();
  });
}
