// Finds the scenario a command names: an id from scenarios/, or a path to a YAML file.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { loadLibrary, loadScenarioFile, SCENARIO_DIR } from '../engine/files.ts';
import { formatError } from '../engine/load.ts';
import type { Scenario } from '../engine/schema.ts';
import { CliError } from './command.ts';

function looksLikePath(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

export function loadOne(ref: string): Scenario {
  if (looksLikePath(ref) || existsSync(ref)) {
    if (!existsSync(ref)) throw new CliError(`no such scenario file: ${ref}`);
    const r = loadScenarioFile(ref);
    if (!r.ok) throw new CliError(`${ref} is not a valid scenario:\n${r.errors.map(formatError).join('\n')}`);
    return r.scenario;
  }
  const lib = loadLibrary([SCENARIO_DIR]);
  const found = lib.scenarios.get(ref);
  if (found) return found;
  const broken = lib.errors.find((e) => e.file.replace(/\.ya?ml$/, '').endsWith(ref));
  if (broken) throw new CliError(`${ref} did not load:\n${lib.errors.filter((e) => e.file === broken.file).map(formatError).join('\n')}`);
  const ids = [...lib.scenarios.keys()].sort();
  throw new CliError(`no scenario "${ref}" in ${relative(process.cwd(), SCENARIO_DIR) || '.'}/ (available: ${ids.join(', ') || 'none'})`);
}

/** Every scenario in scenarios/ that loads; the errors of those that do not. */
export function loadAll(): { scenarios: Scenario[]; errors: string[] } {
  const lib = loadLibrary([SCENARIO_DIR]);
  const scenarios = [...lib.scenarios.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { scenarios, errors: lib.errors.map(formatError) };
}
