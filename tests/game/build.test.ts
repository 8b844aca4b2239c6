// The build-time pieces of vite.config.ts: the scenario data shipped as /scenarios.json.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarios } from '../../vite.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('build', () => {
  it('ships every valid scenario in scenarios/', () => {
    const bundle = readScenarios();
    const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => /\.ya?ml$/.test(f));
    expect(bundle.scenarios.length + new Set(bundle.errors.map((e) => e.file)).size).toBe(files.length);
    expect(bundle.scenarios.map((s) => s.id)).toContain('trophy-room');
  });

  it('reports a broken scenario with file and line, and leaves it out', () => {
    const bundle = readScenarios(resolve(ROOT, 'tests/fixtures/engine/invalid'));
    expect(bundle.errors.length).toBeGreaterThan(0);
    for (const e of bundle.errors) {
      expect(e.file).toMatch(/\.ya?ml$/);
      expect(e.line).toBeGreaterThan(0);
    }
  });
});
