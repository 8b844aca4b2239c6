// The PGlite data folder's lock (finding 8): a restart right after kill -9 works, also while the
// killed process lingers as a zombie and when its pid now belongs to another process; a live holder
// still keeps a second process out.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreBusyError } from '../../src/server/store/index.ts';
import { pgliteTemplate } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mir-lock-'));
  dirs.push(dir);
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('PGlite data folder lock', { timeout: 60_000 }, () => {
  it('a pid file naming a live, unrelated process is no lock (a recycled pid)', async () => {
    const dir = await dataDir();
    const other = spawn('sleep', ['30']);
    children.push(other);
    writeFileSync(join(dir, 'make-it-right.pid'), `${other.pid}\n`);
    expect(alive(other.pid as number)).toBe(true);
    const store = await openStore({ dataDir: dir });
    expect(readFileSync(join(dir, 'make-it-right.pid'), 'utf8').trim()).toBe(String(process.pid));
    // While this process holds it, a second open is refused.
    await expect(openStore({ dataDir: dir })).rejects.toThrow(StoreBusyError);
    await store.close();
    expect(existsSync(join(dir, 'make-it-right.pid'))).toBe(false);
    const again = await openStore({ dataDir: dir });
    await again.close();
  });

  it.skipIf(process.platform === 'win32')('kill -9 of the holder frees the folder at once, even while it is a zombie', async () => {
    const dir = await dataDir();
    const script = join(dir, '..', `hold-${process.pid}-${Date.now()}.mts`);
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(join(ROOT, 'src/server/store/index.ts'))};\n` +
        `await openStore({ dataDir: ${JSON.stringify(dir)} });\nconsole.log('held ' + process.pid);\nsetInterval(() => {}, 1000);\n`,
    );
    // sh starts the holder, then becomes `sleep`, which never reaps it: once killed, it stays a zombie.
    const parent = spawn('sh', ['-c', `"${process.execPath}" --import tsx "${script}" & exec sleep 60`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(parent);
    const pid = await new Promise<number>((resolvePid, rejectPid) => {
      let out = '';
      const timer = setTimeout(() => rejectPid(new Error(`holder did not start: ${out}`)), 30_000);
      parent.stdout?.on('data', (d) => {
        out += d;
        const m = /held (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolvePid(Number(m[1]));
        }
      });
    });
    try {
      await expect(openStore({ dataDir: dir })).rejects.toThrow(/in use by another process \(pid \d+\)/);
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); i++) await new Promise((r) => setTimeout(r, 20));
      if (process.platform === 'linux') expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
      expect(alive(pid)).toBe(true); // what the old check saw: kill(pid, 0) succeeds on a zombie
      expect(readFileSync(join(dir, 'make-it-right.pid'), 'utf8').trim()).toBe(String(pid));
      // The kernel closes the killed process's descriptors once its threads have exited (half a second here).
      const killedAt = Date.now();
      let store = null;
      while (!store) {
        try {
          store = await openStore({ dataDir: dir });
        } catch (e) {
          if (!(e instanceof StoreBusyError) || Date.now() - killedAt > 5000) throw e;
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      expect(alive(pid)).toBe(true); // still a zombie
      await store.close();
    } finally {
      parent.kill('SIGKILL');
      rmSync(script, { force: true });
    }
  });
});
