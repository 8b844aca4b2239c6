import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/engine/files.ts';
import { parseScenario } from '../../src/engine/load.ts';
import { replay } from '../../src/engine/replay.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const file = resolve(import.meta.dirname, '../../scenarios/trophy-room.yaml');

describe('walkOut: where an ignored customer goes', () => {
  it('follows the scenario\'s walkOut ending after two silences', () => {
    const r = loadScenarioFile(file);
    if (!r.ok) throw new Error('trophy-room must load');
    expect(r.scenario.walkOut).toBe('lost-quietly');
    const out = replay(r.scenario, [{ type: 'customer.patienceExpired' }, { type: 'customer.patienceExpired' }]);
    expect(out.ok && out.context.ending).toBe('lost-quietly');
  });

  it('defaults to the first lost ending when walkOut is absent', () => {
    const text = readFileSync(file, 'utf8').replace(/^walkOut: .*\n/m, '');
    const r = parseScenario(text, 'trophy-room.yaml');
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
    const out = replay(r.scenario, [{ type: 'customer.patienceExpired' }, { type: 'customer.patienceExpired' }]);
    expect(out.ok && out.context.ending).toBe('polite-exit');
  });

  it('names the line when walkOut points at no ending', () => {
    const text = readFileSync(file, 'utf8').replace(/^walkOut: .*$/m, 'walkOut: nowhere');
    const r = parseScenario(text, 'trophy-room.yaml');
    expect(r.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.startsWith('walkOut:')) + 1;
    expect(r.errors).toContainEqual(expect.objectContaining({ line, message: 'walkOut: there is no ending "nowhere"' }));
  });
});
