// Builds the Fastify app: the API under /api and the built game (dist/) as static files.
// Tests build it directly and use inject(); main.ts listens.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface AppOptions {
  /** Folder of the production build to serve; skipped when missing. */
  distDir?: string;
  logger?: boolean;
}

export const DIST_DIR = resolve(import.meta.dirname, '../../dist');

export async function buildApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.get('/api/health', async () => ({ status: 'ok' }));
  const dist = options.distDir ?? DIST_DIR;
  if (existsSync(dist)) {
    await app.register(fastifyStatic, { root: dist, prefix: '/' });
  }
  return app;
}
