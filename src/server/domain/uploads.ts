// The scenarios trainers uploaded or published, kept in the server's one scenario library
// (ctx.library) beside the files in scenarios/, with their figures (route walk, gameability gate).
//
// Uploads are stored in scenario_uploads; several server processes on one PostgreSQL pick up each
// other's uploads through ScenarioUploads.refresh. Uploaded scenarios get their figures from the
// analysis worker only, never from a walk on the event loop.
import type { Library } from '../../engine/files.ts';
import { parseScenario } from '../../engine/load.ts';
import { summarizeRoutes, type RouteSummary } from '../../engine/routes.ts';
import type { Scenario } from '../../engine/schema.ts';
import type { GameabilityJson } from '../../shared/types.ts';
import { computeGameability } from '../analysis/check.ts';
import { AnalysisPool } from '../analysis/pool.ts';
import type { TrainerStore } from '../store/trainer.ts';
import { rememberVersion } from './versions.ts';

/** How often a process checks the database for uploads made through another process. */
export const UPLOAD_REFRESH_MS = 5_000;

const summaries = new WeakMap<Scenario, RouteSummary | null>();
/**
 * Uploaded scenarios: their figures come from the analysis worker only (upload time, or after a
 * restart in the background); until they arrive there are none, never a walk on the event loop.
 */
const uploaded = new WeakSet<Scenario>();
const analysing = new WeakMap<Scenario, Promise<void>>();

/** Route walk of a scenario, once per scenario object (a re-upload is a new object). */
export function summaryOf(s: Scenario): RouteSummary | null {
  if (!summaries.has(s) && !uploaded.has(s)) summaries.set(s, summarizeRoutes(s));
  return summaries.get(s) ?? null;
}

/** Once an uploaded scenario's figures are in (or its analysis gave up). */
export async function figuresReady(s: Scenario): Promise<void> {
  await analysing.get(s);
}

const gates = new WeakMap<Scenario, GameabilityJson>();

/** The gameability gate's figures for a scenario, once per scenario object (uploads: from the worker). */
export function gameabilityOf(s: Scenario): GameabilityJson | null {
  let g = gates.get(s);
  if (!g) {
    if (uploaded.has(s)) return null;
    g = computeGameability(s);
    gates.set(s, g);
  }
  return g;
}

/** Figures the analysis worker computed for a scenario published from the studio (routes/studio.ts). */
export function recordFigures(s: Scenario, summary: RouteSummary, gameability: GameabilityJson | null): void {
  summaries.set(s, summary);
  if (gameability) gates.set(s, gameability);
}

export interface UploadMeta {
  uploadId: number;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string | null;
  version: number;
}

export class ScenarioUploads {
  /** Ids of the scenarios read from scenarios/ at start; uploads cannot take these over. */
  readonly builtIn: ReadonlySet<string>;
  readonly meta = new Map<string, UploadMeta>();
  #generation = -1;
  #checkedAt = 0;

  constructor(
    readonly library: Library,
    readonly store: TrainerStore,
    readonly warn: (message: string) => void,
    readonly pool: AnalysisPool = new AnalysisPool(),
  ) {
    this.builtIn = new Set(library.scenarios.keys());
  }

  /**
   * Brings the library up to date with the uploads table. Cheap when nothing changed (one tiny query,
   * at most every UPLOAD_REFRESH_MS unless forced). Never throws: a database hiccup leaves the library
   * as it was.
   */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.#checkedAt < UPLOAD_REFRESH_MS) return;
    this.#checkedAt = Date.now();
    try {
      const generation = await this.store.uploadGeneration();
      if (generation === this.#generation) return;
      for (const u of await this.store.currentUploads()) {
        if (this.meta.get(u.scenarioId)?.uploadId === u.id) continue;
        if (this.builtIn.has(u.scenarioId)) {
          this.warn(`uploaded scenario "${u.scenarioId}" is left out: a built-in scenario has that id`);
          continue;
        }
        const loaded = parseScenario(u.yaml, u.fileName);
        if (!loaded.ok || loaded.scenario.id !== u.scenarioId) {
          this.warn(`uploaded scenario "${u.scenarioId}" (${u.fileName}) no longer loads; it is left out`);
          continue;
        }
        this.add(loaded.scenario, { uploadId: u.id, fileName: u.fileName, uploadedAt: u.uploadedAt, uploadedBy: u.uploadedBy, version: u.version });
        this.#analyseLater(loaded.scenario, u.yaml, u.fileName);
      }
      this.#generation = generation;
    } catch (e) {
      this.warn(`could not read uploaded scenarios: ${(e as Error).message}`);
    }
  }

  /** A stored upload's figures, computed by the worker in the background (playable meanwhile). */
  #analyseLater(s: Scenario, yaml: string, file: string): void {
    const done = this.pool.analyse(yaml, file).then(
      (r) => {
        if (r.check.ok) {
          summaries.set(s, r.check.summary);
          if (r.gameability) gates.set(s, r.gameability);
        } else {
          this.warn(`uploaded scenario "${s.id}" (${file}) has no figures: ${r.check.problems[0]?.message ?? 'its analysis failed'}`);
        }
      },
      (e: Error) => this.warn(`uploaded scenario "${s.id}" (${file}) has no figures: ${e.message}`),
    );
    analysing.set(s, done);
  }

  add(s: Scenario, meta: UploadMeta): void {
    uploaded.add(s);
    this.library.scenarios.set(s.id, s);
    this.library.files.set(s.id, `uploaded:${meta.fileName}`);
    this.meta.set(s.id, meta);
    rememberVersion(this.library, s.id, meta.version, s);
  }
}

