// Server processes for the benchmark, always on 127.0.0.1:
// - startServer(): the real `npm start` entry (src/server/main.ts) on a fresh store; the production
//   build is made separately (bench/support/build.ts), so only the node process is timed;
// - startPageServer(): the production build of a page (game or reference) behind the real app or a
//   bare @fastify/static (bench/support/page-server.ts), for the browser measurements.
// Every process is stopped by its own pid, and every temporary folder and schema is removed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../src/server/store/index.ts';
import { progress } from '../lib.ts';
import { ROOT } from './build.ts';
import { onCleanup } from './cleanup.ts';

export type StoreKind = 'pglite' | 'postgres';

/** PostgreSQL on this machine (trust auth); every run works in schemas of its own. */
export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StoreHandle {
  kind: StoreKind;
  /** Environment for the server process. */
  env: Record<string, string>;
  dataDir?: string;
  schema?: string;
  /** Opens the same data in this process (PGlite: only while no server holds the folder). */
  open(): Promise<Store>;
}

let schemaCount = 0;
let pgliteTemplate: string | null = null;

/**
 * A PGlite folder that has been through initdb and the migrations, copied for each fresh store.
 * initdb takes seconds, so the folder is kept in bench/out/ between runs, keyed by the PGlite
 * version and the migrations' text.
 */
async function pgliteTemplateDir(): Promise<string> {
  if (pgliteTemplate) return pgliteTemplate;
  const version = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version as string;
  const migrations = resolve(ROOT, 'src/server/migrations');
  const hash = createHash('sha256').update(version);
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(join(migrations, name)));
  const dir = resolve(ROOT, `bench/out/pglite-template-${hash.digest('hex').slice(0, 12)}`);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    progress('store: preparing a PGlite data folder (initdb + migrations; kept in bench/out for later runs)');
    const tmp = mkdtempSync(join(tmpdir(), 'mir-bench-template-'));
    try {
      const store = await openStore({ dataDir: tmp });
      await store.close();
      rmSync(join(tmp, 'make-it-right.pid'), { force: true });
      rmSync(dir, { recursive: true, force: true });
      cpSync(tmp, dir, { recursive: true });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  pgliteTemplate = dir;
  return dir;
}

/** An empty store of the given kind: a new PGlite folder or a new PostgreSQL schema. */
export async function freshStore(kind: StoreKind): Promise<StoreHandle> {
  if (kind === 'pglite') {
    const template = await pgliteTemplateDir();
    const dataDir = mkdtempSync(join(tmpdir(), 'mir-bench-data-'));
    cpSync(template, dataDir, { recursive: true });
    onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));
    return { kind, env: { DATA_DIR: dataDir }, dataDir, open: () => openStore({ dataDir }) };
  }
  const schema = `bench_${process.pid}_${Date.now().toString(36)}_${++schemaCount}`;
  onCleanup(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await c.end();
    }
  });
  return { kind, env: { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema }, schema, open: () => openStore({ databaseUrl: PG_URL, schema }) };
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Current and peak resident memory of the process, from /proc (bytes). */
  memory(): { rss: number; peak: number };
  /** CPU time the process has used so far (user + system, ms), from /proc/<pid>/stat. */
  cpuMs(): number;
  /** Resets the kernel's peak-RSS mark (VmHWM), so peak() covers what follows. */
  resetPeak(): boolean;
  stop(): Promise<void>;
}

function procStatus(pid: number): { rss: number; peak: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** utime + stime of a process in ms (clock ticks are 1/100 s on Linux). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((r) => {
    const t = setTimeout(() => r(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      r(true);
    });
  });
}

/** Spawns `node --import tsx <entry>` and waits for the line that carries its URL. */
async function spawnNode(label: string, entry: string, args: string[], env: Record<string, string>, urlPattern: RegExp): Promise<RunningServer> {
  // BENCH_CPU_PROF=1 writes a V8 CPU profile of every server process to bench/out/prof/.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', resolve(ROOT, 'bench/out/prof')] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = onCleanup(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    if (!(await waitExit(child, 15_000))) {
      child.kill('SIGKILL');
      await waitExit(child, 5_000);
    }
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: no URL within 90 s; output:\n${out.slice(-2000)}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = urlPattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before listening:\n${out.slice(-2000)}`));
    });
  });
  // Keep draining the pipes so the child never blocks on a full one; keep the tail for errors.
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
  const pid = child.pid as number;
  return {
    url,
    pid,
    memory: () => procStatus(pid),
    cpuMs: () => cpuMsOf(pid),
    resetPeak() {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    stop,
  };
}

/** The real server (what `npm start` runs after its build) on a store. */
export async function startServer(store: StoreHandle, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  return spawnNode(`server (${store.kind})`, 'src/server/main.ts', [], { ...store.env, ...extraEnv }, /running at (http:\/\/127\.0\.0\.1:\d+)/);
}

/**
 * A production build behind a web server: 'app' is the real app (buildApp: API, helmet headers with
 * the CSP, @fastify/static) on a fresh PGlite store; 'static' is @fastify/static alone with the same
 * cache headers (the reference page has no API).
 */
export async function startPageServer(mode: 'app' | 'static', dir: string): Promise<RunningServer> {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`no build in ${dir}`);
  const env: Record<string, string> = { PAGE_MODE: mode, PAGE_DIR: dir };
  if (mode === 'app') Object.assign(env, (await freshStore('pglite')).env);
  return spawnNode(`page server (${mode})`, 'bench/support/page-server.ts', [], env, /listening at (http:\/\/127\.0\.0\.1:\d+)/);
}
