// What the browser pages load: following only the imports that survive type stripping from each
// page's entry, no module reaches zod, YAML, Node's built-ins or the scenario schema and loader
// (scenarios reach the browser as validated data, /scenarios.json).
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './imports.ts';

const STATEMENT = /(?:^|\n)\s*(import|export)(\s+type)?\s([^'"]*?)from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every file a browser entry loads at run time, and the packages those files import. */
function runtimeReach(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(STATEMENT)) {
      const spec = m[4] ?? m[5];
      // `import type …` and `export type …` are erased; so is `import { type A, type B }`.
      if (m[2] || (m[3] && /^\{\s*(type\s+\w+\s*,?\s*)+\}\s*$/.test(m[3]))) continue;
      if (spec.startsWith('.')) {
        const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec));
        if (/\.tsx?$/.test(target)) todo.push(target);
      } else if (!packages.has(spec)) packages.set(spec, file);
    }
  }
  return { files, packages };
}

describe.each(['src/game/main.ts', 'src/trainer/main.ts'])('the page loaded from %s', (entry) => {
  const { files, packages } = runtimeReach(entry);

  it('loads a real module graph', () => {
    expect(files.size).toBeGreaterThan(10);
  });

  it('never loads the schema validator, the YAML loader or Node built-ins', () => {
    const banned = [...packages].filter(([p]) => p === 'zod' || p === 'yaml' || p.startsWith('node:')).map(([p, f]) => `${f} → ${p}`);
    expect(banned).toEqual([]);
    expect([...files].filter((f) => f === 'src/engine/schema.ts' || f === 'src/engine/load.ts' || f === 'src/engine/files.ts')).toEqual([]);
  });
});

describe('the reach finder', () => {
  it('follows value imports and skips type-only ones', () => {
    const { files } = runtimeReach('scenes/ui/art.ts');
    expect(files.has('src/engine/vocabulary.ts')).toBe(true);
    expect(files.has('src/engine/schema.ts')).toBe(false);
  });
});
