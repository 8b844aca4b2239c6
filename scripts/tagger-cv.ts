// Five-fold cross-validation of the tagger on its training replies, for tuning without looking at the
// held-out set. Run: node --import tsx scripts/tagger-cv.ts  (THRESHOLD=0.3 to try another cut-off)
import { evaluate } from '../src/engine/tagger/evaluate.ts';
import { featuresOf } from '../src/engine/tagger/features.ts';
import { train } from '../src/engine/tagger/model.ts';
import { createTagger } from '../src/engine/tagger/tagger.ts';
import { ownExamples, scenarioReplies } from './tagger-corpus.ts';

const own = ownExamples();
const ownTexts = new Set(own.map((e) => e.text));
const all = [...scenarioReplies(), ...own].map((e) => ({ ...e, features: featuresOf(e.text).features }));
const folds = 5;
const sum = { all: { tp: 0, fp: 0, fn: 0 }, own: { tp: 0, fp: 0, fn: 0 } };
for (let k = 0; k < folds; k++) {
  const test = all.filter((_, i) => i % folds === k);
  const tagger = createTagger({ model: train(all.filter((_, i) => i % folds !== k), { threshold: Number(process.env.THRESHOLD ?? 0.3) }) });
  for (const [key, rows] of [['all', test], ['own', test.filter((e) => ownTexts.has(e.text))]] as const) {
    for (const m of evaluate(tagger, rows).perMove) {
      sum[key].tp += m.tp;
      sum[key].fp += m.fp;
      sum[key].fn += m.fn;
    }
  }
}
const f1 = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => ((2 * tp) / (2 * tp + fp + fn)).toFixed(3);
console.log(`cross-validated micro-F1: all ${f1(sum.all)}, hand-written ${f1(sum.own)}`);
