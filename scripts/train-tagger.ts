// Trains the reply tagger on the shipped scenarios' replies and the hand-written examples, and writes
// src/engine/tagger/model.json (committed). Run: npm run train:tagger. Deterministic: same input, same model.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featuresOf } from '../src/engine/tagger/features.ts';
import { train } from '../src/engine/tagger/model.ts';
import { ownExamples, root, scenarioReplies } from './tagger-corpus.ts';

const own = ownExamples();
const all = [...scenarioReplies(), ...own];
const model = train(all.map((e) => ({ moves: e.moves, features: featuresOf(e.text).features })));
const out = join(root, 'src/engine/tagger/model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`trained on ${all.length} replies (${own.length} hand-written), ${Object.keys(model.weights).length} features -> ${out}`);
