// Node-only: reads scenario files from disk. The browser imports the YAML text through Vite instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseScenario, type LoadResult, type ScenarioError } from './load.ts';
import type { Scenario } from './schema.ts';

export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

export function isScenarioFile(name: string): boolean {
  return /\.ya?ml$/.test(name);
}

/** Scenario files under the given files or folders, sorted. */
export function scenarioFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...readdirSync(p).filter(isScenarioFile).sort().map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

export function loadScenarioFile(path: string): LoadResult {
  const display = relative(process.cwd(), path) || basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ file: display, line: 1, column: 1, message: `cannot read file: ${(e as Error).message}` }], warnings: [] };
  }
  return parseScenario(text, display);
}

export interface Library {
  scenarios: Map<string, Scenario>;
  files: Map<string, string>;
  errors: ScenarioError[];
  /** Printed by lint, never failing a file (a `#` that may cut a sentence short). */
  warnings: ScenarioError[];
}

/** Loads every scenario in the folders; duplicate scenario ids across files are errors. */
export function loadLibrary(paths: readonly string[] = [SCENARIO_DIR]): Library {
  const lib: Library = { scenarios: new Map(), files: new Map(), errors: [], warnings: [] };
  for (const file of scenarioFiles(paths)) {
    const r = loadScenarioFile(file);
    lib.warnings.push(...r.warnings);
    if (!r.ok) {
      lib.errors.push(...r.errors);
      continue;
    }
    const prev = lib.files.get(r.scenario.id);
    if (prev) {
      lib.errors.push({ file: relative(process.cwd(), file), line: 1, column: 1, message: `duplicate id: scenario "${r.scenario.id}" is also defined in ${relative(process.cwd(), prev)}` });
      continue;
    }
    lib.scenarios.set(r.scenario.id, r.scenario);
    lib.files.set(r.scenario.id, file);
  }
  return lib;
}
