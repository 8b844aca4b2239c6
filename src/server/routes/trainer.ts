// The trainer dashboard on the server: its page at /trainer and its API routes (trainer-*.ts), all
// for signed-in trainers only, on teams they own. app.ts calls registerTrainerRoutes once.
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { TRAINER_CSP } from '../plugins/security.ts';
import { registerTrainerAssignmentRoutes } from './trainer-assignments.ts';
import { registerTrainerProgressRoutes } from './trainer-progress.ts';
import { registerTrainerScenarioRoutes } from './trainer-scenarios.ts';
import { registerTrainerTeamRoutes } from './trainer-teams.ts';
import { registerStudioRoutes } from './studio.ts';

const DEFAULT_DIST = resolve(import.meta.dirname, '../../../dist');

export function registerTrainerRoutes(app: FastifyInstance, ctx: ServerContext, distDir: string | false = DEFAULT_DIST): void {
  const { trainerStore } = ctx;
  registerTrainerScenarioRoutes(app, ctx);
  registerStudioRoutes(app, ctx, ctx.catalog.uploads);
  registerTrainerTeamRoutes(app, ctx, trainerStore);
  registerTrainerAssignmentRoutes(app, ctx, trainerStore);
  registerTrainerProgressRoutes(app, ctx, trainerStore);

  // The page itself (the second Vite entry). Anyone may load it; it asks for a trainer sign-in.
  const page = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    let html: string;
    try {
      if (!distDir) throw new Error('no build folder');
      html = await readFile(join(distDir, 'trainer.html'), 'utf8');
    } catch {
      throw notFound('the trainer dashboard is not built yet: run npm run build (npm start does)');
    }
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', TRAINER_CSP)
      .send(html);
  };
  app.get('/trainer', page);
  app.get('/trainer/', page);
}
