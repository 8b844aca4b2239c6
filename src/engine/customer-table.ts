// The customer model as a table for authors, computed from customer.ts itself so it cannot drift:
// docs/customer-model.md is written from this by `npm run docs:customer`, and a test fails when the
// committed file differs. Pure: no files here.
import { MOVES, SILENCE, type TurnMove } from './moves.ts';
import {
  absorb,
  cloneHistory,
  emptyHistory,
  reactTo,
  trustFactor,
  DISTRUST_REPAIRED,
  HESITATION_COST,
  MAX_PATIENCE,
  MIN_PATIENCE,
  PERSONA_NEGATIVE_WEIGHT,
  SLOW_SHARE,
  type History,
} from './customer.ts';

/** The situations a move is heard in, each as the moves said before it. */
const SITUATIONS: { label: string; before: TurnMove[] }[] = [
  { label: 'first thing said', before: [] },
  { label: 'after a question', before: ['ask-clarifying'] },
  { label: 'after an apology', before: ['apologize'] },
  { label: 'after the fix', before: ['acknowledge-feelings', 'apologize', 'fix'] },
  { label: 'after a promise', before: ['acknowledge-feelings', 'apologize', 'fix', 'promise-followup'] },
];

function historyAfter(moves: readonly TurnMove[]): History {
  const h = emptyHistory();
  absorb(h, moves);
  return h;
}

function distrustAdded(move: TurnMove, before: readonly TurnMove[]): number {
  const h = historyAfter(before);
  const after = cloneHistory(h);
  absorb(after, [move]);
  return after.distrust - h.distrust;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '0' : `${n}`);

export function customerModelMarkdown(): string {
  const moves: TurnMove[] = [...MOVES, SILENCE];
  const header = ['move', ...SITUATIONS.map((s) => `mood, ${s.label}`), 'mood, said again', 'patience (s)', 'distrust, first thing / after the fix'];
  const rows = moves.map((m) => {
    const moods = SITUATIONS.map((s) => signed(reactTo(m, historyAfter(s.before)).mood));
    const again = signed(reactTo(m, historyAfter(m === 'fix' ? ['apologize', 'fix'] : [m])).mood);
    const patience = signed(reactTo(m, emptyHistory()).patience);
    const distrust = `${signed(distrustAdded(m, []))} / ${signed(distrustAdded(m, SITUATIONS[3].before))}`;
    return [`\`${m}\``, ...moods, again, patience, distrust];
  });
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const weights = Object.entries(PERSONA_NEGATIVE_WEIGHT).map(([p, w]) => `${p} ×${w}`).join(', ');
  const repairs = Object.entries(DISTRUST_REPAIRED).map(([m, n]) => `\`${m}\` −${n}`).join(', ');
  return `<!-- Generated from src/engine/customer.ts by \`npm run docs:customer\`; do not edit by hand. -->
# How the customer reacts

Each reply moves the customer's **satisfaction** (mood, 0–100) and **patience** (the seconds they will
wait for the next answer). A reply's moves are heard in the order they are tagged, so
\`[apologize, fix]\` apologises first. The numbers below are per move, before the adjustments listed
under the table; a choice's \`effect: { mood, patience }\` is added on top of them.

${table}

Adjustments, in this order:

- **Losses** (negative mood) are weighted by persona: ${weights}.
- **Distrust** (0–100) is what the customer holds against the player. The last column shows what each
  move adds. Repairs take some off: ${repairs} (an apology only when it answers a mistake made since
  the last apology; own-it, the fix and a kept promise once each). Every **gain** in mood is scaled by
  the trust left: ×(1 − distrust/80), never below ×${Math.round(trustFactor(100) * 100) / 100}. So an early argument
  still costs after the fix, and a later fix cannot wash it out in one step.
- **The fix** lands at +${reactTo('fix', historyAfter(['apologize'])).mood} after an apology that still stands, and at +${reactTo('fix', emptyHistory()).mood} without one
  (the seeds' contrast: an apology with the remedy satisfies about twice as many customers as the
  remedy alone). Blame, an excuse, an argument, dismissing or a cold transfer after the apology
  means it no longer stands.
- **Hesitation:** an answer slower than ${SLOW_SHARE * 100}% of the customer's patience costs 4 more mood; every
  second taken costs ${HESITATION_COST} s of patience for the next answer. Patience stays between
  ${MIN_PATIENCE} and ${MAX_PATIENCE} s, mood between 0 and 100.

## Branch conditions read the customer after the reply

A branch's \`if\` is checked once the reply has been heard: \`mood\`, \`patience\` and \`distrust\` are the
values after it, and \`said <move>\` includes the moves of this reply. Clauses join with \`and\`:

\`\`\`yaml
next:
  - { if: "said blame-other", to: still-sore }      # blamed someone, at any point so far
  - { if: "mood >= 60 and distrust < 20", to: warm }
  - { to: guarded }                                # the last branch has no "if"
\`\`\`
`;
}
