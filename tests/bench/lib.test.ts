// The benchmark's pure helpers: if these break, every figure in bench/REPORT.md is wrong.
import { describe, expect, it } from 'vitest';
import { escapeCell, median, percentile, renderReport, round, table, type SectionResult } from '../../bench/lib.ts';
import { addSizes, sizesOf } from '../../bench/support/compress.ts';
import { frameStats } from '../../bench/sections/frames.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('is NaN for no values and leaves its input unsorted', () => {
    expect(median([])).toBeNaN();
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
  it('p50, p95, p99 and p100 of 1..100', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });
  it('p0 is the smallest value; one value is every percentile', () => {
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([5], 99)).toBe(5);
  });
  it('a slow tail shows at p99 but not at p50', () => {
    const v = [...Array(98).fill(16.7), 50, 60];
    expect(percentile(v, 50)).toBe(16.7);
    expect(percentile(v, 99)).toBe(50);
  });
  it('is NaN for no values', () => {
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('frameStats', () => {
  it('counts frames longer than one and a half normal frames', () => {
    const s = frameStats([16.7, 16.7, 16.6, 16.8, 33.4, 16.7]);
    expect(s.frames).toBe(6);
    expect(s.p50).toBeCloseTo(16.7);
    expect(s.max).toBeCloseTo(33.4);
    expect(s.long).toBe(1);
  });
});

describe('sizesOf', () => {
  it('compresses text well and never reports more than the raw size', () => {
    const text = new TextEncoder().encode('phaser '.repeat(2000));
    const s = sizesOf(text, false);
    expect(s.raw).toBe(14_000);
    expect(s.gzip).toBeLessThan(200);
    expect(s.brotli).toBeLessThan(200);
    const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    const n = sizesOf(noise, false);
    expect(n.gzip).toBeLessThanOrEqual(4096);
    expect(n.brotli).toBeLessThanOrEqual(4096);
  });
  it('adds up', () => {
    expect(addSizes([{ raw: 1, gzip: 2, brotli: 3 }, { raw: 10, gzip: 20, brotli: 30 }])).toEqual({ raw: 11, gzip: 22, brotli: 33 });
  });
});

describe('report rendering', () => {
  const results: SectionResult[] = [
    {
      title: 'Load',
      lines: table(['page', 'median (ms)'], [['game', 512], ['reference', 480]]),
      checks: [{ name: 'Load ratio', target: '<= 1.15x', value: '1.067x', ok: true }],
      data: {},
    },
    {
      title: 'Server',
      lines: ['Figures.'],
      checks: [{ name: 'Attempts/s | PGlite', target: '>= 1000/s', value: '640/s', ok: false }],
      data: {},
    },
  ];
  const md = renderReport(results, { date: '2026-01-01T00:00:00.000Z', quick: false, seconds: 600, node: 'v20.0.0' });

  it('puts every target in one table, met or missed', () => {
    expect(md).toContain('1 of 2 met.');
    expect(md).toContain('| Load ratio | <= 1.15x | 1.067x | met |');
    expect(md).toContain('| Attempts/s \\| PGlite | >= 1000/s | 640/s | **missed** |');
  });
  it('keeps the sections in order, each with its lines', () => {
    expect(md.indexOf('## Load')).toBeGreaterThan(md.indexOf('## Targets'));
    expect(md.indexOf('## Server')).toBeGreaterThan(md.indexOf('## Load'));
    expect(md).toContain('| game | 512 |\n| reference | 480 |');
  });
  it('says whether the run was quick', () => {
    expect(md).toContain('· full ·');
    expect(renderReport(results, { date: 'x', quick: true, seconds: 1, node: 'v' })).toContain('· quick ·');
  });
});

describe('table and cells', () => {
  it('renders a Markdown table', () => {
    expect(table(['a', 'b'], [[1, 'x']])).toEqual(['| a | b |', '| --- | --- |', '| 1 | x |']);
  });
  it('escapes pipes and line breaks', () => {
    expect(escapeCell('a|b\nc')).toBe('a\\|b c');
  });
  it('rounds', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1234.5, 0)).toBe(1235);
  });
});

describe('report notes', () => {
  it('come after the figures', () => {
    const md = renderReport([{ title: 'Load', lines: ['x'], checks: [], data: {} }], { date: 'd', quick: false, seconds: 1, node: 'v', notes: '## What was changed\n\n- this\n' });
    expect(md.indexOf('## What was changed')).toBeGreaterThan(md.indexOf('## Load'));
    expect(md.trimEnd().endsWith('- this')).toBe(true);
  });
});
