// `npm run bench [-- --quick] [-- --only engine,server]`: measures what users feel and writes
// bench/REPORT.md and bench/report.json (--quick: bench/out/REPORT.quick.md and report.quick.json;
// --only: bench/out/REPORT.partial.md). `-- --render` rewrites bench/REPORT.md from report.json and
// bench/NOTES.md without measuring.
// Every load loop is bounded in count and time and talks only to 127.0.0.1; everything started is
// stopped and every temporary folder and schema removed at the end, also after a failure or Ctrl-C.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { progress, renderReport, type SectionResult } from './lib.ts';
import { sections } from './sections/index.ts';
import { cleanupAll } from './support/cleanup.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1] ?? '').split(',') : null;

const outDir = resolve(import.meta.dirname);
mkdirSync(resolve(outDir, 'out'), { recursive: true });
const notesFile = resolve(outDir, 'NOTES.md');
const readNotes = () => (existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined);

// `--render`: rewrite bench/REPORT.md from bench/report.json and bench/NOTES.md, measuring nothing.
if (args.includes('--render')) {
  const saved = JSON.parse(readFileSync(resolve(outDir, 'report.json'), 'utf8'));
  const md = renderReport(saved.results, { date: saved.date, quick: saved.quick, seconds: saved.seconds, node: saved.node, machine: saved.machine, notes: readNotes() });
  writeFileSync(resolve(outDir, 'REPORT.md'), md + '\n');
  console.log('bench/REPORT.md rendered from bench/report.json');
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

const started = Date.now();
const results: SectionResult[] = [];
const load: { section: string; load: number }[] = [];
for (const section of sections) {
  if (only && !only.includes(section.id)) continue;
  load.push({ section: section.id, load: loadavg()[0] });
  progress(`== ${section.id} == (load average ${loadavg()[0].toFixed(1)})`);
  try {
    results.push(await section.run(quick));
  } catch (e) {
    progress(`${section.id} failed: ${(e as Error).stack ?? String(e)}`);
    results.push({ title: section.id, lines: [`Failed: ${(e as Error).message}`], checks: [{ name: section.id, target: 'runs', value: 'failed', ok: false }], data: { error: String(e) } });
  }
}
await cleanupAll();
load.push({ section: 'end', load: loadavg()[0] });
const seconds = Math.round((Date.now() - started) / 1000);
const machine = { cpus: cpus().length, load };

const date = new Date().toISOString();
const md = renderReport(results, { date, quick, seconds, node: process.version, machine, notes: readNotes() });
const partial = only !== null;
// A partial or quick run never overwrites the committed report.
const [mdName, jsonName] = quick ? ['out/REPORT.quick.md', 'out/report.quick.json'] : partial ? ['out/REPORT.partial.md', 'out/report.partial.json'] : ['REPORT.md', 'report.json'];
writeFileSync(resolve(outDir, mdName), md + '\n');
writeFileSync(resolve(outDir, jsonName), JSON.stringify({ date, quick, seconds, node: process.version, machine, results }, null, 2) + '\n');
console.log(md);
const checks = results.flatMap((r) => r.checks);
const missed = checks.filter((c) => !c.ok).length;
console.log(`\n${checks.length - missed} targets met, ${missed} missed (${seconds} s); report: bench/${mdName}`);
