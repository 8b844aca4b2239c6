// Entry point: `npm run -s cli -- <command> …`. Finds the command in the registry and runs it;
// mistakes print a message (exit 1), anything unexpected prints one line (exit 2), never a stack.
import { CliError, type CliContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { printCommandHelp, usageText } from './commands/help.ts';

// A closed pipe (e.g. `… | head`) is not an error worth reporting.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

export async function main(argv: string[]): Promise<number> {
  const ctx: CliContext = {
    out: (line = '') => process.stdout.write(`${line}\n`),
    err: (line = '') => process.stderr.write(`${line}\n`),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    stdin: process.stdin,
    commands: COMMANDS,
  };
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    ctx.out(usageText(COMMANDS));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.err(`unknown command "${name}"\n`);
    ctx.err(usageText(COMMANDS));
    return 1;
  }
  if (args.includes('--help') || args.includes('-h')) {
    printCommandHelp(command, ctx);
    return 0;
  }
  try {
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      ctx.err(e.message);
      return e.exitCode;
    }
    ctx.err(`${name}: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  return 2;
});
