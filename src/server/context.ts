// What the route modules share: the store, the scenario library and the security settings.
import type { Library } from '../engine/files.ts';
import type { AnalysisLimits } from './analysis/pool.ts';
import type { Catalog } from './plugins/catalog.ts';
import type { MediaOptions } from './media/runner.ts';
import type { ScryptParams } from './security/passwords.ts';
import type { Store } from './store/index.ts';
import type { TrainerStore } from './store/trainer.ts';

export interface RateLimitSetting {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

export interface ServerContext {
  store: Store;
  /** The trainer dashboard's queries; the core routes read chosen trainees from it. */
  trainerStore: TrainerStore;
  library: Library;
  /** The uploads in the library, and who may see each (plugins/catalog.ts). */
  catalog: Catalog;
  passwordParams: ScryptParams;
  sessionTtlMs: number;
  /** Per IP and email on POST /api/session. */
  loginLimit: RateLimitSetting;
  /** Per IP on POST /api/join and POST /api/setup. */
  signupLimit: RateLimitSetting;
  /** Budgets of the analysis of uploaded scenarios (default DEFAULT_ANALYSIS). */
  analysis?: Partial<AnalysisLimits>;
  /** Voice and art of published studio versions (media/runner.ts); false: not made by this process. */
  studioMedia?: MediaOptions | false;
}
