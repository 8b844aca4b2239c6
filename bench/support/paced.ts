// A paced load: `connections` kept-alive connections, each sending its share of `rate` requests per
// second on a fixed schedule. autocannon's own rate limit sends each second's quota back to back and
// then waits, so its latencies are those of a saturated server; here requests are spread evenly, and
// a request that has to wait for the previous answer is timed from when it was due (no coordinated
// omission).
import http from 'node:http';
import { median, percentile } from '../lib.ts';
import type { RunningServer } from './server.ts';

export interface PacedOptions {
  url: string;
  rate: number;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Path (and query) of request i. */
  path: (i: number) => string;
  server?: RunningServer;
}

export interface PacedResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  peakRss?: number;
  rssAfter?: number;
  latencies: number[];
}

function get(agent: http.Agent, base: URL, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: base.hostname, port: base.port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function runPaced(o: PacedOptions): Promise<PacedResult> {
  const base = new URL(o.url);
  if (base.hostname !== '127.0.0.1') throw new Error(`load only against 127.0.0.1, not ${base.hostname}`);
  const interval = (1000 * o.connections) / o.rate;
  const perConnection = Math.floor((o.seconds * o.rate) / o.connections);
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let n = 0;
  o.server?.resetPeak();
  let sampledPeak = 0;
  const sampler = o.server ? setInterval(() => (sampledPeak = Math.max(sampledPeak, o.server?.memory().rss ?? 0)), 200) : null;
  const start = performance.now() + 20;
  const deadline = start + o.seconds * 1000 + 10_000;
  await Promise.all(
    Array.from({ length: o.connections }, async (_, c) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        // Connections start evenly staggered within one interval.
        for (let k = 0; k < perConnection && performance.now() < deadline; k++) {
          const due = start + (c * interval) / o.connections + k * interval;
          await sleep(due - performance.now());
          try {
            const status = await get(agent, base, o.path(n++), o.headers ?? {});
            if (status >= 200 && status < 300) ok++;
            else non2xx++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - due);
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  if (sampler) clearInterval(sampler);
  const seconds = (performance.now() - start) / 1000;
  const mem = o.server?.memory();
  return {
    requests: latencies.length,
    ok,
    non2xx,
    errors,
    perSecond: latencies.length / seconds,
    p50: median(latencies),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    peakRss: mem ? Math.max(mem.peak || 0, sampledPeak) : undefined,
    rssAfter: mem?.rss,
    latencies,
  };
}
