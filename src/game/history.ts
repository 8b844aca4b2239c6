// The player's finished attempts on this device: best score per scenario for the select screen.
import type { Outcome } from '../engine/schema.ts';
import { KEYS, readJson, writeJson } from './storage.ts';

export interface AttemptRecord {
  scenarioId: string;
  overall: number;
  passed: boolean;
  outcome: Outcome | null;
  /** ISO date */
  at: string;
}

export const HISTORY_LIMIT = 200;

export class History {
  constructor(private storage: Storage) {}
  all(): AttemptRecord[] {
    const list = readJson<AttemptRecord[]>(this.storage, KEYS.history);
    return Array.isArray(list) ? list.filter((r) => r && typeof r.scenarioId === 'string' && typeof r.overall === 'number') : [];
  }
  add(record: AttemptRecord): void {
    const list = [...this.all(), record].slice(-HISTORY_LIMIT);
    writeJson(this.storage, KEYS.history, list);
  }
  best(scenarioId: string): AttemptRecord | null {
    let best: AttemptRecord | null = null;
    for (const r of this.all()) if (r.scenarioId === scenarioId && (!best || r.overall > best.overall)) best = r;
    return best;
  }
  attempts(scenarioId: string): number {
    return this.all().filter((r) => r.scenarioId === scenarioId).length;
  }
}
