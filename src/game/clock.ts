// Time source for game logic. Real timers in the browser; vi.useFakeTimers drives the same code in tests.
export interface Clock {
  /** Milliseconds, monotonic enough for timing answers. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};
