// Which authored reply a typed one is closest to: first by the moves made (confidence-weighted overlap
// of move sets), then by wording (overlap of content lemmas). The game shows the best one and lets the
// player confirm it or pick another; the ranking is that list's order.
import type { Move } from '../moves.ts';
import { tokens } from './nlp.ts';
import { normalize } from './normalize.ts';

export interface AuthoredReply {
  id: string;
  text: string;
  moves: readonly Move[];
}

export interface Ranked {
  id: string;
  /** 0-1: how well the moves agree. */
  moves: number;
  /** 0-1: how much of the wording is shared. */
  wording: number;
  score: number;
}

/** Wording only breaks ties and near-ties of the moves: a reply making the right moves in other words wins. */
export const WORDING_WEIGHT = 0.35;

function contentWords(text: string): Set<string> {
  return new Set(tokens(normalize(text)).filter((t) => !t.stop || t.negated).map((t) => (t.negated ? `not:${t.lemma}` : t.lemma)));
}

function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.sqrt(a.size * b.size);
}

/** Weighted Jaccard of the tagged moves (with confidences) against an authored reply's moves. */
function moveAgreement(confidence: Partial<Record<Move, number>>, made: readonly Move[], authored: readonly Move[]): number {
  const tagged = new Map<Move, number>(made.map((m) => [m, confidence[m] ?? 1]));
  const union = new Set<Move>([...tagged.keys(), ...authored]);
  if (!union.size) return 0;
  let shared = 0;
  let total = 0;
  for (const m of union) {
    const w = tagged.get(m) ?? 1;
    total += w;
    if (tagged.has(m) && authored.includes(m)) shared += w;
  }
  return shared / total;
}

export function rankReplies(typed: string, tagged: { moves: readonly Move[]; confidence: Partial<Record<Move, number>> }, replies: readonly AuthoredReply[]): Ranked[] {
  const words = contentWords(typed);
  return replies
    .map((r, i) => {
      const moves = moveAgreement(tagged.confidence, tagged.moves, r.moves);
      const wording = cosine(words, contentWords(r.text));
      return { id: r.id, moves, wording, score: moves + WORDING_WEIGHT * wording, i };
    })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ id, moves, wording, score }) => ({ id, moves, wording, score }));
}
