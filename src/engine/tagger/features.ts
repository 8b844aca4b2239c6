// A reply as a set of sparse binary features: lemmas (marked "not:" inside a negation's scope, so
// "not blaming" is a different word from "blaming"), lemma bigrams, and the hand-written cues.
import { tokens, type Token } from './nlp.ts';
import { normalize } from './normalize.ts';
import { cues } from './patterns.ts';

export interface Features {
  normalized: string;
  words: Token[];
  features: string[];
}

export function featuresOf(text: string): Features {
  const normalized = normalize(text);
  const words = tokens(normalized);
  const set = new Set<string>();
  const marked = words.map((w) => (w.negated ? `not:${w.lemma}` : w.lemma));
  for (const m of marked) set.add(`w:${m}`);
  for (let i = 1; i < marked.length; i++) set.add(`b:${marked[i - 1]}_${marked[i]}`);
  if (marked.length) set.add(`first:${marked[0]}`);
  for (const c of cues(normalized)) set.add(c);
  // A negated cue word reads differently: "not a big deal" minimises, "not blaming" does not blame.
  if (words.some((w) => w.negated)) set.add('neg:any');
  return { normalized, words, features: [...set] };
}
