// The seeded reply order (src/engine/shuffle.ts): the same seed and node always give the same
// permutation, different seeds and nodes give different ones, and over many seeds every reply of a
// four-reply node lands in every place about equally often.
import { describe, expect, it } from 'vitest';
import { displayedIds, displayOrder, isSeed, MAX_SEED, newSeed, shuffledChoices } from '../../src/engine/shuffle.ts';
import { loadShipped } from './support.ts';

const s = loadShipped('trophy-room');
const sorted = (a: readonly number[]) => [...a].sort((x, y) => x - y);

describe('seeds', () => {
  it('newSeed() draws an unsigned 32-bit integer, pinned by the random source', () => {
    expect(newSeed(() => 0)).toBe(0);
    expect(newSeed(() => 0.999999999999)).toBe(MAX_SEED);
    expect(newSeed(() => 0.5)).toBe(2 ** 31);
    for (let i = 0; i < 200; i++) expect(isSeed(newSeed())).toBe(true);
  });

  it('isSeed() takes integers 0..4294967295 only', () => {
    for (const ok of [0, 1, 12345, MAX_SEED]) expect(isSeed(ok)).toBe(true);
    for (const bad of [-1, MAX_SEED + 1, 1.5, Number.NaN, Infinity, '12', null, undefined, true, 2n]) expect(isSeed(bad)).toBe(false);
  });
});

describe('displayOrder()', () => {
  it('is deterministic: the same seed and node give the same order every time', () => {
    for (const seed of [0, 1, 42, 987_654_321, MAX_SEED]) {
      for (const [id, node] of Object.entries(s.nodes)) {
        expect(displayOrder(seed, id, node.choices.length)).toEqual(displayOrder(seed, id, node.choices.length));
        expect(displayedIds(node, id, seed)).toEqual(displayedIds(node, id, seed));
      }
    }
  });

  it('is a permutation of the choices', () => {
    for (let seed = 0; seed < 500; seed++) {
      for (const n of [0, 1, 2, 3, 4, 5, 9]) expect(sorted(displayOrder(seed * 7919, `node-${n}`, n))).toEqual(Array.from({ length: n }, (_, i) => i));
    }
    for (const [id, node] of Object.entries(s.nodes)) {
      const shown = shuffledChoices(node, id, 77);
      expect(shown).toHaveLength(node.choices.length);
      expect(new Set(shown)).toEqual(new Set(node.choices));
    }
  });

  it('different seeds give different orders, and one seed orders different nodes differently', () => {
    const nodes = Object.entries(s.nodes).filter(([, n]) => n.choices.length >= 3);
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    // All nodes together: 50 seeds give (nearly) 50 different arrangements.
    const arrangements = new Set(Array.from({ length: 50 }, (_, seed) => nodes.map(([id, n]) => displayedIds(n, id, seed).join(',')).join('|')));
    expect(arrangements.size).toBeGreaterThanOrEqual(48);
    // One node: over 50 seeds every reply comes first at some point.
    const [id, node] = nodes[0];
    const firsts = new Set(Array.from({ length: 50 }, (_, seed) => displayedIds(node, id, seed * 104_729)[0]));
    expect(firsts.size).toBe(node.choices.length);
    // One seed: the nodes are not all shuffled alike (the node id is mixed in).
    for (const seed of [0, 1, 2, 3]) {
      const patterns = new Set(nodes.map(([nid, n]) => displayOrder(seed, nid, n.choices.length).join(',')));
      expect(patterns.size).toBeGreaterThan(1);
    }
  });

  it('the file order is not kept: the first file reply is shown first in about 1/n of attempts', () => {
    const node = s.nodes.opening;
    const n = node.choices.length;
    expect(n).toBeGreaterThanOrEqual(4);
    const seeds = 4000;
    let first = 0;
    for (let seed = 0; seed < seeds; seed++) if (displayedIds(node, 'opening', seed)[0] === node.choices[0].id) first++;
    expect(first / seeds).toBeGreaterThan(0.8 / n);
    expect(first / seeds).toBeLessThan(1.2 / n);
  });

  it('is roughly uniform for a four-choice node: each reply in each place about 1/4 of the time, all 24 orders seen', () => {
    const n = 4;
    const seeds = 24_000;
    const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const orders = new Map<string, number>();
    // Consecutive seeds and scattered ones: both must spread well.
    for (let i = 0; i < seeds; i++) {
      const seed = i % 2 ? i : (Math.imul(i, 2_654_435_761) >>> 0);
      const order = displayOrder(seed, 'opening', n);
      order.forEach((choice, place) => counts[choice][place]++);
      orders.set(order.join(''), (orders.get(order.join('')) ?? 0) + 1);
    }
    const expected = seeds / n;
    let chi = 0;
    for (const row of counts) {
      for (const c of row) {
        expect(Math.abs(c - expected) / expected).toBeLessThan(0.05);
        chi += (c - expected) ** 2 / expected;
      }
    }
    // 16 cells, 9 degrees of freedom: 27.9 is the 0.1% critical value.
    expect(chi).toBeLessThan(27.9);
    expect(orders.size).toBe(24);
    for (const count of orders.values()) expect(Math.abs(count - seeds / 24) / (seeds / 24)).toBeLessThan(0.15);
  });
});
