import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatienceTimer, roundSeconds } from '../../src/game/patience.ts';

describe('PatienceTimer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('unlocks after one second and measures answers with one decimal', () => {
    const onUnlock = vi.fn();
    const t = new PatienceTimer({ patience: 20, onUnlock });
    t.start();
    expect(t.unlocked()).toBe(false);
    vi.advanceTimersByTime(999);
    expect(t.unlocked()).toBe(false);
    expect(onUnlock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2);
    expect(onUnlock).toHaveBeenCalledTimes(1);
    expect(t.unlocked()).toBe(true);
    vi.advanceTimersByTime(2_345);
    expect(t.answerSeconds()).toBe(3.3);
    expect(t.remaining()).toBeCloseTo(16.654, 3);
  });

  it('expires exactly once when patience runs out', () => {
    const onExpire = vi.fn();
    const t = new PatienceTimer({ patience: 5, onExpire });
    t.start();
    vi.advanceTimersByTime(4_999);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(t.expired).toBe(true);
    expect(t.unlocked()).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('stops draining while paused', () => {
    const onExpire = vi.fn();
    const t = new PatienceTimer({ patience: 10, onExpire });
    t.start();
    vi.advanceTimersByTime(4_000);
    t.pause();
    vi.advanceTimersByTime(60_000);
    expect(onExpire).not.toHaveBeenCalled();
    expect(t.elapsed()).toBe(4);
    t.resume();
    vi.advanceTimersByTime(5_999);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('never reports more than the patience, nor less than the minimum', () => {
    const t = new PatienceTimer({ patience: 8, elapsed: 7.96 });
    expect(t.answerSeconds()).toBe(8);
    const u = new PatienceTimer({ patience: 8, elapsed: 1.04 });
    expect(u.answerSeconds()).toBe(1);
    expect(roundSeconds(2.25)).toBe(2.3);
  });

  it('resumes from seconds already used', () => {
    const onExpire = vi.fn();
    const t = new PatienceTimer({ patience: 10, elapsed: 9, onExpire });
    expect(t.unlocked()).toBe(true);
    t.start();
    vi.advanceTimersByTime(1_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('runs faster with a patience scale', () => {
    const onExpire = vi.fn();
    const t = new PatienceTimer({ patience: 25, scale: 0.1, onExpire });
    t.start();
    vi.advanceTimersByTime(100);
    expect(t.unlocked()).toBe(true);
    expect(t.answerSeconds()).toBe(1);
    vi.advanceTimersByTime(2_400);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('expires on a late check when the timer callback has not run yet', () => {
    const onExpire = vi.fn();
    const t = new PatienceTimer({ patience: 3, onExpire });
    t.start();
    vi.setSystemTime(3_500); // the clock moved but no timer fired
    expect(t.checkExpired()).toBe(true);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
