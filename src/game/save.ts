// A conversation in progress, saved so that leaving (or reloading) and coming back resumes it.
import type { Snapshot } from 'xstate';
import { isSeed } from '../engine/shuffle.ts';
import { KEYS, readJson, writeJson } from './storage.ts';

export const SAVE_VERSION = 1;

/**
 * The reply-order seed of a save written before attempts had seeds. A fixed value, not a fresh draw:
 * a fresh seed would reorder the replies every time that save is resumed (and the attempt sent to the
 * server would not say which order was shown). Seed 0 is an ordinary seed, so such a conversation
 * continues in one stable shuffled order.
 */
export const LEGACY_SEED = 0;

export interface SavedConversation {
  version: typeof SAVE_VERSION;
  scenarioId: string;
  /** The conversation actor's getPersistedSnapshot(). */
  snapshot: Snapshot<unknown>;
  /** Game seconds the player had already used at the current line. */
  elapsed: number;
  /** The attempt's reply-order seed (src/engine/shuffle.ts); absent in saves from before seeds (LEGACY_SEED). */
  seed?: number;
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
    s.elapsed >= 0 &&
    (s.seed === undefined || isSeed(s.seed))
  );
}

/** The seed a save's conversation shows its replies in. */
export function seedOf(save: SavedConversation): number {
  return save.seed ?? LEGACY_SEED;
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
