// The studio's live checks on a draft: the problems `lint` reports (the loader's schema and reference
// errors, the structural analysis, the gameability gate), each with its file line and the path of the
// field it concerns, and the figures a trainer tunes by (routes, best and worst route, routes per
// ending, the blind strategies' scores). Pure engine work, run in a Web Worker by the studio page and
// timed by the bench.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { analyzeScenario } from '../engine/analyze.ts';
import { gateFindings, measureGameability } from '../engine/gameability.ts';
import { parseScenario } from '../engine/load.ts';
import { locator } from '../engine/locate.ts';
import { summarizeRoutes, type WalkBudget } from '../engine/routes.ts';

export type FieldPath = (string | number)[];

export interface DraftProblem {
  line: number;
  column: number;
  message: string;
  /** The field it concerns (["nodes", "opening", "choices", 0, "text"]); [] for the whole file. */
  path: FieldPath;
  severity: 'error' | 'warning';
}

export interface DraftRoute {
  steps: string[];
  score: number;
  ending: string | null;
}

export interface DraftFigures {
  routes: number;
  /** The walk stopped at its budget: the counts are at least these. */
  truncated: boolean;
  best: DraftRoute;
  worst: DraftRoute;
  perEnding: Record<string, number>;
  strategies: { id: string; label: string; mean: number; passRate: number }[];
}

export interface DraftCheck {
  /** The draft loads as a scenario (it may still have problems). */
  loads: boolean;
  problems: DraftProblem[];
  figures: DraftFigures | null;
  ms: number;
}

/** Keeps a live check fast on large drafts: the gate's figures from fewer plays, the walk bounded. */
export interface CheckOptions {
  walkMs?: number;
  seeds?: number;
  randomPlays?: number;
}

export const LIVE_CHECK: Required<CheckOptions> = { walkMs: 30, seeds: 12, randomPlays: 40 };

/** For each line that holds a key, the path of that key (the deepest key on the line). */
export function pathsByLine(text: string): Map<number, FieldPath> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const out = new Map<number, FieldPath>();
  const walk = (node: unknown, path: FieldPath) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : null;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const p = [...path, key];
        const at = (pair.key as Node | null)?.range?.[0];
        if (at !== undefined) out.set(lc.linePos(at).line, p);
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const at = (item as Node | null)?.range?.[0];
        const line = at !== undefined ? lc.linePos(at).line : null;
        if (line !== null && !out.has(line)) out.set(line, [...path, i]);
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return out;
}

function pathAt(lines: Map<number, FieldPath>, line: number): FieldPath {
  for (let l = line; l >= 1; l--) {
    const p = lines.get(l);
    if (p) return p;
  }
  return [];
}

export function checkDraft(text: string, options: CheckOptions = {}): DraftCheck {
  const started = performance.now();
  const o = { ...LIVE_CHECK, ...options };
  const loaded = parseScenario(text, 'draft.yaml');
  // Only a loader problem needs the line-to-field map (analysis findings carry their path).
  let linesMap: Map<number, FieldPath> | null = null;
  const lines = () => (linesMap ??= pathsByLine(text));
  const warnings: DraftProblem[] = loaded.warnings.map((w) => ({ line: w.line, column: w.column, message: w.message, path: pathAt(lines(), w.line), severity: 'warning' }));
  const done = (problems: DraftProblem[], figures: DraftFigures | null): DraftCheck => ({
    loads: loaded.ok,
    problems: [...problems, ...warnings].sort((a, b) => a.line - b.line || a.column - b.column),
    figures,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
  if (!loaded.ok) {
    return done(loaded.errors.map((e) => ({ line: e.line, column: e.column, message: e.message, path: pathAt(lines(), e.line), severity: 'error' })), null);
  }
  const s = loaded.scenario;
  let locate: ReturnType<typeof locator> | null = null;
  const at = (path: FieldPath) => (locate ??= locator(text))(path);
  const findings = analyzeScenario(s);
  const problems: DraftProblem[] = findings.map((f) => ({ ...at(f.path), message: f.message, path: f.path, severity: 'error' }));
  const budget: WalkBudget = { deadline: Date.now() + o.walkMs };
  const summary = findings.length ? null : summarizeRoutes(s, undefined, budget);
  if (!summary) return done(problems, null);
  const g = measureGameability(s, { seeds: o.seeds, randomPlays: o.randomPlays });
  for (const f of gateFindings(s, g, summary.best.steps)) problems.push({ ...at(f.path), message: f.message, path: f.path, severity: f.severity });
  const route = (r: typeof summary.best): DraftRoute => ({ steps: r.steps, score: r.report.overall, ending: r.report.ending });
  return done(problems, {
    routes: summary.count,
    truncated: summary.truncated || budget.exhausted === true,
    best: route(summary.best),
    worst: route(summary.worst),
    perEnding: summary.endings,
    strategies: g.strategies.map(({ id, label, mean, passRate }) => ({ id, label, mean, passRate })),
  });
}
