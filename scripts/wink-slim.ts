// A Vite plugin for browser builds that use the reply tagger: replaces wink's sentiment and named-entity
// models (about 120 kB gzip) with empty machines. The tagger's wink pipe never runs those two
// annotations (src/engine/tagger/nlp.ts), but wink's loader reads every model the package has.
import type { Plugin } from 'vite';

const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);
const STUBS: Array<[RegExp, string]> = [
  [/wink-eng-lite-web-model[\\/]dist[\\/]languages[\\/]cur[\\/]models[\\/]eng-sa-model\.json$/, JSON.stringify([EMPTY_MACHINE])],
  [/wink-eng-lite-web-model[\\/]dist[\\/]languages[\\/]cur[\\/]models[\\/]eng-ner-model\.json$/, '[]'],
];

export function winkSlim(): Plugin {
  return {
    name: 'wink-slim',
    enforce: 'pre',
    load(id) {
      const stub = STUBS.find(([re]) => re.test(id.split('?')[0]));
      // The id still ends in .json, so Vite's JSON step turns this text into the module.
      return stub ? { code: stub[1], map: null } : null;
    },
  };
}
