// The studio's live checks against `lint`: on every shipped scenario and on broken copies of one, the
// studio reports the problems the command line prints (line, column, message, error or warning),
// each attached to a field; and a checker that kept its earlier stages answers as a fresh one does.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioFiles, SCENARIO_DIR } from '../../src/engine/files.ts';
import { parseScenario } from '../../src/engine/load.ts';
import { strategyInputs } from '../../src/engine/gameability.ts';
import { walkInputs } from '../../src/engine/routes.ts';
import type { Scenario } from '../../src/engine/schema.ts';
import { createDraftChecker, type DraftCheck } from '../../src/shared/studio-checks.ts';
import { largeDraft } from '../../bench/sections/studio.ts';
import { cli, tempDir, writeFixture } from '../cli/support.ts';

interface Row {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The problems `lint` printed, by file name. */
function lintRows(stdout: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const l of stdout.split('\n')) {
    const m = /^(.*?\.ya?ml):(\d+):(\d+): (warning: )?(.*)$/.exec(l);
    if (!m) continue;
    const file = basename(m[1]);
    out.set(file, [...(out.get(file) ?? []), { file, line: Number(m[2]), column: Number(m[3]), severity: m[4] ? 'warning' : 'error', message: m[5] }]);
  }
  return out;
}

const order = (a: Row, b: Row) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);

/** The route walk's bound matters only for drafts too large to walk; these scenarios are walked in full, as `lint` walks them. */
const FULL_WALK = { walkMs: 20_000 };

function studioRows(file: string, check: DraftCheck): Row[] {
  return check.problems.map((p) => ({ file, line: p.line, column: p.column, severity: p.severity, message: p.message })).sort(order);
}

const SHIPPED = scenarioFiles([SCENARIO_DIR]);
const BASE = readFileSync(SHIPPED.find((f) => f.endsWith('hold-line.yaml')) as string, 'utf8');

/** A copy of the shipped scenario under its own id (lint refuses two files with one id), with one mistake. */
function broken(name: string, from: string | RegExp, to: string): [string, string] {
  const text = BASE.replace('id: hold-line\n', `id: ${name}\n`).replace(from, to);
  if (text === BASE.replace('id: hold-line\n', `id: ${name}\n`)) throw new Error(`${name}: the replacement changed nothing`);
  return [`${name}.yaml`, text];
}

/** One kind of mistake each: the loader's (syntax, schema, references), the analysis's, a warning. */
const BROKEN = Object.fromEntries([
  broken('unknown-move', 'moves: [acknowledge-feelings, apologize]', 'moves: [acknowledge-feelings, teleport]'),
  broken('missing-target', 'next: lost-work', 'next: lost-wrok'),
  broken('misspelt-key', '    emotion: furious', '    emoshun: furious'),
  broken('short-text', /text: >-\n\s+An hour gone[^\n]*\n/, 'text: Sorry.\n'),
  broken('cut-comment', 'line: Hello? HELLO? ... Unbelievable.', 'line: Hello? #1 at service? Unbelievable.'),
  broken('unknown-walkout', 'start: opening', 'start: opening\nwalkOut: gone-quiet'),
  broken('bad-yaml', '  name: Jordan Reyes', '  name: Jordan: Reyes'),
]);

describe('the studio checks a draft as lint checks a file', () => {
  it('reports the same problems as the CLI on every shipped scenario and on broken copies', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    for (const [name, text] of Object.entries(BROKEN)) writeFixture(dir, name, text);
    const run = await cli(['lint', SCENARIO_DIR, dir]);
    const printed = lintRows(run.stdout);
    const texts: [string, string][] = [...SHIPPED.map((f): [string, string] => [basename(f), readFileSync(f, 'utf8')]), ...Object.entries(BROKEN)];
    let problems = 0;
    for (const [file, text] of texts) {
      // A fresh checker per file: nothing kept from another scenario.
      const check = createDraftChecker().check(text, FULL_WALK);
      const expected = (printed.get(file) ?? []).sort(order);
      expect(studioRows(file, check), file).toEqual(expected);
      // Each problem names the field it concerns, so the form can show it there.
      for (const p of check.problems) expect(p.path.length, `${file}: ${p.message}`).toBeGreaterThan(0);
      problems += expected.length;
    }
    // Every broken copy has at least one problem, so the comparison compares something.
    for (const name of Object.keys(BROKEN)) expect(printed.get(name)?.length ?? 0, name).toBeGreaterThan(0);
    expect(problems).toBeGreaterThan(Object.keys(BROKEN).length);
  });
});

const load = (text: string): Scenario => {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.scenario;
};

describe('a checker that keeps its stages', () => {
  it('keeps the walk and the strategies across a change of wording, and redoes them when the play changes', () => {
    const s = load(BASE);
    const reworded = load(BASE.replace('line: Hello? HELLO? ... Unbelievable.', 'line: Hello? Anyone? Unbelievable.').replace('Fifty-five minutes on hold', 'Fifty-six minutes on hold'));
    expect(walkInputs(reworded)).toBe(walkInputs(s));
    expect(strategyInputs(reworded)).toBe(strategyInputs(s));
    // A reply's new wording that makes it the shortest at its node changes what "always the shortest" picks.
    const shorter = load(BASE.replace(/text: >-\n\s+An hour gone[^\n]*\n/, 'text: An hour gone and cut off. Sorry.\n'));
    expect(walkInputs(shorter)).toBe(walkInputs(s));
    expect(strategyInputs(shorter)).not.toBe(strategyInputs(s));
    const moved = load(BASE.replace('moves: [acknowledge-feelings, apologize]', 'moves: [acknowledge-feelings]'));
    expect(walkInputs(moved)).not.toBe(walkInputs(s));
    expect(strategyInputs(moved)).not.toBe(strategyInputs(s));
  });

  it('answers every edit of a draft as a fresh checker does', () => {
    // Small enough to walk in full, so the kept and the fresh walk cannot stop at different places.
    const draft = largeDraft(10);
    const nodes = draft.nodes as Record<string, { line: string; choices: { text: string; moves: string[] }[] }>;
    const kept = createDraftChecker();
    const options = FULL_WALK;
    kept.check(stringify(draft, { lineWidth: 0 }), options);
    const edits: (() => void)[] = [
      () => (nodes['step-3'].line += ' Again.'),
      () => (nodes['step-7'].choices[2].text = 'Refunds take time.'),
      () => (nodes['step-9'].choices[0].moves = ['apologize']),
      () => (nodes['step-9'].choices[0].text = ''),
      () => (nodes['step-9'].choices[0].text = 'I am so sorry; let me look at it now.'),
      () => (nodes['step-8'].line = ''),
    ];
    for (const [i, edit] of edits.entries()) {
      edit();
      const text = stringify(draft, { lineWidth: 0 });
      const a = kept.check(text, options);
      const b = createDraftChecker().check(text, options);
      expect({ ...a, ms: 0 }, `edit ${i}`).toEqual({ ...b, ms: 0 });
    }
  }, 120_000);
});
