// help [command]: the command list, or one command's options.
import { parse } from '../args.ts';
import { CliError, type CliContext, type Command } from '../command.ts';
import { table } from '../style.ts';

export function usageText(commands: readonly Command[]): string {
  return [
    'Make It Right: scenario authoring and scoring',
    '',
    'usage: npm run -s cli -- <command> [options]',
    '',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Run "help <command>" for its options.',
  ].join('\n');
}

export function printCommandHelp(c: Command, ctx: CliContext): void {
  ctx.out(`usage: ${c.usage}`);
  ctx.out();
  ctx.out(`  ${c.summary}`);
  for (const line of c.details ?? []) ctx.out(`  ${line}`);
}

export const help: Command = {
  name: 'help',
  usage: 'help [command]',
  summary: 'show this list, or the options of one command',
  run(args, ctx) {
    const { positionals } = parse(args, {}, 'help [command]');
    if (positionals.length === 0) {
      ctx.out(usageText(ctx.commands));
      return 0;
    }
    const c = ctx.commands.find((x) => x.name === positionals[0]);
    if (!c) throw new CliError(`unknown command "${positionals[0]}"\n\n${usageText(ctx.commands)}`);
    printCommandHelp(c, ctx);
    return 0;
  },
};
