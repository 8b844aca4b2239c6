// Main-thread work per frame, from a Chromium trace: a figure that does not move in whole vsync
// steps the way requestAnimationFrame intervals do on a software renderer. Pure (parses the trace
// JSON), so it is unit-tested without a browser.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface FrameCosts {
  /** Main-thread busy time in each frame interval (ms), from one animation frame to the next. */
  costs: number[];
  /** Share of the window the main thread was busy (0..1). */
  busy: number;
}

/** The renderer main thread that ran the page's animation frames (the page under test). */
function pageMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number; n: number } | null = null;
  for (const m of mains) {
    const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.name === 'FireAnimationFrame').length;
    if (!best || n > best.n) best = { pid: m.pid, tid: m.tid, n };
  }
  return best && best.n > 0 ? best : null;
}

/**
 * Splits the page's main thread timeline at each animation frame callback (FireAnimationFrame) and
 * sums the top-level tasks (RunTask) inside each interval, clipped to it: script, style, layout,
 * paint and Phaser's step and render all run in those tasks.
 */
export function frameCosts(events: readonly TraceEvent[]): FrameCosts {
  const main = pageMainThread(events);
  if (!main) return { costs: [], busy: 0 };
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const marks = mine.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b);
  const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 0).sort((a, b) => a.ts - b.ts);
  const costs: number[] = [];
  let busyTotal = 0;
  let t = 0;
  for (let i = 0; i + 1 < marks.length; i++) {
    const from = marks[i];
    const to = marks[i + 1];
    // Tasks are sorted by start; skip those that ended before this frame (a task may span frames).
    while (t < tasks.length && tasks[t].ts + (tasks[t].dur ?? 0) <= from) t++;
    let busy = 0;
    for (let j = t; j < tasks.length && tasks[j].ts < to; j++) {
      const start = Math.max(from, tasks[j].ts);
      const end = Math.min(to, tasks[j].ts + (tasks[j].dur ?? 0));
      if (end > start) busy += end - start;
    }
    costs.push(busy / 1000);
    busyTotal += busy;
  }
  const span = marks.length > 1 ? marks[marks.length - 1] - marks[0] : 0;
  return { costs, busy: span > 0 ? busyTotal / span : 0 };
}
