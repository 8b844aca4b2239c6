// user add | list | password: accounts, straight in the store the server uses (same DATA_DIR /
// DATABASE_URL). The way to make the first trainer without a browser.
import { normalizeInviteCode } from '../../shared/http.ts';
import { commonPasswordProblem, hashPassword } from '../../server/security/passwords.ts';
import { DuplicateError, openStore, storeConfigFromEnv, StoreBusyError, type Role, type Store } from '../../server/store/index.ts';
import { parse } from '../args.ts';
import { CliError, type CliContext, type Command } from '../command.ts';
import { painter, table } from '../style.ts';

const usage =
  'user add --role trainer|trainee --email <email> (--password <pw> | --password-stdin) [--name <name>] [--team <invite code>]' +
  ' | user list | user password --email <email> (--password <pw> | --password-stdin)';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 8;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : (chunk).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

async function passwordFrom(values: { password?: string; 'password-stdin'?: boolean }, ctx: CliContext): Promise<string> {
  if (values.password !== undefined && values['password-stdin']) throw new CliError('give --password or --password-stdin, not both');
  const pw = values['password-stdin'] ? await readStdin(ctx.stdin) : values.password;
  if (pw === undefined) throw new CliError(`a password is needed: --password <pw> or --password-stdin\nusage: ${usage}`);
  if (pw.length < MIN_PASSWORD) throw new CliError(`the password needs at least ${MIN_PASSWORD} characters`);
  if (pw.length > 200) throw new CliError('the password may have at most 200 characters');
  const weak = commonPasswordProblem(pw);
  if (weak) throw new CliError(weak);
  return pw;
}

function emailFrom(value: string | undefined): string {
  if (value === undefined) throw new CliError(`--email is needed\nusage: ${usage}`);
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw new CliError(`"${value}" is not an email address`);
  return email;
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = storeConfigFromEnv();
  let store: Store;
  try {
    store = await openStore(config);
  } catch (e) {
    if (e instanceof StoreBusyError) {
      throw new CliError(`${e.message}\nWith the server running, create accounts in the browser (first-run setup, team invite codes) instead.`);
    }
    const where = config.databaseUrl ? 'DATABASE_URL' : `DATA_DIR (${config.dataDir})`;
    throw new CliError(`could not open the database at ${where}: ${(e as Error).message}`);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const options = {
  role: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  name: { type: 'string' },
  team: { type: 'string' },
} as const;

export const user: Command = {
  name: 'user',
  usage,
  summary: 'add a trainer or trainee, list accounts, or set a password (uses DATA_DIR / DATABASE_URL like the server)',
  details: [
    'user add --role trainer --email kim@example.com --password "…" --name "Kim Lee"   the first trainer',
    'user add --role trainee … --team ABCD-2345   a trainee in the team with that invite code',
    'user list                                     every account: id, role, email, name, team',
    'user password --email … --password-stdin       set a new password (ends that user\'s sessions)',
    '--name defaults to the part of the email before @. Passwords: 8 to 200 characters.',
    'With PGlite (no DATABASE_URL) stop the server first: one process owns the data folder.',
  ],
  async run(args, ctx) {
    const { values, positionals } = parse(args, options, usage);
    const [action, ...rest] = positionals;
    if (rest.length) throw new CliError(`unexpected "${rest.join(' ')}"\nusage: ${usage}`);
    const paint = painter(ctx.color);

    if (action === 'add') {
      const role = values.role as Role | undefined;
      if (role !== 'trainer' && role !== 'trainee') throw new CliError(`--role must be trainer or trainee\nusage: ${usage}`);
      const email = emailFrom(values.email);
      const name = (values.name ?? email.split('@')[0]).trim().replace(/\s+/g, ' ');
      if (!name || name.length > 80) throw new CliError('--name must have 1 to 80 characters');
      if (role === 'trainer' && values.team) throw new CliError('trainers own teams rather than join them: leave out --team');
      if (role === 'trainee' && !values.team) throw new CliError('a trainee belongs to a team: add --team <invite code>');
      const password = await passwordFrom(values, ctx);
      return withStore(async (store) => {
        let teamId: number | null = null;
        let teamName = '';
        if (values.team) {
          const team = await store.teamByInviteCode(normalizeInviteCode(values.team));
          if (!team) throw new CliError(`no team has the invite code "${values.team}"`);
          teamId = team.id;
          teamName = team.name;
        }
        try {
          const created = await store.createUser({ email, name, role, passwordHash: await hashPassword(password), teamId });
          ctx.out(`${paint('Added', 'green')} ${role} ${created.email} (${created.name}, id ${created.id})${teamName ? ` to team ${teamName}` : ''}.`);
          return 0;
        } catch (e) {
          if (e instanceof DuplicateError) throw new CliError(`an account with the email ${email} already exists (use "user password" to reset it)`);
          throw e;
        }
      });
    }

    if (action === 'list') {
      return withStore(async (store) => {
        const users = await store.listUsers();
        if (!users.length) {
          ctx.out('No accounts yet. Add the first trainer with: user add --role trainer --email … --password …');
          return 0;
        }
        const teams = new Map<number, string>();
        for (const t of users.filter((u) => u.role === 'trainer')) for (const team of await store.teamsOfTrainer(t.id)) teams.set(team.id, team.name);
        ctx.out(table([['id', 'role', 'email', 'name', 'team'].map((h) => paint(h, 'bold')), ...users.map((u) => [u.id, u.role, u.email, u.name, u.teamId ? (teams.get(u.teamId) ?? String(u.teamId)) : ''])]).join('\n'));
        return 0;
      });
    }

    if (action === 'password') {
      const email = emailFrom(values.email);
      const password = await passwordFrom(values, ctx);
      return withStore(async (store) => {
        const found = await store.userByEmail(email);
        if (!found) throw new CliError(`no account with the email ${email}`);
        await store.setPassword(found.id, await hashPassword(password));
        ctx.out(`${paint('Password set', 'green')} for ${email}; their sessions were ended.`);
        return 0;
      });
    }

    throw new CliError(action ? `unknown action "${action}"\nusage: ${usage}` : `usage: ${usage}`);
  },
};
