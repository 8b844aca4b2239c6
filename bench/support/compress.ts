// Transfer sizes as a production server would send them: gzip -9 and brotli -q 11 (precompressed
// static files), and never more than the raw bytes (woff2 and PNG are sent as they are).
// Brotli at quality 11 takes seconds per megabyte, so sizes are remembered by content hash in
// bench/out/compressed-sizes.json: unchanged files (the reference, Phaser's chunk, fonts) cost
// nothing on later runs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

const CACHE = resolve(import.meta.dirname, '../out/compressed-sizes.json');
let cache: Record<string, Sizes> | null = null;

function loadCache(): Record<string, Sizes> {
  if (cache) return cache;
  try {
    cache = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as Record<string, Sizes>) : {};
  } catch {
    cache = {};
  }
  return cache;
}

export function compress(body: Uint8Array): Sizes {
  const raw = body.length;
  const gzip = Math.min(raw, gzipSync(body, { level: 9 }).length);
  const brotli = Math.min(
    raw,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw } }).length,
  );
  return { raw, gzip, brotli };
}

/** Sizes of a body, from the cache when the same bytes were sized before. */
export function sizesOf(body: Uint8Array, useCache = true): Sizes {
  if (!useCache) return compress(body);
  const key = createHash('sha256').update(body).digest('hex');
  const c = loadCache();
  if (!c[key]) {
    c[key] = compress(body);
    mkdirSync(dirname(CACHE), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(c));
  }
  return c[key];
}

export function addSizes(list: readonly Sizes[]): Sizes {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

export const kB = (n: number) => (n / 1000).toFixed(1);
