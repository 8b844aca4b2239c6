// Shared helpers for the engine tests: fixture paths, loading, and finding the line a snippet is on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/engine/files.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import type { ConversationEvent } from '../../src/engine/conversation.ts';

/** Relative to the repository root, which is where vitest runs; the loader reports paths this way. */
export const FIXTURES = join('tests', 'fixtures', 'engine');

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** Loads a fixture that must be valid; a fresh Scenario object on every call. */
export function loadFixture(name: string): Scenario {
  const r = loadScenarioFile(fixturePath(name));
  if (!r.ok) throw new Error(`fixture ${name} is invalid:\n${r.errors.map((e) => `${e.line}: ${e.message}`).join('\n')}`);
  return r.scenario;
}

/** Loads a shipped scenario from scenarios/ by id; a fresh Scenario object on every call. */
export function loadShipped(id: string): Scenario {
  const r = loadScenarioFile(join(SCENARIO_DIR, `${id}.yaml`));
  if (!r.ok) throw new Error(`scenarios/${id}.yaml is invalid:\n${r.errors.map((e) => `${e.line}: ${e.message}`).join('\n')}`);
  return r.scenario;
}

/** 1-based numbers of the lines containing `snippet`. */
export function linesOf(path: string, snippet: string): number[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((l, i) => (l.includes(snippet) ? [i + 1] : []));
}

/**
 * The 1-based line containing `snippet`: the only one, or the nth (1-based) when `nth` is given.
 * Throws when the snippet is missing or ambiguous, so a fixture edit cannot silently move a test.
 */
export function lineOf(path: string, snippet: string, nth?: number): number {
  const hits = linesOf(path, snippet);
  if (nth === undefined ? hits.length !== 1 : hits.length < nth) throw new Error(`"${snippet}" occurs ${hits.length} times in ${path}`);
  return hits[(nth ?? 1) - 1];
}

export const choose = (choice: string, seconds = 3): ConversationEvent => ({ type: 'player.choose', choice, seconds });
export const expire = (): ConversationEvent => ({ type: 'customer.patienceExpired' });
