// Production builds the page measurements load: the game with the project's own vite.config.ts, and
// the reference (bench/reference: a bare Phaser 4 title built like the official template, full
// `phaser` package, Vite defaults). Both go under bench/out/, built once per run.
import { existsSync } from 'node:fs';
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

let builds: Promise<{ game: string; reference: string }> | null = null;

/** Builds both pages once per run (in order: two builds at once would fight over 2 cores). */
export function ensureBuilds(): Promise<{ game: string; reference: string }> {
  builds ??= (async () => {
    progress('build: game (vite.config.ts) -> bench/out/game');
    await viteBuild({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), build: { outDir: GAME_DIR, emptyOutDir: true } });
    progress('build: reference (bare Phaser 4, full package) -> bench/out/reference');
    await viteBuild({
      configFile: false,
      root: resolve(ROOT, 'bench/reference'),
      publicDir: resolve(ROOT, 'assets'),
      build: { outDir: REFERENCE_DIR, emptyOutDir: true },
    });
    if (!existsSync(resolve(GAME_DIR, 'index.html')) || !existsSync(resolve(REFERENCE_DIR, 'index.html'))) throw new Error('a build produced no index.html');
    return { game: GAME_DIR, reference: REFERENCE_DIR };
  })();
  return builds;
}
