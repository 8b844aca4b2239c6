// Layers point one way: the engine imports no host, shared contracts import only the engine, the
// server imports nothing from the trainer page, the game or the CLI, and no module imports itself
// round a cycle. Read from the real import statements of src/ and scenes/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, ROOT } from './imports.ts';

const graph = importGraph(['src', 'scenes']);
const layer = (file: string) => (file.startsWith('scenes/') ? 'scenes' : file.split('/')[1]);

/** Imports from `from` files into layers not in `allowed`, as "file → target". */
function crossings(from: string, allowed: string[]): string[] {
  const out: string[] = [];
  for (const [file, deps] of graph) {
    if (layer(file) !== from) continue;
    for (const d of deps) if (!allowed.includes(layer(d))) out.push(`${file} → ${d}`);
  }
  return out;
}

/** Bare package imports of a layer's files that match `banned`. */
function packages(from: string, banned: RegExp): string[] {
  const out: string[] = [];
  for (const file of graph.keys()) {
    if (layer(file) !== from) continue;
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'".][^'"]*)['"]/g)) if (banned.test(m[1])) out.push(`${file} → ${m[1]}`);
  }
  return out;
}

describe('layers', () => {
  it('reads a real graph', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/server/app.ts')?.length).toBeGreaterThan(3);
  });

  it('the engine imports only itself, and no host library', () => {
    expect(crossings('engine', ['engine'])).toEqual([]);
    expect(packages('engine', /^(phaser|howler|fastify|@fastify\/|preact|pg$|@electric-sql\/)/)).toEqual([]);
  });

  it('shared contracts import only the engine and each other', () => {
    expect(crossings('shared', ['engine', 'shared'])).toEqual([]);
  });

  it('the server imports nothing from the trainer page, the game, the CLI or the scenes', () => {
    expect(crossings('server', ['server', 'engine', 'shared'])).toEqual([]);
  });

  it('the CLI uses the server only for storage and passwords, never a route', () => {
    expect(crossings('cli', ['cli', 'engine', 'shared', 'server'])).toEqual([]);
    expect([...graph].filter(([f]) => layer(f) === 'cli').flatMap(([f, deps]) => deps.filter((d) => d.startsWith('src/server/routes/')).map((d) => `${f} → ${d}`))).toEqual([]);
  });

  it('the browser pages never import the server or the CLI', () => {
    // src/game/stage.ts is where the game builds its Phaser scenes, so game and scenes meet there.
    for (const page of ['game', 'scenes']) expect(crossings(page, ['game', 'scenes', 'engine', 'shared'])).toEqual([]);
    expect(crossings('trainer', ['trainer', 'engine', 'shared'])).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });
});

describe('cycle finder', () => {
  it('finds a cycle and leaves a chain alone', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
