// A conversation in progress, saved so that leaving (or reloading) and coming back resumes it.
import type { Snapshot } from 'xstate';
import { KEYS, readJson, writeJson } from './storage.ts';

export const SAVE_VERSION = 1;

export interface SavedConversation {
  version: typeof SAVE_VERSION;
  scenarioId: string;
  /** The conversation actor's getPersistedSnapshot(). */
  snapshot: Snapshot<unknown>;
  /** Game seconds the player had already used at the current line. */
  elapsed: number;
  /** When it was saved (ISO date). */
  savedAt: string;
}

function isSave(v: unknown): v is SavedConversation {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    s.version === SAVE_VERSION &&
    typeof s.scenarioId === 'string' &&
    !!s.snapshot &&
    typeof s.snapshot === 'object' &&
    typeof s.elapsed === 'number' &&
    Number.isFinite(s.elapsed) &&
    s.elapsed >= 0
  );
}

export function serializeSave(save: SavedConversation): string {
  return JSON.stringify(save);
}

export function parseSave(text: string | null): SavedConversation | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return isSave(v) ? v : null;
  } catch {
    return null;
  }
}

export class SaveSlot {
  constructor(private storage: Storage) {}
  load(): SavedConversation | null {
    const v = readJson<unknown>(this.storage, KEYS.save);
    return isSave(v) ? v : null;
  }
  write(save: SavedConversation): boolean {
    return writeJson(this.storage, KEYS.save, save);
  }
  clear(): void {
    try {
      this.storage.removeItem(KEYS.save);
    } catch {
      /* storage unavailable: nothing to clear */
    }
  }
}
