// The order a player sees a node's replies in. The file order is the author's; shown as written, the
// expert reply would sit in the same place every time and "always press 1" would be a strategy. So
// each attempt draws a seed, and every node's replies are shown in an order derived from that seed
// and the node id: the same seed always gives the same order (resume, replay, transcripts), and a
// node revisited in one attempt keeps its order. Pure and browser-safe.
import type { Choice, ScenarioNode } from './schema.ts';

/** Largest seed value; seeds are unsigned 32-bit integers so they survive JSON and SQL integers. */
export const MAX_SEED = 0xffff_ffff;

/** A new seed for an attempt. `random` is injectable so tests and hosts can pin it. */
export function newSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (MAX_SEED + 1)) >>> 0;
}

export function isSeed(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_SEED;
}

/** FNV-1a over the node id, mixed with the seed: a stable 32-bit start for the generator. */
function mix(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast and well distributed enough for ordering a handful of replies. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A permutation of 0..n-1 (Fisher-Yates) for this seed and node. */
export function displayOrder(seed: number, nodeId: string, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = generator(mix(seed, nodeId));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The node's replies in the order this attempt shows them. */
export function shuffledChoices(node: Pick<ScenarioNode, 'choices'>, nodeId: string, seed: number): Choice[] {
  return displayOrder(seed, nodeId, node.choices.length).map((i) => node.choices[i]);
}

/** The choice ids of a node in displayed order (for transcripts and saves). */
export function displayedIds(node: Pick<ScenarioNode, 'choices'>, nodeId: string, seed: number): string[] {
  return shuffledChoices(node, nodeId, seed).map((c) => c.id);
}
