// Interactive play in a terminal: the customer speaks, the author picks a numbered answer, and the
// real time taken counts (a fixed time per answer when input is piped). The replies are numbered in
// the shuffled order the game would show for the seed (src/engine/shuffle.ts): --seed, or a new one.
import { createInterface } from 'node:readline/promises';
import { MIN_ANSWER_SECONDS, type ConversationEvent } from '../engine/conversation.ts';
import type { Scenario } from '../engine/schema.ts';
import { newSeed } from '../engine/shuffle.ts';
import type { CliContext } from './command.ts';
import { printDebrief } from './debrief.ts';
import { DEFAULT_SECONDS, findChoice, numbered, SILENCE_WORD, stateAfter } from './steps.ts';
import { painter, wrap } from './style.ts';

export interface InteractiveOptions {
  /** The reply-order seed; null or absent draws a new one (printed, so the run can be repeated). */
  seed?: number | null;
  now?: () => number;
}

export async function playInteractive(s: Scenario, ctx: CliContext, options: InteractiveOptions = {}): Promise<number> {
  const now = options.now ?? (() => performance.now());
  const seed = options.seed ?? newSeed();
  const paint = painter(ctx.color);
  const live = Boolean(ctx.stdin.isTTY);
  const rl = createInterface({ input: ctx.stdin, output: live ? process.stdout : undefined, terminal: live });
  // Lines piped in before a question is asked are kept by the iterator, not dropped.
  const lines = rl[Symbol.asyncIterator]();
  // Ctrl-C ends the input, so the game stops like it does at the end of piped input.
  rl.on('SIGINT', () => rl.close());
  const events: ConversationEvent[] = [];
  const name = s.customer.name;
  try {
    ctx.out(paint(s.title, 'bold'));
    ctx.out(wrap(`${s.briefing.who} ${s.briefing.mistake}`).join('\n'));
    ctx.out(wrap(`Goal: ${s.briefing.goal}`).join('\n'));
    ctx.out(paint(`Replies in shuffled order, seed ${seed} (--seed ${seed} shows the same order again).`, 'dim'));
    for (;;) {
      const state = stateAfter(s, events);
      const { context } = state;
      if (state.ended) {
        const ending = s.endings[context.ending as string];
        ctx.out();
        ctx.out(`${paint(name, 'bold')} ${paint(`(${ending.emotion})`, 'dim')}: ${ending.line.replace(/\s+/g, ' ').trim()}`);
        ctx.out();
        printDebrief(s, state.report, ctx);
        return 0;
      }
      const node = s.nodes[context.node];
      ctx.out();
      const again = context.turns.at(-1)?.node === context.node;
      if (node.narration && !again) ctx.out(paint(wrap(node.narration).join('\n'), 'dim'));
      ctx.out(`${paint(name, 'bold')} ${paint(`(${node.emotion})`, 'dim')}:`);
      ctx.out(wrap(node.line, 78, '    ').join('\n'));
      ctx.out(paint(`  patience ${context.patience} s, satisfaction ${context.mood}/100`, 'dim'));
      const order = numbered(node, context.node, seed);
      order.forEach((c, i) => {
        const [first, ...rest] = wrap(c.text, 78, '      ');
        ctx.out(`  ${paint(String(i + 1).padStart(2), 'cyan')}  ${first.trimStart()}`);
        if (rest.length) ctx.out(rest.join('\n'));
      });
      const asked = now();
      let event: ConversationEvent | undefined;
      while (!event) {
        ctx.out(`Your answer (1-${node.choices.length}, or "${SILENCE_WORD}"):`);
        const next = await lines.next();
        if (next.done) {
          ctx.err('stopped: input ended before the conversation finished');
          return 1;
        }
        const answer = next.value.trim();
        if (answer === '') continue;
        if (!live) ctx.out(`> ${answer}`);
        if (answer === SILENCE_WORD || answer === 's') {
          event = { type: 'customer.patienceExpired' };
          break;
        }
        const choice = findChoice(node, answer, order);
        if (!choice) {
          ctx.out(paint(`"${answer}" is not one of the choices.`, 'yellow'));
          continue;
        }
        const measured = live ? Math.max(MIN_ANSWER_SECONDS, Math.round((now() - asked) / 100) / 10) : DEFAULT_SECONDS;
        if (measured > context.patience) {
          ctx.out(paint(`You took ${measured} s; ${name}'s patience ran out after ${context.patience} s, so you said nothing in time.`, 'yellow'));
          event = { type: 'customer.patienceExpired' };
        } else event = { type: 'player.choose', choice: choice.id, seconds: measured };
      }
      if (event.type === 'customer.patienceExpired' && node.silence?.line) ctx.out(wrap(node.silence.line, 78, '    ').join('\n'));
      events.push(event);
    }
  } finally {
    rl.close();
  }
}
