// lint [paths…]: schema and reference errors from the loader, then the structural analysis.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeScenario } from '../../engine/analyze.ts';
import { loadLibrary, scenarioFiles, SCENARIO_DIR } from '../../engine/files.ts';
import type { ScenarioError } from '../../engine/load.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { locator } from '../locate.ts';
import { painter, plural } from '../style.ts';

const usage = 'lint [paths…]';

function analysisProblems(file: string, findings: ReturnType<typeof analyzeScenario>): ScenarioError[] {
  if (!findings.length) return [];
  const at = locator(readFileSync(file, 'utf8'));
  const display = relative(process.cwd(), file) || file;
  return findings.map((f) => ({ file: display, ...at(f.path), message: f.message }));
}

export const lint: Command = {
  name: 'lint',
  usage,
  summary: 'check scenarios: schema, references, unreachable parts, dead ends, loops, lines too short for their moves',
  details: ['Paths may be scenario files or folders (default: scenarios/). Exits 0 only when nothing is found.'],
  run(args, ctx) {
    const { positionals } = parse(args, {}, usage);
    const paint = painter(ctx.color);
    const paths = positionals.length ? positionals.map((p) => resolve(p)) : [SCENARIO_DIR];
    const problems: ScenarioError[] = [];
    const existing = paths.filter((p, i) => {
      if (statSync(p, { throwIfNoEntry: false })) return true;
      problems.push({ file: positionals[i], line: 0, column: 0, message: 'no such file or folder' });
      return false;
    });
    const files = scenarioFiles(existing);
    const lib = loadLibrary(existing);
    problems.push(...lib.errors);
    for (const [id, scenario] of lib.scenarios) {
      problems.push(...analysisProblems(lib.files.get(id) as string, analyzeScenario(scenario)));
    }
    const fileOrder = new Map(files.map((f, i) => [relative(process.cwd(), f) || f, i]));
    const rank = (p: ScenarioError) => fileOrder.get(p.file) ?? -1;
    problems.sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
    for (const p of problems) {
      const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}:` : `${p.file}:`;
      ctx.out(`${paint(where, 'bold')} ${paint(p.message, 'red')}`);
    }
    if (files.length === 0 && existing.length > 0) ctx.out(paint(`no scenario files (*.yaml, *.yml) in ${positionals.join(', ') || 'scenarios/'}`, 'yellow'));
    const summary = `${plural(files.length, 'scenario')}, ${plural(problems.length, 'problem')}`;
    ctx.out(paint(summary, problems.length ? 'red' : 'green'));
    return problems.length === 0 && files.length > 0 ? 0 : 1;
  },
};
