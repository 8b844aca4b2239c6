// Starts Make It Right: the game and the API on one port.
import { buildApp } from './app.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';

const app = await buildApp({ logger: true });
try {
  await app.listen({ port, host });
} catch (err) {
  console.error(`Could not start on port ${port}: ${(err as Error).message}`);
  process.exit(1);
}
