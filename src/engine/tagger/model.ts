// The classifier: one logistic regression per move over the sparse features (one-vs-rest), so a reply
// can make several moves, each with its own probability. Trained at build time (scripts/train-tagger.ts)
// and shipped as JSON; predicting is a sum of a few hundred weights.
import { isMove, MOVES, type Move } from '../moves.ts';

export interface TaggerModel {
  version: number;
  moves: readonly Move[];
  bias: number[];
  /** feature -> [move index, weight] pairs, small weights pruned. */
  weights: Record<string, Array<[number, number]>>;
  /** A move is made when its probability reaches this. */
  threshold: number;
  trainedOn: number;
}

export interface Example {
  moves: Move[];
  text: string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probabilities(model: TaggerModel, features: readonly string[]): Map<Move, number> {
  const z = [...model.bias];
  for (const f of features) for (const [i, w] of model.weights[f] ?? []) z[i] += w;
  return new Map(model.moves.map((m, i) => [m, sigmoid(z[i])]));
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  minCount?: number;
  prune?: number;
  threshold?: number;
}

/** Stochastic gradient descent on the log loss, deterministic order (a fixed shuffle). */
export function train(rows: ReadonlyArray<{ moves: readonly Move[]; features: readonly string[] }>, options: TrainOptions = {}): TaggerModel {
  const { epochs = 40, rate = 0.3, l2 = 1e-3, minCount = 2, prune = 0.1, threshold = 0.3 } = options;
  const counts = new Map<string, number>();
  for (const r of rows) for (const f of r.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) index.set(f, index.size);
  const K = MOVES.length;
  const W = new Float64Array(index.size * K);
  const b = new Float64Array(K);
  const data = rows.map((r) => ({ x: r.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined), y: new Set(r.moves.map((m) => MOVES.indexOf(m))) }));
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let e = 0; e < epochs; e++) {
    const order = data.map((_, i) => i).sort(() => rand() - 0.5);
    const lr = rate / (1 + e * 0.1);
    for (const i of order) {
      const { x, y } = data[i];
      for (let k = 0; k < K; k++) {
        let z = b[k];
        for (const j of x) z += W[j * K + k];
        const g = sigmoid(z) - (y.has(k) ? 1 : 0);
        b[k] -= lr * g;
        for (const j of x) W[j * K + k] -= lr * (g + l2 * W[j * K + k]);
      }
    }
  }
  const weights: TaggerModel['weights'] = {};
  for (const [f, j] of index) {
    const pairs: Array<[number, number]> = [];
    for (let k = 0; k < K; k++) {
      const w = W[j * K + k];
      if (Math.abs(w) >= prune) pairs.push([k, Math.round(w * 100) / 100]);
    }
    if (pairs.length) weights[f] = pairs;
  }
  return { version: 1, moves: [...MOVES], bias: [...b].map((v) => Math.round(v * 1000) / 1000), weights, threshold, trainedOn: rows.length };
}

/** Parses `moves<TAB>reply` lines; "#" lines and blank lines are skipped. Throws on unknown moves. */
export function parseExamples(tsv: string, source = 'examples'): Example[] {
  const out: Example[] = [];
  tsv.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${source}:${i + 1}: expected "moves<TAB>reply"`);
    const moves = line.slice(0, tab).split(',').map((m) => m.trim()).filter(Boolean);
    for (const m of moves) if (!isMove(m)) throw new Error(`${source}:${i + 1}: unknown move "${m}"`);
    out.push({ moves: moves as Move[], text: line.slice(tab + 1).trim() });
  });
  return out;
}
