// autocannon, bounded in time and in count, against 127.0.0.1 only. Latencies are taken from each
// response (sub-millisecond precision; autocannon's own histogram rounds to whole milliseconds).
import autocannon from 'autocannon';
import { median, percentile } from '../lib.ts';
import type { RunningServer } from './server.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  maxRequests: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds each request (called once per request, in order). */
  next?: (i: number) => { path?: string; body?: string; headers?: Record<string, string> };
  /** Samples this process's RSS while the load runs. */
  server?: RunningServer;
  /** A fixed rate over all connections (requests/s) instead of as fast as possible. */
  overallRate?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  status: Record<string, number>;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  okPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  peakRss?: number;
  rssAfter?: number;
  /** Server CPU time per answered request (ms), when the server is known. */
  serverCpuMsPerRequest?: number;
  /** Every latency (ms); not written to the report. */
  latencies: number[];
}

export interface WindowsResult {
  windows: LoadResult[];
  /** Median over the windows of verified (2xx) requests per second. */
  okPerSecond: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  peakRss?: number;
  rssAfter?: number;
  serverCpuMsPerRequest?: number;
}

/**
 * The load as back-to-back windows: on a shared machine one busy spell spoils one window, not the
 * figure. Rates are the median over windows; latency percentiles are over every response.
 */
export async function runWindows(o: Omit<LoadOptions, 'seconds' | 'maxRequests'>, windows: number, seconds: number, maxPerWindow: number): Promise<WindowsResult> {
  const out: LoadResult[] = [];
  let offset = 0;
  let peak = 0;
  const next = o.next;
  for (let w = 0; w < windows; w++) {
    const base = offset;
    const r = await runLoad({ ...o, seconds, maxRequests: maxPerWindow, next: next ? (i) => next(base + i) : undefined });
    offset += r.requests + o.connections * 2;
    peak = Math.max(peak, r.peakRss ?? 0);
    out.push(r);
    // The peak mark is reset at the start of each window; keep the highest.
  }
  const all = out.flatMap((r) => r.latencies);
  const sum = (f: (r: LoadResult) => number) => out.reduce((n, r) => n + f(r), 0);
  const cpu = out.map((r) => r.serverCpuMsPerRequest).filter((v): v is number => v !== undefined);
  return {
    windows: out,
    okPerSecond: median(out.map((r) => r.okPerSecond)),
    requests: sum((r) => r.requests),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors + r.timeouts),
    p50: median(all),
    p90: percentile(all, 90),
    p99: percentile(all, 99),
    max: all.length ? Math.max(...all) : NaN,
    peakRss: o.server ? peak : undefined,
    rssAfter: out.at(-1)?.rssAfter,
    serverCpuMsPerRequest: cpu.length ? median(cpu) : undefined,
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const url = new URL(o.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`load only against 127.0.0.1, not ${url.hostname}`);
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  let i = 0;
  o.server?.resetPeak();
  let sampledPeak = 0;
  const sampler = o.server
    ? setInterval(() => {
        sampledPeak = Math.max(sampledPeak, o.server?.memory().rss ?? 0);
      }, 200)
    : null;
  const cpuBefore = o.server?.cpuMs() ?? NaN;
  const started = performance.now();
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    maxOverallRequests: Math.max(o.maxRequests, o.connections),
    method: o.method ?? 'GET',
    headers: o.headers,
    timeout: 10,
    overallRate: o.overallRate,
    requests: o.next
      ? [
          {
            setupRequest: (req: any) => {
              const n = o.next?.(i++) ?? {};
              if (n.path) req.path = n.path;
              if (n.body !== undefined) req.body = n.body;
              if (n.headers) req.headers = { ...req.headers, ...n.headers };
              return req;
            },
          },
        ]
      : undefined,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    status[statusCode] = (status[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });
  const result: any = await instance;
  const seconds = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  const mem = o.server?.memory();
  const cpuUsed = (o.server?.cpuMs() ?? NaN) - cpuBefore;
  const ok = Object.entries(status).reduce((n, [k, v]) => n + (k.startsWith('2') ? v : 0), 0);
  const requests = latencies.length;
  return {
    requests,
    seconds,
    status,
    ok,
    non2xx: requests - ok,
    errors: result.errors ?? 0,
    timeouts: result.timeouts ?? 0,
    perSecond: requests / seconds,
    okPerSecond: ok / seconds,
    p50: median(latencies),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    peakRss: mem ? Math.max(mem.peak || 0, sampledPeak) : undefined,
    rssAfter: mem?.rss,
    serverCpuMsPerRequest: o.server ? cpuUsed / Math.max(1, latencies.length) : undefined,
    latencies,
  };
}
