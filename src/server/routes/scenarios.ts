// The scenario catalogue and the health check.
import type { FastifyInstance } from 'fastify';
import type { Scenario } from '../../engine/schema.ts';
import type { ServerContext } from '../context.ts';
import { healthDownResponse, healthResponse } from './responses.ts';

export function registerScenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { library, store, catalog } = ctx;
  // Built per request: trainers add scenarios while the server runs, and each caller sees the
  // built-in ones and the uploads shared with them (plugins/catalog.ts).
  const list = (scenarios: Scenario[]) => scenarios
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((s) => ({
      id: s.id,
      title: s.title,
      setting: s.setting,
      difficulty: s.difficulty,
      company: s.company,
      customerName: s.customer.name,
      briefing: s.briefing,
    }));

  app.get('/api/scenarios', { config: { auth: 'optional' } }, async (request) => {
    await catalog.uploads.refresh();
    return { scenarios: list(await catalog.visibleTo(request.user)) };
  });

  app.get('/api/health', { schema: { response: { 200: healthResponse, 503: healthDownResponse } } }, async (_request, reply) => {
    try {
      await store.db.query('select 1');
      return { status: 'ok', storage: store.kind, scenarios: library.scenarios.size };
    } catch {
      return reply.code(503).send({ error: 'Service Unavailable', message: 'the database is not answering', status: 'down' });
    }
  });
}
