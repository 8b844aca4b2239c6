// The offline queue for finished attempts. Each attempt is written to storage BEFORE it is sent, then
// POSTed to /api/attempts with its clientAttemptId. It leaves the queue on 2xx (201 new, 200 a repeat:
// the server stores one attempt per clientAttemptId, so a resend after a lost answer is harmless) or
// on a definitive refusal (4xx; kept as a visible note with the server's reason). A network error or a
// 5xx keeps it queued and schedules a retry with backoff; `online` events and start-up retry too.
// One flush at a time: a second call waits for the running one.
import { ApiError, type AttemptBody, type AttemptJson } from './api.ts';
import { readJson, writeJson } from './storage.ts';

export interface QueuedAttempt extends AttemptBody {
  /** Whose attempt: sent only while this user is signed in. */
  userId: number;
  queuedAt: string;
  tries: number;
}

export interface RejectedAttempt {
  clientAttemptId: string;
  scenarioId: string;
  status: number;
  message: string;
  at: string;
}

export type Delivery =
  | { state: 'saved'; attempt: AttemptJson; repeat: boolean }
  | { state: 'queued'; message: string }
  | { state: 'rejected'; status: number; message: string };

export type Send = (body: AttemptBody) => Promise<{ status: number; data: AttemptJson }>;

export interface OutboxOptions {
  storage: Storage;
  send: Send;
  /** The signed-in user's id, or null (then nothing is sent). */
  currentUser(): number | null;
  key?: string;
  /** Delay before retry number `tries` (ms). */
  backoff?(tries: number): number;
  now?(): Date;
}

export const OUTBOX_KEY = 'mir.outbox.v1';
const REJECTED_KEEP = 20;

/** 401 (signed out meanwhile), 408 and 429 are not definitive: the attempt stays queued. */
function definitive(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

export const defaultBackoff = (tries: number) => Math.min(60_000, 2_000 * 2 ** Math.max(0, tries - 1));

export class Outbox {
  readonly #o: OutboxOptions;
  readonly #key: string;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #listeners = new Set<(id: string, d: Delivery) => void>();

  constructor(o: OutboxOptions) {
    this.#o = o;
    this.#key = o.key ?? OUTBOX_KEY;
  }

  get #state(): { queue: QueuedAttempt[]; rejected: RejectedAttempt[] } {
    const s = readJson<{ queue?: QueuedAttempt[]; rejected?: RejectedAttempt[] }>(this.#o.storage, this.#key);
    return { queue: Array.isArray(s?.queue) ? s.queue : [], rejected: Array.isArray(s?.rejected) ? s.rejected : [] };
  }
  #save(s: { queue: QueuedAttempt[]; rejected: RejectedAttempt[] }): boolean {
    return writeJson(this.#o.storage, this.#key, s);
  }
  #update(fn: (s: { queue: QueuedAttempt[]; rejected: RejectedAttempt[] }) => void): void {
    const s = this.#state; // re-read: another tab may have changed it
    fn(s);
    this.#save(s);
  }

  /** Attempts waiting to be sent (all users). */
  pending(userId?: number): QueuedAttempt[] {
    return this.#state.queue.filter((q) => userId === undefined || q.userId === userId);
  }
  /** Attempts the server refused, newest last, with its reason. */
  rejected(): RejectedAttempt[] {
    return this.#state.rejected;
  }
  clearRejected(): void {
    this.#update((s) => (s.rejected = []));
  }

  onDelivery(fn: (clientAttemptId: string, d: Delivery) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
  #emit(id: string, d: Delivery): void {
    for (const l of this.#listeners) {
      try {
        l(id, d);
      } catch (e) {
        console.warn('outbox listener failed', e);
      }
    }
  }

  /**
   * Stores the attempt, then tries to send the queue. Resolves with what became of this attempt
   * (saved, queued for later, or rejected) once the flush is done.
   */
  async add(body: AttemptBody, userId: number): Promise<Delivery> {
    const item: QueuedAttempt = { ...body, userId, queuedAt: (this.#o.now?.() ?? new Date()).toISOString(), tries: 0 };
    this.#update((s) => {
      if (!s.queue.some((q) => q.clientAttemptId === item.clientAttemptId)) s.queue.push(item);
    });
    let result: Delivery = { state: 'queued', message: 'Queued - will send when you are back online.' };
    const off = this.onDelivery((id, d) => {
      if (id === body.clientAttemptId) result = d;
    });
    try {
      await this.flush();
    } finally {
      off();
    }
    return result;
  }

  /** Sends every queued attempt of the current user, oldest first; stops at the first transient failure. */
  flush(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#flushOnce();
        } while (this.#again);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #flushOnce(): Promise<void> {
    const user = this.#o.currentUser();
    if (user === null) return;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    for (const item of this.pending(user)) {
      // Another tab may have sent it meanwhile.
      if (!this.#state.queue.some((q) => q.clientAttemptId === item.clientAttemptId)) continue;
      const { userId: _u, queuedAt: _q, tries: _t, ...body } = item;
      try {
        const r = await this.#o.send(body);
        this.#update((s) => (s.queue = s.queue.filter((q) => q.clientAttemptId !== item.clientAttemptId)));
        this.#emit(item.clientAttemptId, { state: 'saved', attempt: r.data, repeat: r.status === 200 });
      } catch (e) {
        const status = e instanceof ApiError ? e.status : 0;
        const message = e instanceof Error ? e.message : String(e);
        if (definitive(status)) {
          this.#update((s) => {
            s.queue = s.queue.filter((q) => q.clientAttemptId !== item.clientAttemptId);
            s.rejected = [...s.rejected, { clientAttemptId: item.clientAttemptId, scenarioId: item.scenarioId, status, message, at: new Date().toISOString() }].slice(-REJECTED_KEEP);
          });
          this.#emit(item.clientAttemptId, { state: 'rejected', status, message });
          continue;
        }
        let tries = item.tries + 1;
        this.#update((s) => {
          const q = s.queue.find((x) => x.clientAttemptId === item.clientAttemptId);
          if (q) tries = q.tries = q.tries + 1;
        });
        const note = status === 401 ? 'Queued - sign in again to send it.' : 'Queued - will send when you are back online.';
        for (const q of this.pending(user)) this.#emit(q.clientAttemptId, { state: 'queued', message: note });
        if (status !== 401) this.#schedule(tries);
        return;
      }
    }
  }

  #schedule(tries: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    const ms = (this.#o.backoff ?? defaultBackoff)(tries);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, ms);
  }

  /** Retries on `online` events. Returns a function that stops listening and cancels a pending retry. */
  watch(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
    const on = () => void this.flush();
    target.addEventListener('online', on);
    return () => {
      target.removeEventListener('online', on);
      this.stop();
    };
  }
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
