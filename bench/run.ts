// `npm run bench [-- --quick] [-- --only engine,server]`: measures what users feel and writes
// bench/REPORT.md and bench/report.json. Every load loop is bounded and talks only to 127.0.0.1.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { progress, type SectionResult } from './lib.ts';
import { sections } from './sections/index.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1] ?? '').split(',') : null;

const outDir = resolve(import.meta.dirname);
mkdirSync(resolve(outDir, 'out'), { recursive: true });

const started = Date.now();
const results: SectionResult[] = [];
for (const section of sections) {
  if (only && !only.includes(section.id)) continue;
  progress(`== ${section.id} ==`);
  try {
    results.push(await section.run(quick));
  } catch (e) {
    results.push({ title: section.id, lines: [`Failed: ${(e as Error).message}`], checks: [{ name: section.id, target: 'runs', value: 'failed', ok: false }], data: { error: String(e) } });
  }
}
const seconds = Math.round((Date.now() - started) / 1000);

const checks = results.flatMap((r) => r.checks);
const md = [
  '# Benchmark report',
  '',
  `Run: ${new Date().toISOString()} · ${quick ? 'quick' : 'full'} · ${seconds} s · Node ${process.version}.`,
  'This machine is shared and noisy: figures are medians, and page figures are ratios against a bare Phaser 4 page measured in the same run.',
  '',
  '## Targets',
  '',
  '| target | wanted | measured | |',
  '| --- | --- | --- | --- |',
  ...checks.map((c) => `| ${c.name} | ${c.target} | ${c.value} | ${c.ok ? 'met' : '**missed**'} |`),
  '',
  ...results.flatMap((r) => [`## ${r.title}`, '', ...r.lines, '']),
].join('\n');
const reportName = quick ? 'REPORT.quick.md' : 'REPORT.md';
writeFileSync(resolve(outDir, quick ? 'out/REPORT.quick.md' : reportName), md);
writeFileSync(resolve(outDir, quick ? 'out/report.quick.json' : 'report.json'), JSON.stringify({ quick, seconds, results }, null, 2));
console.log(md);
const missed = checks.filter((c) => !c.ok).length;
console.log(`\n${checks.length - missed} targets met, ${missed} missed`);
