// Main-thread cost per frame from a trace: frames split at each animation frame callback, tasks
// clipped to the frame they overlap, only the page's own renderer thread counted.
import { describe, expect, it } from 'vitest';
import { frameCosts, type TraceEvent } from '../../bench/support/trace.ts';

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
const raf = (ts: number, pid = 1, tid = 10): TraceEvent => ({ name: 'FireAnimationFrame', ph: 'X', ts, dur: 100, pid, tid });
const task = (ts: number, dur: number, pid = 1, tid = 10): TraceEvent => ({ name: 'RunTask', ph: 'X', ts, dur, pid, tid });

describe('frameCosts', () => {
  it('sums the tasks in each frame interval, clipping a task that spans two frames', () => {
    const events = [
      thread(1, 10, 'CrRendererMain'),
      raf(0),
      raf(16_000),
      raf(32_000),
      task(0, 4_000),
      task(10_000, 8_000), // 6 ms in the first frame, 2 ms in the second
      task(20_000, 1_000),
    ];
    const r = frameCosts(events);
    expect(r.costs).toEqual([10, 3]);
    expect(r.busy).toBeCloseTo(13 / 32, 6);
  });

  it('counts only the renderer thread that ran animation frames (not another page or thread)', () => {
    const events = [
      thread(1, 10, 'CrRendererMain'),
      thread(2, 20, 'CrRendererMain'),
      thread(1, 11, 'Compositor'),
      raf(0, 2, 20),
      raf(16_000, 2, 20),
      task(1_000, 5_000, 2, 20),
      task(1_000, 9_000, 1, 10), // the other renderer: ignored
      task(1_000, 9_000, 1, 11), // another thread of the page's process: ignored
    ];
    expect(frameCosts(events).costs).toEqual([5]);
  });

  it('gives no frames without animation frame callbacks', () => {
    expect(frameCosts([thread(1, 10, 'CrRendererMain'), task(0, 1000)])).toEqual({ costs: [], busy: 0 });
  });
});
