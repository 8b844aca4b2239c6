// The scenarios the build found (see vite.config.ts: scenarios/*.yaml, validated with the engine's
// parseScenario, shipped as /scenarios.json).
import type { ScenarioError } from '../engine/load.ts';
import type { Scenario } from '../engine/schema.ts';

export interface ScenarioPayload {
  scenarios: Scenario[];
  errors: ScenarioError[];
}

const DIFFICULTY_ORDER: Record<string, number> = { easy: 0, medium: 1, hard: 2 };

const playable = (s: Scenario | null | undefined): s is Scenario => !!s && typeof s.id === 'string' && !!s.nodes && !!s.endings;

export class ScenarioLibrary {
  list: Scenario[] = [];
  errors: ScenarioError[] = [];
  #byId = new Map<string, Scenario>();
  #builtIn: Scenario[] = [];
  #uploaded: Scenario[] = [];
  constructor(payload?: Partial<ScenarioPayload> | null) {
    this.load(payload);
  }
  /** Replaces the built-in scenarios with a /scenarios.json payload. */
  load(payload: Partial<ScenarioPayload> | null | undefined): void {
    this.#builtIn = Array.isArray(payload?.scenarios) ? payload.scenarios.filter(playable) : [];
    this.errors = Array.isArray(payload?.errors) ? payload.errors : [];
    this.#index();
  }
  /** Sets the scenarios trainers uploaded (from the server); none may take over a built-in id. */
  setUploaded(scenarios: readonly Scenario[]): void {
    this.#uploaded = scenarios.filter(playable);
    this.#index();
  }
  #index(): void {
    const builtIn = new Set(this.#builtIn.map((s) => s.id));
    const all = [...this.#builtIn, ...this.#uploaded.filter((s) => !builtIn.has(s.id))];
    // Easy first, then by title: a sensible order for a new hire.
    this.list = all.sort((a, b) => (DIFFICULTY_ORDER[a.difficulty] ?? 1) - (DIFFICULTY_ORDER[b.difficulty] ?? 1) || a.title.localeCompare(b.title));
    this.#byId = new Map(this.list.map((s) => [s.id, s]));
  }
  get ids(): string[] {
    return this.list.map((s) => s.id);
  }
  get(id: string | null | undefined): Scenario | undefined {
    return id ? this.#byId.get(id) : undefined;
  }
}

export const SETTING_LABEL: Record<Scenario['setting'], string> = {
  'hotel-desk': 'Hotel front desk',
  'call-centre': 'Call centre',
  'shop-counter': 'Shop counter',
  office: 'Office',
  chat: 'Live chat',
  'airport-gate': 'Airport gate',
  'clinic-desk': 'Clinic front desk',
};
