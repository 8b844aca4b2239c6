// Opens the store the environment asks for: PostgreSQL when DATABASE_URL is set, else PGlite in
// DATA_DIR (default ./data). Applies pending migrations before anything else touches the data.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { Store } from './store.ts';

export { Store, DuplicateError } from './store.ts';
export type * from './store.ts';

export interface StoreConfig {
  /** PostgreSQL connection string; when absent, PGlite in dataDir. */
  databaseUrl?: string;
  /** PGlite data folder (default ./data). */
  dataDir?: string;
  /** PostgreSQL schema to use (created when missing). */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    schema: env.DATABASE_SCHEMA || undefined,
    poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
  };
}

export class StoreBusyError extends Error {}

const LOCK_FILE = 'make-it-right.pid';

/**
 * The lock's address: a Unix socket only a live process can hold. On Linux it is in the abstract
 * namespace, which the kernel frees the moment the holder's descriptors close: when it exits or is
 * killed, before a parent reaps it (a killed process that lingers as a zombie holds nothing), and a
 * recycled pid is irrelevant. Elsewhere a socket file in the temp folder (a named pipe on Windows),
 * taken over when nothing answers on it.
 */
function lockAddress(dir: string): string {
  const id = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  if (process.platform === 'linux') return `\0make-it-right-${id}`;
  if (process.platform === 'win32') return `\\\\.\\pipe\\make-it-right-${id}`;
  return join(tmpdir(), `make-it-right-${id}.sock`);
}

function listenOn(address: string): Promise<Server> {
  return new Promise((resolveListen, rejectListen) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', rejectListen);
    server.listen(address, () => {
      server.unref();
      resolveListen(server);
    });
  });
}

function answers(address: string): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect(address);
    socket.once('connect', () => (socket.destroy(), resolveAnswer(true)));
    socket.once('error', () => resolveAnswer(false));
  });
}

/**
 * PGlite is one PostgreSQL in one process: a second process opening the same folder would corrupt
 * it. The lock is the socket above, held while the store is open; the pid file in the folder only
 * says who holds it. A pid file left by a killed process means nothing by itself: restarting right
 * after kill -9 works even while the old process is a zombie, or when its pid went to another process.
 */
async function lockDataDir(dir: string): Promise<() => void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  const address = lockAddress(dir);
  const busy = () => {
    let pid = '';
    try {
      pid = readFileSync(file, 'utf8').trim();
    } catch {
      // no pid file
    }
    return new StoreBusyError(
      `${dir} is in use by another process${/^\d+$/.test(pid) ? ` (pid ${pid})` : ''}. Stop it first, or point DATA_DIR elsewhere; ` +
        'several processes can share one PostgreSQL (DATABASE_URL) instead.',
    );
  };
  let server: Server;
  try {
    server = await listenOn(address);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    // An abstract socket or a pipe in use has a live holder; a socket file may be a dead one's.
    if (address.startsWith('\0') || process.platform === 'win32' || (await answers(address))) throw busy();
    rmSync(address, { force: true });
    server = await listenOn(address);
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    server.close();
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // already gone
    }
  };
}

export async function openDb(config: StoreConfig): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, { schema: config.schema, max: config.poolSize });
  const dir = resolve(config.dataDir ?? './data');
  const unlock = await lockDataDir(dir);
  try {
    const db = await openPglite(dir);
    const close = db.close.bind(db);
    return Object.assign(db, {
      async close() {
        try {
          await close();
        } finally {
          unlock();
        }
      },
    });
  } catch (e) {
    unlock();
    throw e;
  }
}

export async function openStore(config: StoreConfig): Promise<Store> {
  const db = await openDb(config);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return new Store(db);
}
