// tag --text "…" | --file F.tsv: what moves the reply tagger reads in a typed reply, or how well it
// does on a file of labelled replies (per-move precision, recall, F1 and the micro-F1).
import { readFileSync } from 'node:fs';
import { evaluate } from '../../engine/tagger/evaluate.ts';
import { parseExamples } from '../../engine/tagger/model.ts';
import { createTagger } from '../../engine/tagger/tagger.ts';
import { parse } from '../args.ts';
import { CliError, type Command } from '../command.ts';
import { table } from '../style.ts';

const usage = 'tag --text "reply" [--json] | tag --file replies.tsv [--json] [--errors]';
const pct = (x: number) => x.toFixed(3);

export const tag: Command = {
  name: 'tag',
  usage,
  summary: 'read the moves in a typed reply, or score the tagger on a moves<TAB>reply file',
  details: [
    '--text     one reply; prints the moves and a confidence (0-1) for each',
    '--file     lines of "move1,move2<TAB>reply" ("#" lines skipped); prints precision, recall and F1 per move and the micro-F1',
    '--errors   with --file: also list the replies tagged differently from their label',
    'e.g. tag --text "I\'m so sorry, I\'ve refunded you" --json',
  ],
  run(args, ctx) {
    const { values, positionals } = parse(args, { text: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' }, errors: { type: 'boolean' } }, usage);
    if (positionals.length || (values.text === undefined) === (values.file === undefined)) throw new CliError(`usage: ${usage}`);
    const tagger = createTagger();
    if (values.text !== undefined) {
      const r = tagger.tag(values.text);
      if (!r.ok) {
        if (values.json) ctx.out(JSON.stringify({ error: r.reason, message: r.message }));
        throw new CliError(r.message);
      }
      if (values.json) ctx.out(JSON.stringify({ moves: r.moves, confidence: r.confidence, unsure: r.unsure }));
      else {
        ctx.out(r.moves.join(' + ') + (r.unsure ? '   (unsure)' : ''));
        ctx.out(table(Object.entries(r.confidence).map(([m, p]) => [m, p.toFixed(2)])).join('\n'));
      }
      return 0;
    }
    let text: string;
    try {
      text = readFileSync(values.file!, 'utf8');
    } catch (e) {
      throw new CliError(`cannot read ${values.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    let examples;
    try {
      examples = parseExamples(text, values.file);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    if (!examples.length) throw new CliError(`${values.file}: no labelled replies in it`);
    const r = evaluate(tagger, examples);
    if (values.json) {
      ctx.out(JSON.stringify({ replies: examples.length, refused: r.refused, micro: r.micro, perMove: r.perMove }, null, 2));
      return 0;
    }
    ctx.out(table([['move', 'precision', 'recall', 'F1', 'n'], ...r.perMove.map((m) => [m.move, pct(m.precision), pct(m.recall), pct(m.f1), String(m.tp + m.fn)])]).join('\n'));
    ctx.out();
    ctx.out(`micro-F1 ${pct(r.micro.f1)} (precision ${pct(r.micro.precision)}, recall ${pct(r.micro.recall)}) on ${examples.length} replies${r.refused ? `, ${r.refused} refused` : ''}`);
    if (values.errors) {
      for (const row of r.rows.filter((x) => x.expected.slice().sort().join() !== x.got.slice().sort().join())) {
        ctx.out(`  expected ${row.expected.join(',')}  got ${row.got.join(',') || '-'}  ${row.text}`);
      }
    }
    return 0;
  },
};
