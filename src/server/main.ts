// Starts Make It Right: the game and the API on one port.
//   PORT (8080), HOST (0.0.0.0), DATA_DIR (./data, embedded PGlite), DATABASE_URL (PostgreSQL instead),
//   TRUST_PROXY (how many reverse proxies stand in front, or their addresses; see parseTrustProxy),
//   LOG_LEVEL (info), FRAME_ANCESTORS / LRS_ORIGINS (LMS embedding, see embedPolicyFromEnv),
//   LMS_BASE_URL (the address written into LMS packages and xAPI statements),
//   XAPI_ENDPOINT / XAPI_USERNAME / XAPI_PASSWORD (forward every attempt to an LRS).
import { buildApp, parseTrustProxy } from './app.ts';
import { embedPolicyFromEnv, type EmbedPolicy } from './plugins/security.ts';
import { xapiConfigFromEnv, type XapiConfig } from './xapi/outbox.ts';
import { openStore, storeConfigFromEnv, StoreBusyError, type Store } from './store/index.ts';
import { warmUp } from './store/warmup.ts';
import { sweepRateLimits } from './plugins/limits.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let trustProxy: ReturnType<typeof parseTrustProxy>;
try {
  trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  fail(`Could not start: ${(e as Error).message}`);
}

let embed: EmbedPolicy;
try {
  embed = embedPolicyFromEnv();
} catch (e) {
  fail(`Could not start: ${(e as Error).message}`);
}

let xapi: XapiConfig | null;
try {
  xapi = xapiConfigFromEnv();
} catch (e) {
  fail(`Could not start: ${(e as Error).message}`);
}

let store: Store;
try {
  store = await openStore(storeConfigFromEnv());
} catch (e) {
  if (e instanceof StoreBusyError) fail(`Could not start: ${e.message}`);
  fail(`Could not open the database: ${(e as Error).message}`);
}

// PGlite: its WebAssembly gets compiled while the hot reads run, before the first request (warmup.ts).
const warming = warmUp(store).catch((e) => console.warn(`Warm-up skipped: ${(e as Error).message}`));
const app = await buildApp({
  store,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  trustProxy,
  embed,
  xapi,
});
await warming;
app.addHook('onClose', async () => {
  await store.close();
});

let address: string;
try {
  address = await app.listen({ port, host });
} catch (err) {
  await store.close().catch(() => {});
  fail(`Could not start on port ${port}: ${(err as Error).message}`);
}

const actualPort = new URL(address).port;
const shown = host === '0.0.0.0' || host === '::' ? `http://localhost:${actualPort}` : address;
const trainers = await store.trainerCount();
console.log(`Make It Right is running at ${shown} (storage: ${store.db.description})`);
if (trainers === 0) {
  console.log(`No trainer account yet: open ${shown} to set one up, or run npm run -s cli -- user add --role trainer --email … --password …`);
}

// Expired sessions and rate-limit windows are swept hourly (lookups already ignore them).
const sweep = setInterval(() => {
  void store.deleteExpiredSessions().catch(() => {});
  void sweepRateLimits(store.db).catch(() => {});
}, 3600_000);
sweep.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing open requests and closing the database…`);
  clearInterval(sweep);
  const force = setTimeout(() => {
    console.error('Shutdown took too long; exiting.');
    process.exit(1);
  }, 10_000);
  force.unref();
  try {
    await app.close();
    process.exit(0);
  } catch (e) {
    console.error(`Shutdown failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
