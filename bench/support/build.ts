// Production builds the page measurements load: the game with the project's own vite.config.ts, and
// the reference (bench/reference: a bare Phaser 4 title built like the official template, full
// `phaser` package, Vite defaults). Both go under bench/out/, built once per run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { progress } from '../lib.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT = resolve(ROOT, 'bench/out');
export const GAME_DIR = resolve(OUT, 'game');
export const REFERENCE_DIR = resolve(OUT, 'reference');

async function viteBuild(config: InlineConfig): Promise<void> {
  await build({ logLevel: 'error', ...config });
}

function referenceKey(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(resolve(ROOT, 'bench/reference')).sort()) h.update(f).update(readFileSync(resolve(ROOT, 'bench/reference', f)));
  for (const pkg of ['phaser', 'vite']) h.update(readFileSync(resolve(ROOT, 'node_modules', pkg, 'package.json')));
  for (const f of ['ui/title-bg.svg', 'ui/logo.svg']) h.update(readFileSync(resolve(ROOT, 'assets', f)));
  return h.digest('hex');
}

let builds: Promise<{ game: string; reference: string }> | null = null;

/** Builds both pages once per run (in order: two builds at once would fight over 2 cores). */
export function ensureBuilds(): Promise<{ game: string; reference: string }> {
  builds ??= (async () => {
    progress('build: game (vite.config.ts) -> bench/out/game');
    await viteBuild({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), build: { outDir: GAME_DIR, emptyOutDir: true } });
    // The reference changes only with its own files, Phaser, Vite or the title art: reuse it.
    const key = referenceKey();
    const stamp = resolve(REFERENCE_DIR, '.bench-key');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) {
      progress('build: reference unchanged, reusing bench/out/reference');
    } else {
      progress('build: reference (bare Phaser 4, full package) -> bench/out/reference');
      await viteBuild({
        configFile: false,
        root: resolve(ROOT, 'bench/reference'),
        publicDir: resolve(ROOT, 'assets'),
        build: { outDir: REFERENCE_DIR, emptyOutDir: true },
      });
      writeFileSync(stamp, key);
    }
    if (!existsSync(resolve(GAME_DIR, 'index.html')) || !existsSync(resolve(REFERENCE_DIR, 'index.html'))) throw new Error('a build produced no index.html');
    return { game: GAME_DIR, reference: REFERENCE_DIR };
  })();
  return builds;
}
