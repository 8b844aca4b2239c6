import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario } from '../../src/engine/load.ts';
import type { Scenario } from '../../src/engine/schema.ts';

export function scenario(id = 'trophy-room'): Scenario {
  const file = resolve(import.meta.dirname, '../../scenarios', `${id}.yaml`);
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.scenario;
}
