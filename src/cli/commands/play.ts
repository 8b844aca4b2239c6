// play <id>: interactive in a terminal, or scripted with --choices (and --seconds, --json).
import { parse, list, secondsList } from '../args.ts';
import { CliError, type Command } from '../command.ts';
import { printDebrief } from '../debrief.ts';
import { playInteractive } from '../interactive.ts';
import { loadOne } from '../scenarios.ts';
import { DEFAULT_SECONDS, eventsFor, parseSeed, stateAfter } from '../steps.ts';

const usage = 'play <id|file> [--seed N] [--choices c1,c2,… [--seconds s1,s2,…] [--json]]';

export const play: Command = {
  name: 'play',
  usage,
  summary: 'play a scenario in the terminal, or replay a list of choices and print the debrief',
  details: [
    'Without --choices: interactive; type a choice number, or "silence". Piped input counts 4 s per answer.',
    'The replies are numbered in the shuffled order the game shows (a new seed each run, printed; --seed repeats it).',
    '--seed      the reply-order seed, 0-4294967295 (as the game draws per attempt)',
    '--choices   choice ids or 1-based numbers, comma-separated (numbers count in the --seed order, or in',
    '            file order without --seed); "silence" lets patience run out',
    `--seconds   seconds taken for each choice (default ${DEFAULT_SECONDS})`,
    '--json      print the conversation report as JSON',
  ],
  async run(args, ctx) {
    const { values, positionals } = parse(args, { choices: { type: 'string' }, seconds: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' } }, usage);
    if (positionals.length !== 1) throw new CliError(`usage: ${usage}`);
    const seed = values.seed === undefined ? null : parseSeed(values.seed);
    const scenario = loadOne(positionals[0]);
    if (values.choices === undefined) {
      if (values.seconds !== undefined || values.json) throw new CliError('--seconds and --json need --choices');
      return playInteractive(scenario, ctx, { seed });
    }
    const events = eventsFor(scenario, list(values.choices, '--choices'), values.seconds ? secondsList(values.seconds) : [], seed);
    const state = stateAfter(scenario, events);
    if (values.json) {
      // The report, with the seed the numbers were read in (null: file order).
      ctx.out(JSON.stringify({ ...state.report, seed }, null, 2));
      return 0;
    }
    if (!state.ended) ctx.out(`The conversation is not finished: it waits at node "${state.context.node}".\n`);
    printDebrief(scenario, state.report, ctx);
    return 0;
  },
};
