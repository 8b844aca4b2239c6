// The debrief printed after play: scores, outcome, satisfaction, and what each turn earned.
import type { ConversationReport } from '../engine/report.ts';
import type { Scenario } from '../engine/schema.ts';
import type { CliContext } from './command.ts';
import { painter, table, wrap } from './style.ts';

export function printDebrief(s: Scenario, report: ConversationReport, ctx: CliContext): void {
  const paint = painter(ctx.color);
  const ending = report.ending ? s.endings[report.ending] : undefined;
  ctx.out(paint(`Debrief: ${s.title}`, 'bold'));
  const verdict = report.passed ? paint('passed', 'green') : paint('not passed', 'red');
  ctx.out(
    table([
      ['outcome', report.outcome ? `${report.outcome} (${report.ending})` : 'unfinished'],
      ['satisfaction', `${report.satisfaction}/100`],
      ['empathy', String(report.empathy)],
      ['ownership', String(report.ownership)],
      ['timing', String(report.timing)],
      ['overall', String(report.overall)],
      ['result', `${verdict} (pass mark ${report.passMark})`],
    ]).join('\n'),
  );
  if (ending) ctx.out(wrap(ending.summary).join('\n'));

  let mood = s.customer.mood;
  report.turns.forEach((t, i) => {
    ctx.out();
    const said = t.choice ?? 'silence';
    ctx.out(`${paint(`Turn ${i + 1}`, 'bold')}  at ${t.node}: ${paint(said, 'cyan')} after ${t.seconds} s  (${t.moves.join(', ')}); satisfaction ${mood} → ${t.moodAfter}`);
    mood = t.moodAfter;
    const notes = report.feedback.filter((f) => f.turn === i);
    for (const f of notes) {
      const points = `${f.points > 0 ? '+' : ''}${f.points} ${f.dimension}`;
      ctx.out(`  ${paint(points.padEnd(16), f.points >= 0 ? 'green' : 'red')}${f.principle}`);
      ctx.out(wrap(f.text, 78, ' '.repeat(18)).join('\n'));
    }
    const note = t.choice ? s.nodes[t.node]?.choices.find((c) => c.id === t.choice)?.note : undefined;
    if (note) ctx.out(wrap(`Note: ${note}`, 78, ' '.repeat(18)).join('\n'));
  });
}
