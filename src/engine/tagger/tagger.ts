// Reads a typed reply and returns the moves it makes, each with a confidence. The shipped model does
// the work; a team's own labelled replies (see TeamExample) override it for replies close to them.
import type { Move } from '../moves.ts';
import { refuse, type Refusal } from './check.ts';
import { featuresOf } from './features.ts';
import { probabilities, type TaggerModel } from './model.ts';
import shipped from './model.json' with { type: 'json' };

export interface Tagged {
  ok: true;
  moves: Move[];
  /** Probability of every move made, and of the near misses (>= 0.2), rounded to 2 places. */
  confidence: Partial<Record<Move, number>>;
  /** True when the tagger is unsure: nothing clearly made, or a move close to the line. */
  unsure: boolean;
  /** "model", or "team" when a trainer's labelled reply decided. */
  source: 'model' | 'team';
}

export type TagResult = Tagged | Refusal;

/** A reply a trainer labelled for their team. */
export interface TeamExample {
  text: string;
  moves: Move[];
}

export interface TaggerOptions {
  model?: TaggerModel;
  team?: readonly TeamExample[];
  /** How similar (0-1, overlap of features) a reply must be to a team example for it to decide. */
  teamSimilarity?: number;
}

const round = (p: number) => Math.round(p * 100) / 100;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.sqrt(a.size * b.size);
}

export function createTagger(options: TaggerOptions = {}) {
  const model = options.model ?? (shipped as unknown as TaggerModel);
  const minTeam = options.teamSimilarity ?? 0.75;
  const team = (options.team ?? []).map((e) => ({ ...e, features: new Set(featuresOf(e.text).features.filter((f) => f.startsWith('w:') || f.startsWith('b:'))) }));

  function tag(text: string): TagResult {
    const f = featuresOf(text);
    const refusal = refuse(text, f.words.filter((w) => w.stop).length, f.words.map((w) => w.lemma));
    if (refusal) return refusal;
    if (team.length) {
      const mine = new Set(f.features.filter((x) => x.startsWith('w:') || x.startsWith('b:')));
      let best: { moves: Move[]; sim: number } | undefined;
      for (const e of team) {
        const sim = overlap(mine, e.features);
        if (sim >= minTeam && (!best || sim > best.sim)) best = { moves: e.moves, sim };
      }
      if (best) {
        const confidence: Partial<Record<Move, number>> = {};
        for (const m of best.moves) confidence[m] = round(best.sim);
        return { ok: true, moves: [...best.moves], confidence, unsure: false, source: 'team' };
      }
    }
    const p = probabilities(model, f.features);
    const ranked = [...p].sort((a, b) => b[1] - a[1]);
    let moves = ranked.filter(([, v]) => v >= model.threshold).map(([m]) => m);
    // Every reply does something: with nothing over the line, take the likeliest move, flagged unsure.
    const forced = moves.length === 0;
    if (forced) moves = [ranked[0][0]];
    const confidence: Partial<Record<Move, number>> = {};
    for (const [m, v] of ranked) if (moves.includes(m) || v >= 0.2) confidence[m] = round(v);
    const unsure = forced || ranked.some(([, v]) => v > model.threshold - 0.15 && v < model.threshold + 0.15);
    return { ok: true, moves, confidence, unsure, source: 'model' };
  }

  return { tag };
}

export type Tagger = ReturnType<typeof createTagger>;
