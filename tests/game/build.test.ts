// The build-time pieces of vite.config.ts: scenario data and the zod-free schema for the browser.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { engineWithoutZod, readScenarios } from '../../vite.config.ts';

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

  it('keeps the schema constants but not zod in the browser build', async () => {
    const id = resolve(ROOT, 'src/engine/schema.ts');
    const plugin = engineWithoutZod();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const out = transform.call({}, readFileSync(id, 'utf8'), id);
    expect(out).not.toBeNull();
    expect(out!.code).not.toMatch(/from ['"]zod['"]/);
    // Only type declarations still mention z; they vanish when TypeScript is stripped.
    const js = (await transformWithOxc(out!.code, 'schema.ts')).code;
    expect(js).not.toMatch(/\bz\s*\./);
    for (const name of ['EMOTIONS', 'SETTINGS', 'OUTCOMES']) expect(out!.code).toContain(`export const ${name}`);
    expect(out!.code).toContain('export { CONDITION_PATTERN }');
  });
});
