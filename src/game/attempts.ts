// Hook for the server integration: every finished conversation is announced here with the events the
// server replays (POST /api/attempts takes exactly these). Offline, nothing listens and the attempt
// lives only in the local history.
import type { ConversationEvent } from '../engine/conversation.ts';
import type { ConversationReport } from '../engine/report.ts';
import type { OwnWordsTurn } from '../shared/own-words.ts';

export interface FinishedAttempt {
  scenarioId: string;
  /** Unique per attempt, so a resend is recognised as the same attempt. */
  clientAttemptId: string;
  events: ConversationEvent[];
  /** The seed of the order the replies were shown in (src/engine/shuffle.ts). */
  seed: number;
  /** The version of an uploaded or studio scenario (see versionOf); absent for a built-in one. */
  scenarioVersion?: number;
  /** Own-words mode: what the player typed at each turn (kept for the trainer, never scored). */
  ownWords?: OwnWordsTurn[];
  /** The score as the browser computed it (the server recomputes it from the events). */
  report: ConversationReport;
}

type Listener = (a: FinishedAttempt) => void;
const listeners = new Set<Listener>();

export function onAttemptFinished(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceAttempt(a: FinishedAttempt): void {
  for (const l of listeners) {
    try {
      l(a);
    } catch (e) {
      console.warn('attempt listener failed', e);
    }
  }
}

/**
 * The version the server gave a scenario it sent (GET /api/scenarios/uploaded); undefined for a
 * built-in scenario, which has none.
 */
export function versionOf(s: object): number | undefined {
  const v = (s as { version?: unknown }).version;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

export function newAttemptId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
