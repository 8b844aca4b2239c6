import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support.ts';

describe('tag', () => {
  it('--text --json prints the moves and a confidence for each', async () => {
    const r = await cli(['tag', '--text', "I'm so sorry, that was our mistake. I've refunded you in full.", '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { moves: string[]; confidence: Record<string, number> };
    expect(out.moves.sort()).toEqual(['apologize', 'fix', 'own-it']);
    for (const m of out.moves) expect(out.confidence[m]).toBeGreaterThan(0.3);
  });

  it('empty text is a mistake with a clear message, exit 1', async () => {
    const r = await cli(['tag', '--text', '  ']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/type a reply/i);
  });

  it('--file prints precision, recall and F1 per move and the micro-F1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tag-'));
    const file = join(dir, 'mine.tsv');
    writeFileSync(file, "# my phrases\napologize\tReally sorry about that.\ndismiss\tIt's not a big deal.\nfix,apologize\tSorry, I've refunded you.\nblame-other\tThe warehouse messed it up, not us.\n");
    const r = await cli(['tag', '--file', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+move\s+precision\s+recall\s+F1/m);
    expect(r.stdout).toMatch(/^\s+apologize\s+1\.000\s+1\.000\s+1\.000\s+2$/m);
    expect(r.stdout).toMatch(/micro-F1 1\.000 .* on 4 replies/);
  });

  it('--file with an unknown move names the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tag-'));
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, 'apologize\tSorry.\ngrovel\tSo so sorry.\n');
    const r = await cli(['tag', '--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.tsv:2: unknown move "grovel"');
  });

  it('the held-out file scores micro-F1 >= 0.85', async () => {
    const r = await cli(['tag', '--file', 'tests/fixtures/tagger-heldout.tsv', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { micro: { f1: number } }).micro.f1).toBeGreaterThanOrEqual(0.85);
  });
});
