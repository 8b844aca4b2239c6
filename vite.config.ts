// Vite build for the game.
// - `phaser` resolves to Phaser's core build (no physics, tilemaps, particles...) with its feature flags
//   folded at build time: WebGL only, no Phaser sound (Howler owns audio), no WebGL debug.
// - assets/ is the public folder, so /portraits/..., /backdrops/..., /audio/... are served and copied.
// - Scenarios are read from scenarios/*.yaml when the build runs, validated with the engine's
//   parseScenario, and shipped as /scenarios.json (data, not code). Invalid files are reported with
//   file:line and left out. The dev server re-reads the folder on every request.
// - The browser never parses YAML or validates with zod: its code imports the format's constants from
//   src/engine/vocabulary.ts and only types from schema.ts (tests/architecture/browser.test.ts holds
//   it so). Together with the slim Phaser entry this keeps the production JavaScript small.
// - `virtual:asset-list` tells the game which asset files exist at build time, so it loads what is
//   there and draws fallbacks for the rest without 404s.
import { defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { formatError, parseScenario, type ScenarioError } from './src/engine/load.ts';
import type { Scenario } from './src/engine/schema.ts';
import { join, relative, resolve, sep } from 'node:path';
import { pwa } from './scripts/pwa.ts';
import { winkSlim } from './scripts/wink-slim.ts';

const root = import.meta.dirname;
const PHASER_ENTRY = resolve(root, 'src/game/phaser-entry.cjs');
const PHASER_SRC = resolve(root, 'node_modules/phaser/src') + sep;
const ASSETS = resolve(root, 'assets');

/** Phaser's webpack build replaces `typeof FLAG` with a boolean; this does the same. */
const PHASER_FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: false,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};

function phaserFlags(): Plugin {
  const pattern = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');
  return {
    name: 'phaser-flags',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return null;
      if (!code.includes('typeof ') && !code.includes('global.Phaser')) return null;
      const out = code
        .replace(pattern, (_m, flag: string) => String(PHASER_FLAGS[flag]))
        .replace(/\bglobal\.Phaser\s*=/g, 'globalThis.Phaser =');
      return { code: out, map: null };
    },
  };
}

const SCENARIOS = resolve(root, 'scenarios');

export interface ScenarioBundle {
  scenarios: Scenario[];
  errors: ScenarioError[];
}

export function readScenarios(dir = SCENARIOS): ScenarioBundle {
  const out: ScenarioBundle = { scenarios: [], errors: [] };
  const seen = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const file = `scenarios/${name}`;
    const result = parseScenario(readFileSync(join(dir, name), 'utf8'), file);
    if (!result.ok) {
      out.errors.push(...result.errors);
      continue;
    }
    const prev = seen.get(result.scenario.id);
    if (prev) {
      out.errors.push({ file, line: 1, column: 1, message: `duplicate id: scenario "${result.scenario.id}" is also defined in ${prev}` });
      continue;
    }
    seen.set(result.scenario.id, file);
    out.scenarios.push(result.scenario);
  }
  return out;
}

function scenarioData(): Plugin {
  return {
    name: 'scenario-data',
    configureServer(server) {
      server.middlewares.use('/scenarios.json', (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('cache-control', 'no-store');
        res.end(JSON.stringify(readScenarios()));
      });
    },
    generateBundle() {
      const bundle = readScenarios();
      for (const e of bundle.errors) this.warn(`scenario left out: ${formatError(e)}`);
      this.emitFile({ type: 'asset', fileName: 'scenarios.json', source: JSON.stringify(bundle) });
    },
  };
}

/** Font files the title menu shows (see TITLE_FONTS in src/game/main.ts). */
export const TITLE_FONT_FILES = /^assets\/(nunito-latin-800-normal|inter-latin-(400|600)-normal)-[\w-]+\.woff2$/;

/**
 * Lets the game page fetch the title's font faces alongside its JavaScript instead of after it (their
 * hashed names are known only once the bundle is written, hence a post hook). The scenario list is
 * fetched once the title is up: only Start and Continue need it.
 */
function titlePreloads(): Plugin {
  return {
    name: 'title-preloads',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.filename.endsWith('index.html')) return [];
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) => TITLE_FONT_FILES.test(f)).sort();
        return [
          ...fonts.map((f) => ({ tag: 'link', attrs: { rel: 'preload', href: `/${f}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

function listFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(listFiles(path));
    else out.push('/' + relative(ASSETS, path).split(sep).join('/'));
  }
  return out;
}

function assetList(): Plugin {
  const id = 'virtual:asset-list';
  const resolved = '\0' + id;
  return {
    name: 'asset-list',
    resolveId: (source) => (source === id ? resolved : null),
    load(source) {
      if (source !== resolved) return null;
      const files = listFiles(ASSETS).filter((f) => /\.(svg|png|webp|ogg|mp3|json)$/.test(f)).sort();
      return `export default ${JSON.stringify(files)};`;
    },
    configureServer(server) {
      // New art and audio land while the dev server runs: refresh the list.
      server.watcher.add(ASSETS);
      const refresh = (file: string) => {
        if (!file.startsWith(ASSETS)) return;
        const mod = server.moduleGraph.getModuleById(resolved);
        if (mod) server.moduleGraph.invalidateModule(mod);
      };
      server.watcher.on('add', refresh);
      server.watcher.on('unlink', refresh);
    },
  };
}

export default defineConfig(({ command }) => ({
  publicDir: 'assets',
  plugins: [phaserFlags(), scenarioData(), assetList(), titlePreloads(), winkSlim(), ...pwa(resolve(root, 'dist'))],
  resolve: {
    // The slim entry is CommonJS, which only the build bundles; the dev server uses Phaser's own ESM
    // build (same API, all of it).
    // The studio's graph (@xyflow/react) runs on Preact through preact/compat.
    alias: [
      ...(command === 'build' ? [{ find: /^phaser$/, replacement: PHASER_ENTRY }, { find: /^phaser-src\//, replacement: PHASER_SRC }] : []),
      { find: /^react-dom(\/.*)?$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // Two pages: the game, and the trainer dashboard (served at /trainer).
      input: { main: resolve(root, 'index.html'), trainer: resolve(root, 'trainer.html') },
      output: {
        // Phaser changes rarely; keep it in its own long-cached chunk.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]|phaser-entry/ }] },
      },
    },
  },
}));
