// Shared helpers for the asset generators: reading scenarios, seeded randomness, colour maths,
// number formatting for stable SVG output, and small file-system utilities.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');
export const ASSET_DIR = join(ROOT, 'assets');

export * from '../../src/server/media/draw.ts';
import { clean, type ScenarioAssets } from '../../src/server/media/draw.ts';


type Loose = { [key: string]: unknown };
/** A value read leniently: an object's fields, or none. */
const fields = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Loose) : {});
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Every scenario in scenarios/, sorted by id. Files that do not parse are reported and skipped. */
export function loadScenarios(dir = SCENARIO_DIR, warn: (msg: string) => void = (m) => console.warn(m)): ScenarioAssets[] {
  if (!existsSync(dir)) return [];
  const out: ScenarioAssets[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(f)) continue;
    const file = join(dir, f);
    let parsed: unknown;
    try {
      parsed = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      warn(`skipping ${f}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    const data = fields(parsed);
    const id = text(data.id);
    if (!id) {
      warn(`skipping ${f}: no scenario id`);
      continue;
    }
    const customer = fields(data.customer);
    const lines: ScenarioAssets['lines'] = [];
    for (const [key, node] of Object.entries(fields(data.nodes))) {
      const line = text(fields(node).line);
      if (line?.trim()) lines.push({ key, text: clean(line), emotion: text(fields(node).emotion) });
    }
    for (const [key, end] of Object.entries(fields(data.endings))) {
      const line = text(fields(end).line);
      if (line?.trim()) lines.push({ key: `ending-${key}`, text: clean(line), emotion: text(fields(end).emotion) });
    }
    out.push({
      file,
      id,
      setting: text(data.setting) ?? '',
      name: text(customer.name) ?? id,
      voice: text(customer.voice),
      look: fields(customer.look),
      lines,
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}


// ---------------------------------------------------------------- files

/** Writes a file only when its content changed. Returns true when it wrote. */
export function writeIfChanged(file: string, content: string | Buffer): boolean {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) {
    const old = readFileSync(file);
    if (Buffer.isBuffer(content) ? old.equals(content) : old.toString('utf8') === content) return false;
  }
  writeFileSync(file, content);
  return true;
}

/** Removes entries of `dir` that `keep` rejects. Returns the removed names. */
export function prune(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (keep(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** True when this module is the script node was asked to run. */
export function isMain(metaUrl: string): boolean {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(metaUrl);
}

export function mkdirp(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
