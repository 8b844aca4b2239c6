// Heap readings through the DevTools protocol: JSHeapUsedSize after forced collections, and a heap
// snapshot split three ways: JavaScript objects (objects, arrays, strings, closures: what a leak
// grows), compiled code (grows while the JIT warms up; not retained data) and native objects (the
// browser's own, such as the decoded images behind loaded textures, outside the JS heap).
import type { CDPSession } from 'playwright-core';

export interface HeapReading {
  /** CDP Performance.getMetrics JSHeapUsedSize, after three forced collections. */
  used: number;
  /** Self sizes of the snapshot's JavaScript objects (not code, not native). */
  objects: number;
  /** Self sizes of compiled code and bytecode. */
  code: number;
  /** Self sizes of native (browser) objects the snapshot reports. */
  native: number;
}

/** With `snapshot` false only JSHeapUsedSize is read (the split is NaN): a snapshot takes seconds. */
export async function readHeap(cdp: CDPSession, snapshot = true): Promise<HeapReading> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  if (!snapshot) return { used, objects: NaN, code: NaN, native: NaN };
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return { used, ...splitSnapshot(JSON.parse(chunks.join(''))) };
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

/** Sums a heap snapshot's self sizes: JavaScript objects, compiled code, native objects. */
export function splitSnapshot(s: Snapshot): { objects: number; code: number; native: number } {
  const fields = s.snapshot.meta.node_fields;
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const types = s.snapshot.meta.node_types[0];
  const codeType = types.indexOf('code');
  const nativeTypes = new Set([types.indexOf('native'), types.indexOf('synthetic')]);
  let objects = 0;
  let code = 0;
  let native = 0;
  for (let i = 0; i < s.nodes.length; i += stride) {
    const t = s.nodes[i + typeAt];
    const size = s.nodes[i + sizeAt];
    if (t === codeType) code += size;
    else if (nativeTypes.has(t)) native += size;
    else objects += size;
  }
  return { objects, code, native };
}
