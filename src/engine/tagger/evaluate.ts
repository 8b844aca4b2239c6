// Precision, recall and F1 per move and micro-averaged over a labelled set, for `tag --file` and the bench.
import type { Move } from '../moves.ts';
import type { Example } from './model.ts';
import type { Tagger } from './tagger.ts';

export interface MoveScore {
  move: Move;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  perMove: MoveScore[];
  micro: { precision: number; recall: number; f1: number };
  refused: number;
  rows: Array<{ text: string; expected: Move[]; got: Move[] }>;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function evaluate(tagger: Tagger, examples: readonly Example[]): Evaluation {
  const counts = new Map<Move, { tp: number; fp: number; fn: number }>();
  const c = (m: Move) => counts.get(m) ?? counts.set(m, { tp: 0, fp: 0, fn: 0 }).get(m)!;
  let refused = 0;
  const rows: Evaluation['rows'] = [];
  for (const e of examples) {
    const r = tagger.tag(e.text);
    const got = r.ok ? r.moves : [];
    if (!r.ok) refused++;
    rows.push({ text: e.text, expected: e.moves, got });
    for (const m of got) {
      if (e.moves.includes(m)) c(m).tp++;
      else c(m).fp++;
    }
    for (const m of e.moves) if (!got.includes(m)) c(m).fn++;
  }
  const perMove = [...counts].map(([move, { tp, fp, fn }]) => {
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return { move, tp, fp, fn, precision, recall, f1: f1(precision, recall) };
  }).sort((a, b) => a.move.localeCompare(b.move));
  const tp = perMove.reduce((s, m) => s + m.tp, 0);
  const fp = perMove.reduce((s, m) => s + m.fp, 0);
  const fn = perMove.reduce((s, m) => s + m.fn, 0);
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { perMove, micro: { precision, recall, f1: f1(precision, recall) }, refused, rows };
}
