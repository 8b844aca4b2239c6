// score --moves …: the rubric alone on a bare sequence of moves, one comma item per turn.
import { isMove, MOVES, SILENCE, type TurnMove } from '../../engine/moves.ts';
import type { RubricTurn } from '../../engine/rubric.ts';
import { scoreTurns } from '../../engine/score.ts';
import { list, parse, secondsList } from '../args.ts';
import { CliError, type Command } from '../command.ts';
import { painter, table, wrap } from '../style.ts';
import { DEFAULT_SECONDS } from '../steps.ts';

const usage = 'score --moves m1,m2+m3,… [--seconds s1,s2,…] [--json]';
/** Bare move sequences have no customer: assume this much patience at every turn. */
export const ASSUMED_PATIENCE = 30;

export function parseTurns(moves: string, seconds: readonly number[]): RubricTurn[] {
  const items = list(moves, '--moves');
  if (seconds.length > items.length) throw new CliError(`--seconds has ${seconds.length} values but --moves only ${items.length} turns`);
  return items.map((item, i) => {
    const turn = item.split('+').map((m) => m.trim()) as TurnMove[];
    for (const m of turn) {
      if (m !== SILENCE && !isMove(m)) {
        throw new CliError(`turn ${i + 1}: unknown move "${String(m)}". Valid moves:\n${wrap(MOVES.join(', ')).join('\n')}\nand "${SILENCE}" on its own for a turn left unanswered`);
      }
    }
    if (turn.includes(SILENCE) && turn.length > 1) throw new CliError(`turn ${i + 1}: "${SILENCE}" stands alone; it cannot be combined with other moves`);
    if (new Set(turn).size !== turn.length) throw new CliError(`turn ${i + 1}: a move is listed twice in "${item}"`);
    // A silent turn lasts until patience runs out, as in a conversation.
    const secs = turn[0] === SILENCE ? ASSUMED_PATIENCE : (seconds[i] ?? DEFAULT_SECONDS);
    return { moves: turn, seconds: secs, patience: ASSUMED_PATIENCE };
  });
}

export const score: Command = {
  name: 'score',
  usage,
  summary: 'score a bare sequence of moves with the rubric (no scenario, patience 30 s per turn)',
  details: [
    'Each comma item is one turn; join several moves in one turn with +, e.g. acknowledge-feelings+apologize,fix',
    `--seconds   seconds taken for each turn (default ${DEFAULT_SECONDS}); "silence" takes the full ${ASSUMED_PATIENCE} s`,
  ],
  run(args, ctx) {
    const { values, positionals } = parse(args, { moves: { type: 'string' }, seconds: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (values.moves === undefined || positionals.length) throw new CliError(`usage: ${usage}`);
    const turns = parseTurns(values.moves, values.seconds ? secondsList(values.seconds) : []);
    const r = scoreTurns(turns);
    if (values.json) {
      const { empathy, ownership, timing, overall, feedback } = r;
      ctx.out(JSON.stringify({ empathy, ownership, timing, overall, feedback }, null, 2));
      return 0;
    }
    const paint = painter(ctx.color);
    ctx.out(table([['empathy', r.empathy], ['ownership', r.ownership], ['timing', r.timing], ['overall', r.overall]]).join('\n'));
    turns.forEach((t, i) => {
      ctx.out();
      ctx.out(`${paint(`Turn ${i + 1}`, 'bold')}  ${t.moves.join(' + ')} (${t.seconds} s)`);
      const rows = r.feedback.filter((f) => f.turn === i).map((f) => [`${f.points > 0 ? '+' : ''}${f.points}`, f.dimension, f.rule]);
      if (rows.length) ctx.out(table(rows.map(([p, ...rest]) => [paint(p, p.startsWith('-') ? 'red' : 'green'), ...rest])).join('\n'));
    });
    return 0;
  },
};
