// `npm run -s cli -- user …` against the same store configuration as the server: the account it
// makes can log in to the API. One real CLI process end to end; the rest runs the command in-process
// with the environment the CLI would read.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/command.ts';
import { user } from '../../src/cli/commands/user.ts';
import { openStore } from '../../src/server/store/index.ts';
import { Client, dropSchema, pgliteTemplate, pgUrl, testApp, uniqueSchema } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function cliProcess(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const savedEnv = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: process.env.DATABASE_SCHEMA };
afterEach(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Runs the command in this process with the given environment; returns its exit code and output. */
async function cli(args: string[], env: Record<string, string | undefined>, stdin?: string) {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const out: string[] = [];
  const input = Readable.from(stdin !== undefined ? [stdin] : []);
  const ctx: CliContext = { out: (l = '') => out.push(l), err: (l = '') => out.push(l), color: false, stdin: input, commands: [user] };
  try {
    const code = await user.run(args, ctx);
    return { code, out: out.join('\n') };
  } catch (e) {
    return { code: 1, out: (e as Error).message };
  }
}

// Real processes and production-strength hashing: slower than the other suites on a busy machine.
describe('cli: user', { timeout: 120_000 }, () => {
  it('explains mistakes before touching the database', async () => {
    const mistakes: [string[], RegExp][] = [
      [['add', '--role', 'boss', '--email', 'x@example.com', '--password', 'long enough'], /--role must be trainer or trainee/],
      [['add', '--role', 'trainer', '--email', 'not-an-email', '--password', 'long enough'], /is not an email address/],
      [['add', '--role', 'trainer', '--email', 'x@example.com', '--password', 'short'], /at least 8 characters/],
      [['add', '--role', 'trainer', '--email', 'x@example.com'], /a password is needed/],
      [['add', '--role', 'trainee', '--email', 'x@example.com', '--password', 'long enough'], /add --team <invite code>/],
      [['add', '--role', 'trainer', '--email', 'x@example.com', '--password', 'long enough', '--team', 'ABCD-2345'], /leave out --team/],
      [['remove'], /unknown action "remove"/],
      [['add', '--colour', 'red'], /Unknown option '--colour'/],
    ];
    for (const [args, message] of mistakes) {
      const r = await cli(args, { DATA_DIR: '/nonexistent/never-opened', DATABASE_URL: undefined });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.out).toMatch(message);
    }
  });

  it('adds the first trainer to a PGlite data folder; the server lets them log in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mir-cli-'));
    try {
      cpSync(await pgliteTemplate(), dir, { recursive: true });
      // The real command line, as the README shows it.
      const add = cliProcess(['user', 'add', '--role', 'trainer', '--email', 'Kim@Example.com', '--password', 'long enough', '--name', 'Kim Lee'], { DATA_DIR: dir });
      expect(add.err).toBe('');
      expect(add.code).toBe(0);
      expect(add.out).toMatch(/Added trainer kim@example.com \(Kim Lee, id 1\)/);

      const env = { DATA_DIR: dir, DATABASE_URL: undefined };
      const dup = await cli(['add', '--role', 'trainer', '--email', 'kim@example.com', '--password', 'long enough'], env);
      expect(dup).toEqual({ code: 1, out: expect.stringMatching(/already exists/) });
      const reset = await cli(['password', '--email', 'kim@example.com', '--password-stdin'], env, 'a new passphrase\n');
      expect(reset).toEqual({ code: 0, out: expect.stringMatching(/Password set for kim@example.com/) });
      expect((await cli(['list'], env)).out).toMatch(/1\s+trainer\s+kim@example.com\s+Kim Lee/);

      const store = await openStore({ dataDir: dir });
      const app = await testApp(store);
      try {
        const c = new Client(app);
        expect((await c.post('/api/session', { email: 'kim@example.com', password: 'long enough' })).status).toBe(401);
        const ok = await c.post('/api/session', { email: 'kim@example.com', password: 'a new passphrase' });
        expect(ok.status).toBe(200);
        expect(ok.body.user).toMatchObject({ role: 'trainer', name: 'Kim Lee' });
        // The production hash parameters (OWASP scrypt) were used.
        expect((await store.userByEmail('kim@example.com'))?.passwordHash).toMatch(/^scrypt\$17\$8\$1\$/);
        // While this process holds the folder, another process may not open it.
        const busy = cliProcess(['user', 'list'], { DATA_DIR: dir });
        expect(busy.code).toBe(1);
        expect(busy.err).toMatch(/in use by another process/);
      } finally {
        await app.close();
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!pgUrl)('adds a trainee with a team invite code on PostgreSQL', async () => {
    const schema = uniqueSchema('cli');
    const env = { DATABASE_URL: pgUrl as string, DATABASE_SCHEMA: schema };
    const store = await openStore({ databaseUrl: pgUrl as string, schema });
    try {
      const trainer = await store.createUser({ email: 't@example.com', name: 'T', role: 'trainer', passwordHash: 'x' });
      const team = await store.createTeam(trainer.id, 'Day shift', 'ABCD2345');
      const add = await cli(['add', '--role', 'trainee', '--email', 'lee@example.com', '--password', 'long enough', '--team', 'abcd-2345'], env);
      expect(add).toEqual({ code: 0, out: expect.stringMatching(/Added trainee lee@example.com \(lee, id \d+\) to team Day shift/) });
      expect((await store.userByEmail('lee@example.com'))?.teamId).toBe(team.id);
      const wrong = await cli(['add', '--role', 'trainee', '--email', 'x@example.com', '--password', 'long enough', '--team', 'ZZZZ-ZZZZ'], env);
      expect(wrong.out).toMatch(/no team has the invite code/);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });
});
