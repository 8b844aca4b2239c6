// One wink-nlp instance with the English lite model, made on first use (about 100 ms). The model
// ships inside the npm package: nothing is fetched at run time. Only the annotations the tagger reads
// run (sentences, negation, POS for the lemmas); browser builds leave the unused sentiment and entity
// models out (scripts/wink-slim.ts).
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

export function english(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return nlp;
}

export interface Token {
  lemma: string;
  negated: boolean;
  stop: boolean;
  pos: string;
}

/** Word tokens of a normalised text with lemma, negation scope (wink's negation flag) and POS. */
export function tokens(text: string): Token[] {
  const n = english();
  // wink's `its` helpers are plain functions passed by reference, the way its documentation uses them.
  /* eslint-disable @typescript-eslint/unbound-method */
  const its = n.its;
  const t = n.readDoc(text).tokens();
  const types = t.out(its.type);
  // The typings give lemma an addon-taking signature; at run time it is an ordinary token property.
  const lemmas = t.out(its.lemma as unknown as typeof its.value);
  const negated = t.out(its.negationFlag) as unknown as boolean[];
  const stop = t.out(its.stopWordFlag) as unknown as boolean[];
  const pos = t.out(its.pos);
  /* eslint-enable @typescript-eslint/unbound-method */
  const out: Token[] = [];
  types.forEach((type, i) => {
    if (type !== 'word' && type !== 'number' && type !== 'currency') return;
    out.push({ lemma: type === 'number' ? '#num' : String(lemmas[i]), negated: Boolean(negated[i]), stop: Boolean(stop[i]), pos: String(pos[i]) });
  });
  return out;
}
