// The scenario catalogue and the health check.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.ts';
import { healthDownResponse, healthResponse } from './responses.ts';

export function registerScenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { library, store } = ctx;
  // Built per request: trainers can add scenarios while the server runs (routes/trainer-scenarios.ts).
  const list = () => [...library.scenarios.values()]
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

  // Signed in or not; uploads are filtered to what the caller may see (routes/trainer-scenarios.ts).
  app.get('/api/scenarios', { config: { auth: 'optional' } }, () => Promise.resolve({ scenarios: list() }));

  app.get('/api/health', { schema: { response: { 200: healthResponse, 503: healthDownResponse } } }, async (_request, reply) => {
    try {
      await store.db.query('select 1');
      return { status: 'ok', storage: store.kind, scenarios: library.scenarios.size };
    } catch {
      return reply.code(503).send({ error: 'Service Unavailable', message: 'the database is not answering', status: 'down' });
    }
  });
}
