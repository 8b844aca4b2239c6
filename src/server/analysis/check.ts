// The checks an uploaded scenario goes through: the same problems, with the same file:line:column, as
// `lint` reports, the route walk (within a budget), and the gameability gate's figures. Pure engine
// work: the analysis worker runs it, and nothing here touches the server.
import { analyzeScenario } from '../../engine/analyze.ts';
import { games, measureGameability, GATE_MAX_MEAN, GATE_MAX_PASS_RATE } from '../../engine/gameability.ts';
import { parseScenario, type ScenarioError } from '../../engine/load.ts';
import { locator } from '../../engine/locate.ts';
import { summarizeRoutes, type RouteSummary, type WalkBudget } from '../../engine/routes.ts';
import type { Scenario } from '../../engine/schema.ts';
import type { GameabilityJson } from '../../shared/types.ts';

export type ScenarioCheck = { ok: true; scenario: Scenario; summary: RouteSummary } | { ok: false; problems: ScenarioError[] };

/**
 * The problems `lint` reports for this text. With a budget
 * (uploads: analysis/job.ts, in a worker thread) the route walk stops when it runs out: the figures
 * are then estimates (summary.truncated), or, when not one route was finished, the file is refused.
 */
export function checkScenarioText(text: string, file: string, budget?: WalkBudget): ScenarioCheck {
  const loaded = parseScenario(text, file);
  if (!loaded.ok) return { ok: false, problems: loaded.errors };
  const findings = analyzeScenario(loaded.scenario);
  if (findings.length) {
    const at = locator(text);
    const problems = findings.map((f) => ({ file, ...at(f.path), message: f.message }));
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  const summary = summarizeRoutes(loaded.scenario, undefined, budget);
  if (!summary && budget?.exhausted) {
    const message = `too costly to analyse: ${budget.visits ?? 0} steps through its routes finished none; fewer branches or loops with a real way out make it analysable`;
    return { ok: false, problems: [{ file, line: 1, column: 1, message }] };
  }
  if (!summary) return { ok: false, problems: [{ file, line: 1, column: 1, message: 'no route through this scenario reaches an ending' }] };
  return { ok: true, scenario: loaded.scenario, summary };
}

/** The blind strategies' figures, as the trainer routes answer them. */
export function computeGameability(s: Scenario): GameabilityJson {
  const m = measureGameability(s);
  return {
    strategies: m.strategies.map(({ id, label, plays, mean, passRate }) => ({ id, label, plays, mean, passRate })),
    gameable: m.strategies.some(games),
    maxMean: GATE_MAX_MEAN,
    maxPassRate: GATE_MAX_PASS_RATE,
  };
}
