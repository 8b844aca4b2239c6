// lint [paths…]: schema and reference errors from the loader, then the structural analysis.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeScenario } from '../../engine/analyze.ts';
import { gateFindings, measureGameability, type GateFinding } from '../../engine/gameability.ts';
import { summarizeRoutes } from '../../engine/routes.ts';
import type { Scenario } from '../../engine/schema.ts';
import { loadLibrary, scenarioFiles, SCENARIO_DIR } from '../../engine/files.ts';
import type { ScenarioError } from '../../engine/load.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { locator } from '../../engine/locate.ts';
import { painter, plural } from '../style.ts';

const usage = 'lint [paths…] [--no-gate]';

/** A problem to print; warnings are shown but do not fail the run. */
type Problem = ScenarioError & { warning?: boolean };

type Located = { path: (string | number)[]; message: string; severity?: GateFinding['severity'] };

function analysisProblems(file: string, findings: readonly Located[]): Problem[] {
  if (!findings.length) return [];
  const at = locator(readFileSync(file, 'utf8'));
  const display = relative(process.cwd(), file) || file;
  return findings.map((f) => ({ file: display, ...at(f.path), message: f.message, ...(f.severity === 'warning' ? { warning: true } : {}) }));
}

/** The gameability gate, run only on a scenario that is structurally sound. */
function gate(s: Scenario): GateFinding[] {
  const sum = summarizeRoutes(s);
  return gateFindings(s, measureGameability(s), sum?.best.steps);
}

export const lint: Command = {
  name: 'lint',
  usage,
  summary: 'check scenarios: schema, references, unreachable parts, dead ends, loops, lines too short for their moves, the gameability gate',
  details: [
    'Paths may be scenario files or folders (default: scenarios/). Exits 0 only when no error is found; warnings are printed but do not fail.',
    '--no-gate skips the gameability gate (structure only, e.g. for a first draft).',
    'The gate fails a scenario where a player who does not read does well: any blind strategy (a fixed position, longest, shortest, most moves, says sorry, random) averaging over 50 or passing over 5% of plays, or a best route whose reply is also the longest at over 40% of decisions.',
  ],
  run(args, ctx) {
    const { values, positionals } = parse(args, { 'no-gate': { type: 'boolean' } }, usage);
    const gateOn = !values['no-gate'];
    const paint = painter(ctx.color);
    const paths = positionals.length ? positionals.map((p) => resolve(p)) : [SCENARIO_DIR];
    const problems: Problem[] = [];
    const existing = paths.filter((p, i) => {
      if (statSync(p, { throwIfNoEntry: false })) return true;
      problems.push({ file: positionals[i], line: 0, column: 0, message: 'no such file or folder' });
      return false;
    });
    const files = scenarioFiles(existing);
    const lib = loadLibrary(existing);
    problems.push(...lib.errors, ...lib.warnings.map((w) => ({ ...w, warning: true })));
    for (const [id, scenario] of lib.scenarios) {
      const findings = analyzeScenario(scenario);
      const file = lib.files.get(id) as string;
      problems.push(...analysisProblems(file, findings));
      if (gateOn && findings.length === 0) problems.push(...analysisProblems(file, gate(scenario)));
    }
    const fileOrder = new Map(files.map((f, i) => [relative(process.cwd(), f) || f, i]));
    const rank = (p: Problem) => fileOrder.get(p.file) ?? -1;
    problems.sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
    for (const p of problems) {
      const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}:` : `${p.file}:`;
      ctx.out(`${paint(where, 'bold')} ${p.warning ? paint(`warning: ${p.message}`, 'yellow') : paint(p.message, 'red')}`);
    }
    const errors = problems.filter((p) => !p.warning).length;
    const warnings = problems.length - errors;
    if (files.length === 0 && existing.length > 0) ctx.out(paint(`no scenario files (*.yaml, *.yml) in ${positionals.join(', ') || 'scenarios/'}`, 'yellow'));
    const summary = `${plural(files.length, 'scenario')}, ${plural(errors, 'problem')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
    ctx.out(paint(summary, errors ? 'red' : warnings ? 'yellow' : 'green'));
    return errors === 0 && files.length > 0 ? 0 : 1;
  },
};
