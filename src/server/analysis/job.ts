// What the analysis worker does with one uploaded file: the same checks as `lint` (the loader, the
// structural analysis) and the route walk, within a budget, then the gameability gate's figures.
// Runs in the worker thread only (worker.mjs); the request's event loop never does this work.
import { checkScenarioText, computeGameability, type ScenarioCheck } from './check.ts';
import type { GameabilityJson } from '../../shared/types.ts';

export interface AnalysisJob {
  id: number;
  yaml: string;
  file: string;
  /** Steps the route walk may take. */
  maxVisits: number;
  /** Milliseconds the route walk may take. */
  walkMs: number;
}

export interface AnalysisResult {
  check: ScenarioCheck;
  gameability: GameabilityJson | null;
  /** Steps the walk took, and whether its budget ran out (then the figures are estimates). */
  visits: number;
  exhausted: boolean;
  ms: number;
}

export function analyseUpload(job: AnalysisJob): AnalysisResult {
  const started = Date.now();
  const budget = { maxVisits: job.maxVisits, deadline: started + job.walkMs, visits: 0, exhausted: false };
  const check = checkScenarioText(job.yaml, job.file, budget);
  const gameability = check.ok ? computeGameability(check.scenario) : null;
  return { check, gameability, visits: budget.visits, exhausted: budget.exhausted, ms: Date.now() - started };
}
