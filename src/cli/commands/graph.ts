// graph <id>: the scenario as a Mermaid flowchart.
import { toMermaid } from '../../engine/graph.ts';
import { parse } from '../args.ts';
import { CliError, type Command } from '../command.ts';
import { loadOne } from '../scenarios.ts';

const usage = 'graph <id|file>';

export const graph: Command = {
  name: 'graph',
  usage,
  summary: 'print the scenario as a Mermaid flowchart (paste into any Mermaid viewer)',
  run(args, ctx) {
    const { positionals } = parse(args, {}, usage);
    if (positionals.length !== 1) throw new CliError(`usage: ${usage}`);
    ctx.out(toMermaid(loadOne(positionals[0])).trimEnd());
    return 0;
  },
};
