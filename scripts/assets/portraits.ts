// Customer portraits: assets/portraits/<scenario-id>/<emotion>.svg for all six emotions.
//
//   node --import tsx scripts/assets/portraits.ts
//
// Built from each customer's `look` in the scenario file. Anything the look leaves out (and the small
// things it never says: face shape, eye colour, collar, parting) is picked with a random generator
// seeded by the scenario id, so a customer looks the same every run and different from the others.
// Bust portrait, viewBox 0 0 400 480, transparent background.
import { join } from 'node:path';
import { EMOTIONS } from '../../src/server/media/draw.ts';
import { renderPortrait } from '../../src/server/media/portrait.ts';
import { ASSET_DIR, isMain, loadScenarios, prune, writeIfChanged } from './lib.ts';

export { character, renderPortrait, VIEWBOX, type Character } from '../../src/server/media/portrait.ts';
export const PORTRAIT_DIR = join(ASSET_DIR, 'portraits');

/** Writes every portrait for every scenario; removes portraits of scenarios that no longer exist. */
export function generatePortraits(log: (msg: string) => void = console.log): { written: number; total: number } {
  const scenarios = loadScenarios();
  let written = 0;
  let total = 0;
  for (const s of scenarios) {
    for (const emotion of EMOTIONS) {
      total++;
      if (writeIfChanged(join(PORTRAIT_DIR, s.id, `${emotion}.svg`), renderPortrait(s.id, s.look, emotion, s.voice))) written++;
    }
  }
  const ids = new Set(scenarios.map((s) => s.id));
  for (const gone of prune(PORTRAIT_DIR, (name) => ids.has(name) || name.endsWith('.svg'))) log(`portraits: removed ${gone}/ (no such scenario)`);
  log(`portraits: ${scenarios.length} customers, ${total} files, ${written} changed`);
  return { written, total };
}

if (isMain(import.meta.url)) generatePortraits();
