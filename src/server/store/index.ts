// Opens the store the environment asks for: PostgreSQL when DATABASE_URL is set, else PGlite in
// DATA_DIR (default ./data). Applies pending migrations before anything else touches the data.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
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

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one PostgreSQL in one process: a second process opening the same folder would corrupt
 * it. A pid file guards the folder; a stale one (its process gone, e.g. after kill -9) is taken over.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOCK_FILE);
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
      throw new StoreBusyError(
        `${dir} is in use by another process (pid ${pid}). Stop it first, or point DATA_DIR elsewhere; ` +
          'several processes can share one PostgreSQL (DATABASE_URL) instead.',
      );
    }
  }
  writeFileSync(file, `${process.pid}\n`);
  return () => {
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
  const unlock = lockDataDir(dir);
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
