// The customer's patience while the player decides. Counts game seconds from the moment the choices
// appear; choices unlock after MIN_ANSWER_SECONDS (the engine rejects faster answers); when the
// customer's patience is used up, onExpire fires once. Pausing stops the count.
//
// `scale` is real seconds per game second: 1 in play; tests and demos may run faster (0.1 = ten times
// faster) with the ?patienceScale= URL option.
import { MIN_ANSWER_SECONDS } from '../engine/conversation.ts';
import { systemClock, type Clock } from './clock.ts';

export interface PatienceOptions {
  /** Game seconds the customer waits at this node. */
  patience: number;
  /** Game seconds already used (when resuming a saved conversation). */
  elapsed?: number;
  scale?: number;
  clock?: Clock;
  onExpire?: () => void;
  onUnlock?: () => void;
}

/** One decimal, as the transcript records it. */
export const roundSeconds = (s: number) => Math.round(s * 10) / 10;

export class PatienceTimer {
  readonly patience: number;
  readonly scale: number;
  #clock: Clock;
  #used: number;
  #since: number | null = null;
  #expireHandle: unknown = null;
  #unlockHandle: unknown = null;
  #expired = false;
  #stopped = false;
  #onExpire?: () => void;
  #onUnlock?: () => void;

  constructor(o: PatienceOptions) {
    this.patience = o.patience;
    this.scale = o.scale && o.scale > 0 ? o.scale : 1;
    this.#clock = o.clock ?? systemClock;
    this.#used = Math.max(0, Math.min(o.elapsed ?? 0, o.patience));
    this.#onExpire = o.onExpire;
    this.#onUnlock = o.onUnlock;
  }

  get running(): boolean {
    return this.#since !== null;
  }
  get expired(): boolean {
    return this.#expired;
  }

  /** Game seconds used so far. */
  elapsed(): number {
    const live = this.#since === null ? 0 : (this.#clock.now() - this.#since) / 1000 / this.scale;
    return Math.min(this.patience, this.#used + live);
  }
  remaining(): number {
    return Math.max(0, this.patience - this.elapsed());
  }
  /** 1 when the customer has all their patience, 0 when it has run out. */
  fraction(): number {
    return this.patience > 0 ? this.remaining() / this.patience : 0;
  }
  /** Choices may be taken: at least MIN_ANSWER_SECONDS have passed and patience remains. */
  unlocked(): boolean {
    return !this.#expired && this.elapsed() >= MIN_ANSWER_SECONDS;
  }
  /** The seconds to record for an answer now: one decimal, never under the minimum nor over patience. */
  answerSeconds(): number {
    const s = roundSeconds(this.elapsed());
    return Math.min(this.patience, Math.max(MIN_ANSWER_SECONDS, s));
  }

  start(): void {
    if (this.#stopped || this.#expired || this.#since !== null) return;
    this.#since = this.#clock.now();
    this.#schedule();
  }
  pause(): void {
    if (this.#since === null) return;
    this.#used = this.elapsed();
    this.#since = null;
    this.#cancel();
  }
  resume(): void {
    this.start();
  }
  /** Stops for good (an answer was given or the scene closed). */
  stop(): void {
    this.pause();
    this.#stopped = true;
  }

  /** Fires the expiry now if the time is up (a late timer, or a click racing the timeout). */
  checkExpired(): boolean {
    if (!this.#expired && this.#since !== null && this.elapsed() >= this.patience) this.#expire();
    return this.#expired;
  }

  #schedule(): void {
    this.#cancel();
    const ms = (game: number) => Math.max(0, game * this.scale * 1000);
    const used = this.elapsed();
    if (used < MIN_ANSWER_SECONDS) {
      this.#unlockHandle = this.#clock.setTimeout(() => {
        this.#unlockHandle = null;
        if (this.unlocked()) this.#onUnlock?.();
        else if (this.#since !== null) this.#schedule();
      }, ms(MIN_ANSWER_SECONDS - used) + 1);
    }
    this.#expireHandle = this.#clock.setTimeout(() => {
      this.#expireHandle = null;
      if (this.elapsed() >= this.patience) this.#expire();
      else if (this.#since !== null) this.#schedule();
    }, ms(this.patience - used));
  }
  #cancel(): void {
    if (this.#expireHandle !== null) this.#clock.clearTimeout(this.#expireHandle);
    if (this.#unlockHandle !== null) this.#clock.clearTimeout(this.#unlockHandle);
    this.#expireHandle = this.#unlockHandle = null;
  }
  #expire(): void {
    if (this.#expired) return;
    this.#used = this.patience;
    this.#since = null;
    this.#expired = true;
    this.#cancel();
    this.#onExpire?.();
  }
}
