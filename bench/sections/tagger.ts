// The reply tagger: micro-F1 on the held-out set (Node), and the time to tag one typed reply in
// Chromium, with the size the tagger adds to a download when own-words mode loads it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { evaluate } from '../../src/engine/tagger/evaluate.ts';
import { parseExamples } from '../../src/engine/tagger/model.ts';
import { createTagger } from '../../src/engine/tagger/tagger.ts';
import { median, percentile, progress, round, table, type SectionResult } from '../lib.ts';
import { freshPage } from '../support/browser.ts';
import { OUT, ROOT } from '../support/build.ts';
import { winkSlim } from '../../scripts/wink-slim.ts';

const HELDOUT = 'tests/fixtures/tagger-heldout.tsv';
const TAG_MS = 20;
const MAX_GZIP_KB = 1000;

export async function taggerSection(quick: boolean): Promise<SectionResult> {
  const examples = parseExamples(readFileSync(resolve(ROOT, HELDOUT), 'utf8'), HELDOUT);
  const ev = evaluate(createTagger(), examples);
  progress(`tagger: held-out micro-F1 ${ev.micro.f1.toFixed(3)} on ${examples.length} replies`);

  progress('tagger: building the tagger alone for the browser');
  const outDir = resolve(OUT, 'tagger');
  await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [winkSlim()],
    build: { outDir, emptyOutDir: true, minify: true, lib: { entry: resolve(ROOT, 'src/engine/tagger/tagger.ts'), formats: ['iife'], name: 'ReplyTagger', fileName: () => 'tagger.js' } },
  });
  const js = readFileSync(resolve(outDir, 'tagger.js'));
  const gzipKb = gzipSync(js, { level: 9 }).length / 1000;

  const { context, page } = await freshPage();
  try {
    await page.setContent('<!doctype html><title>tagger</title>');
    await page.addScriptTag({ content: js.toString('utf8') });
    const texts = examples.map((e) => e.text);
    const rounds = quick ? 2 : 5;
    const r = await page.evaluate(
      ({ texts, rounds }) => {
        const w = window as unknown as { ReplyTagger: { createTagger: () => { tag: (t: string) => unknown } } };
        let t = performance.now();
        const tagger = w.ReplyTagger.createTagger();
        tagger.tag('warm up the model');
        const firstMs = performance.now() - t;
        const times: number[] = [];
        for (let k = 0; k < rounds; k++) {
          for (const text of texts) {
            t = performance.now();
            tagger.tag(text);
            times.push(performance.now() - t);
          }
        }
        return { firstMs, times };
      },
      { texts, rounds },
    );
    const med = median(r.times);
    const p95 = percentile(r.times, 95);
    const max = Math.max(...r.times);
    return {
      title: 'Tagger: typed replies understood on the device',
      lines: [
        `Held-out set \`${HELDOUT}\` (${examples.length} replies, written before the tagger and never trained on), through \`npm run -s cli -- tag --file ${HELDOUT}\`: micro-F1 **${ev.micro.f1.toFixed(3)}** (precision ${ev.micro.precision.toFixed(3)}, recall ${ev.micro.recall.toFixed(3)}).`,
        '',
        `Tagging in headless Chromium, every held-out reply ${rounds} times (${r.times.length} calls), after one warm-up call that builds the model (${round(r.firstMs, 1)} ms):`,
        '',
        ...table(['median', 'p95', 'max', 'tagger chunk gzip'], [[`${round(med, 3)} ms`, `${round(p95, 3)} ms`, `${round(max, 2)} ms`, `${round(gzipKb, 1)} kB`]]),
      ],
      checks: [
        { name: 'Tagger micro-F1 on the held-out set', target: '>= 0.85', value: ev.micro.f1.toFixed(3), ok: ev.micro.f1 >= 0.85 },
        { name: 'Tagging one reply in Chromium (p95)', target: `<= ${TAG_MS} ms`, value: `${round(p95, 2)} ms`, ok: p95 <= TAG_MS },
        { name: 'Tagger chunk, gzip', target: `<= ${MAX_GZIP_KB} kB`, value: `${round(gzipKb, 1)} kB`, ok: gzipKb <= MAX_GZIP_KB },
      ],
      data: { microF1: ev.micro.f1, precision: ev.micro.precision, recall: ev.micro.recall, replies: examples.length, medianMs: med, p95Ms: p95, maxMs: max, firstMs: r.firstMs, gzipKb },
    };
  } finally {
    await context.close();
  }
}
