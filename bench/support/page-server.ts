// Child process: serves a production build on 127.0.0.1 for the page measurements.
//   PAGE_MODE=app     the real app (buildApp) with PAGE_DIR as its dist folder, on PGlite in DATA_DIR;
//   PAGE_MODE=static  @fastify/static alone, with the app's cache headers.
// Prints "listening at <url>"; stops on SIGTERM.
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { join, resolve, sep } from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { openStore, type Store } from '../../src/server/store/index.ts';

const dir = resolve(process.env.PAGE_DIR ?? '');
const mode = process.env.PAGE_MODE === 'app' ? 'app' : 'static';
let store: Store | null = null;

let app;
if (mode === 'app') {
  store = await openStore({ dataDir: process.env.DATA_DIR });
  app = await buildApp({ store, distDir: dir, logger: false });
} else {
  app = Fastify({ logger: false });
  const hashed = join(dir, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    setHeaders(reply, path) {
      reply.header('cache-control', path.startsWith(hashed) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening at ${address}`);

const stop = async () => {
  await app.close();
  await store?.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
