// Vite build for the game.
// - `phaser` resolves to Phaser's core build (no physics, tilemaps, particles...) with its feature flags
//   folded at build time: WebGL only, no Phaser sound (Howler owns audio), no WebGL debug.
// - assets/ is the public folder, so /portraits/..., /backdrops/..., /audio/... are served and copied.
// - Scenarios are read from scenarios/*.yaml when the build runs, validated with the engine's
//   parseScenario, and shipped as /scenarios.json (data, not code). Invalid files are reported with
//   file:line and left out. The dev server re-reads the folder on every request.
// - The browser never parses YAML or validates with zod, so src/engine/schema.ts is reduced to its
//   plain constants in the client bundle (see `engineWithoutZod`). Together with the slim Phaser entry
//   this keeps the production JavaScript under 250 kB gzip.
// - `virtual:asset-list` tells the game which asset files exist at build time, so it loads what is
//   there and draws fallbacks for the rest without 404s.
import { defineConfig, type Plugin } from 'vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { parseAst } from 'vite';
import { formatError, parseScenario, type ScenarioError } from './src/engine/load.ts';
import type { Scenario } from './src/engine/schema.ts';
import { join, relative, resolve, sep } from 'node:path';

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
const SCHEMA = resolve(root, 'src/engine/schema.ts');

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

/**
 * Drops zod from src/engine/schema.ts in the browser bundle: the import of zod and every top-level
 * statement that builds a schema, keeping the plain constants (EMOTIONS, CONDITION_PATTERN, ...) that
 * the conversation engine needs at run time. If browser code ever imports a schema, the build fails
 * with a missing-export error rather than shipping something wrong.
 */
export function engineWithoutZod(): Plugin {
  return {
    name: 'engine-without-zod',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (id !== SCHEMA) return null;
      const program = parseAst(code, { lang: 'ts', range: true });
      const dropped = new Set<string>();
      const uses = (text: string) =>
        /\bz\s*\./.test(text) || [...dropped].some((n) => new RegExp(`\\b${n}\\b`).test(text));
      const keep = program.body.map(() => true);
      let changed = true;
      while (changed) {
        changed = false;
        program.body.forEach((stmt, i) => {
          if (!keep[i]) return;
          const text = code.slice(stmt.start, stmt.end);
          if (stmt.type === 'ImportDeclaration' && stmt.source.value === 'zod') {
            keep[i] = false;
            changed = true;
            return;
          }
          const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : stmt;
          if (decl?.type === 'VariableDeclaration' && uses(text)) {
            keep[i] = false;
            changed = true;
            for (const d of decl.declarations) if (d.id.type === 'Identifier') dropped.add(d.id.name);
          }
        });
      }
      const body = program.body.filter((_s, i) => keep[i]).map((s) => code.slice(s.start, s.end));
      return { code: body.join('\n'), map: null };
    },
  };
}

/** Font files the title menu shows (see TITLE_FONTS in src/game/main.ts). */
export const TITLE_FONT_FILES = /^assets\/(nunito-latin-800-normal|inter-latin-(400|600|700)-normal)-[\w-]+\.woff2$/;

/**
 * Lets the game page fetch what its title needs alongside its JavaScript instead of after it: the
 * scenario list and the title's font faces (their hashed names are known only once the bundle is
 * written, hence a post hook).
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
          { tag: 'link', attrs: { rel: 'preload', href: '/scenarios.json', as: 'fetch', crossorigin: '' }, injectTo: 'head' },
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
  plugins: [phaserFlags(), engineWithoutZod(), scenarioData(), assetList(), titlePreloads()],
  resolve: {
    // The slim entry is CommonJS, which only the build bundles; the dev server uses Phaser's own ESM
    // build (same API, all of it).
    alias: command === 'build' ? [{ find: /^phaser$/, replacement: PHASER_ENTRY }, { find: /^phaser-src\//, replacement: PHASER_SRC }] : [],
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
