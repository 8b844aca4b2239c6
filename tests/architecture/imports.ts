// The import graph of the project's own TypeScript files, read from their import statements, for the
// layering test. Type-only imports count: a type names a dependency as much as a value does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { stronglyConnected } from '../../src/engine/components.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const SPEC = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Repo-relative file → the repo-relative files it imports. */
export function importGraph(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const dir of dirs) {
    for (const file of walk(join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      const deps: string[] = [];
      for (const m of text.matchAll(SPEC)) deps.push(relative(ROOT, resolve(dirname(file), m[1] ?? m[2])));
      graph.set(relative(ROOT, file), deps);
    }
  }
  return graph;
}

/** Every cycle's files, one sorted list a cycle (strongly connected components of more than one file). */
export function cycles(graph: Map<string, string[]>): string[][] {
  return stronglyConnected(graph.keys(), (v) => (graph.get(v) ?? []).filter((w) => graph.has(w)))
    .filter((c) => c.length > 1)
    .map((c) => c.sort());
}
