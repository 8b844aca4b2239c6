// The scenarios the build found (see vite.config.ts: scenarios/*.yaml, validated with the engine's
// parseScenario, shipped as /scenarios.json).
import type { ScenarioError } from '../engine/load.ts';
import type { Scenario } from '../engine/schema.ts';

export interface ScenarioPayload {
  scenarios: Scenario[];
  errors: ScenarioError[];
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

export class ScenarioLibrary {
  list: Scenario[] = [];
  errors: ScenarioError[] = [];
  #byId = new Map<string, Scenario>();
  constructor(payload?: Partial<ScenarioPayload> | null) {
    this.load(payload);
  }
  /** Replaces the contents with a /scenarios.json payload. */
  load(payload: Partial<ScenarioPayload> | null | undefined): void {
    const list = Array.isArray(payload?.scenarios) ? payload.scenarios.filter((s) => s && typeof s.id === 'string' && s.nodes && s.endings) : [];
    // Easy first, then by title: a sensible order for a new hire.
    this.list = [...list].sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title));
    this.errors = Array.isArray(payload?.errors) ? payload.errors : [];
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
};
