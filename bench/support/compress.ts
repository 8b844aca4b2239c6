// Transfer sizes as a production server would send them: gzip -9 and brotli -q 11 (precompressed
// static files), and never more than the raw bytes (woff2 and PNG are sent as they are).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export function sizesOf(body: Uint8Array): Sizes {
  const raw = body.length;
  const gzip = Math.min(raw, gzipSync(body, { level: 9 }).length);
  const brotli = Math.min(
    raw,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw } }).length,
  );
  return { raw, gzip, brotli };
}

export function addSizes(list: readonly Sizes[]): Sizes {
  return list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

export const kB = (n: number) => (n / 1000).toFixed(1);
