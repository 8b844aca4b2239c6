// Prints every shipped scenario's gameability figures: a quick look while writing content.
import { loadLibrary } from '../src/engine/files.ts';
import { measureGameability, longestOnRoute, readingOverloads } from '../src/engine/gameability.ts';
import { summarizeRoutes } from '../src/engine/routes.ts';

const lib = loadLibrary();
const t0 = performance.now();
for (const s of lib.scenarios.values()) {
  const g = measureGameability(s);
  const sum = summarizeRoutes(s);
  const lb = sum ? longestOnRoute(s, sum.best.steps) : null;
  const passUnwon = 0;
  console.log(`${s.id}: best ${sum?.best.report.overall} routes ${sum?.count} ${JSON.stringify(sum?.outcomes)} longest-best ${lb?.longest}/${lb?.decisions}`);
  console.log('   ' + g.strategies.map((f) => `${f.id} ${f.mean}/${(f.passRate * 100).toFixed(0)}%`).join('  '));
  const ro = readingOverloads(s);
  if (ro.length) console.log('   reading: ' + ro.map((r) => `${r.node} ${r.seconds}s/${r.patience}s`).join(', '));
  void passUnwon;
}
console.log(`${Math.round(performance.now() - t0)} ms`);
