// The studio's live checks on a draft: the problems `lint` reports (the loader's schema and reference
// errors, the structural analysis, the gameability gate), each with its file line and the path of the
// field it concerns, and the figures a trainer tunes by (routes, best and worst route, routes per
// ending, the blind strategies' scores). Pure engine work, run in a Web Worker by the studio page and
// timed by the bench.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { analyzeScenario } from '../engine/analyze.ts';
import { gateFindings, measureGameability, RANDOM_PLAYS, STRATEGY_SEEDS, strategyInputs, type Gameability } from '../engine/gameability.ts';
import { readScenario } from '../engine/load.ts';
import { locatorFor } from '../engine/locate.ts';
import { summarizeRoutes, walkInputs, type RouteSummary, type WalkBudget } from '../engine/routes.ts';

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

/**
 * The live check's bounds: the route walk stops after `walkMs` (the figures are then at least these),
 * and the blind strategies play as many times as `lint` plays them, so the studio reports the same
 * problems as the CLI and the publish check.
 */
export interface CheckOptions {
  walkMs?: number;
  seeds?: number;
  randomPlays?: number;
}

export const LIVE_CHECK: Required<CheckOptions> = { walkMs: 30, seeds: STRATEGY_SEEDS, randomPlays: RANDOM_PLAYS };

/** For each line that holds a key, the path of that key (the deepest key on the line). */
export function pathsByLine(text: string): Map<number, FieldPath> {
  const lc = new LineCounter();
  return linePaths(parseDocument(text, { lineCounter: lc }), lc);
}

function linePaths(doc: Document, lc: LineCounter): Map<number, FieldPath> {
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

/** The last result of each costly stage, with what it was computed from. */
interface Kept<T> {
  key: string;
  value: T;
}

export interface DraftChecker {
  /** The check of a draft's text; stages whose inputs are those of the previous call are not redone. */
  check(text: string, options?: CheckOptions): DraftCheck;
  /** The text as plain data (null when it is not a YAML mapping without errors), from the parse `check` made of it. */
  data(text: string): Record<string, unknown> | null;
}

/**
 * A checker that remembers its last text, route walk and strategy figures. Typing in a customer's
 * line changes neither the routes nor what a blind strategy picks by, so most edits replay neither:
 * only the parse, the loader's checks, the structural analysis and the gate's findings run again.
 */
export function createDraftChecker(): DraftChecker {
  let last: { text: string; options: string; check: DraftCheck; doc: Document } | null = null;
  let walk: Kept<{ summary: RouteSummary | null; exhausted: boolean }> | null = null;
  let strategies: Kept<Gameability> | null = null;

  const check = (text: string, options: CheckOptions = {}): DraftCheck => {
    const started = performance.now();
    const o = { ...LIVE_CHECK, ...options };
    const optionsKey = JSON.stringify(o);
    if (last && last.text === text && last.options === optionsKey) return { ...last.check, ms: Math.round((performance.now() - started) * 10) / 10 };
    const { result: loaded, doc, lineCounter } = readScenario(text, 'draft.yaml');
    // Only a loader problem needs the line-to-field map (analysis findings carry their path).
    let linesMap: Map<number, FieldPath> | null = null;
    const lines = () => (linesMap ??= linePaths(doc, lineCounter));
    // Warnings first, as `lint` lists them for a file.
    const warnings: DraftProblem[] = loaded.warnings.map((w) => ({ line: w.line, column: w.column, message: w.message, path: pathAt(lines(), w.line), severity: 'warning' }));
    const done = (problems: DraftProblem[], figures: DraftFigures | null): DraftCheck => {
      const result: DraftCheck = {
        loads: loaded.ok,
        problems: [...warnings, ...problems].sort((a, b) => a.line - b.line || a.column - b.column),
        figures,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      last = { text, options: optionsKey, check: result, doc };
      return result;
    };
    if (!loaded.ok) {
      return done(loaded.errors.map((e) => ({ line: e.line, column: e.column, message: e.message, path: pathAt(lines(), e.line), severity: 'error' })), null);
    }
    const s = loaded.scenario;
    const at = locatorFor(doc, lineCounter);
    const findings = analyzeScenario(s);
    const problems: DraftProblem[] = findings.map((f) => ({ ...at(f.path), message: f.message, path: f.path, severity: 'error' }));
    if (findings.length) return done(problems, null);

    const walkKey = `${o.walkMs}\n${walkInputs(s)}`;
    if (!walk || walk.key !== walkKey) {
      const budget: WalkBudget = { deadline: Date.now() + o.walkMs };
      const summary = summarizeRoutes(s, undefined, budget);
      walk = { key: walkKey, value: { summary, exhausted: budget.exhausted === true } };
    }
    const { summary, exhausted } = walk.value;
    const playKey = `${o.seeds} ${o.randomPlays}\n${strategyInputs(s)}`;
    if (!strategies || strategies.key !== playKey) strategies = { key: playKey, value: measureGameability(s, { seeds: o.seeds, randomPlays: o.randomPlays }) };
    const g = strategies.value;
    // As `lint` does: the gate runs on every sound scenario, with the best route when a walk found one.
    for (const f of gateFindings(s, g, summary?.best.steps)) problems.push({ ...at(f.path), message: f.message, path: f.path, severity: f.severity });
    if (!summary) return done(problems, null);
    const route = (r: typeof summary.best): DraftRoute => ({ steps: r.steps, score: r.report.overall, ending: r.report.ending });
    return done(problems, {
      routes: summary.count,
      truncated: summary.truncated || exhausted,
      best: route(summary.best),
      worst: route(summary.worst),
      perEnding: summary.endings,
      strategies: g.strategies.map(({ id, label, mean, passRate }) => ({ id, label, mean, passRate })),
    });
  };

  const data = (text: string): Record<string, unknown> | null => {
    const doc = last?.text === text ? last.doc : parseDocument(text);
    if (doc.errors.length) return null;
    try {
      const v: unknown = doc.toJS();
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  return { check, data };
}

const shared = createDraftChecker();

/** The check of one draft, through a checker shared by the callers in this thread. */
export function checkDraft(text: string, options: CheckOptions = {}): DraftCheck {
  return shared.check(text, options);
}
