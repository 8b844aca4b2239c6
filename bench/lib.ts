// Small measuring helpers shared by the benchmark sections.
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx];
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export interface Check {
  name: string;
  target: string;
  value: string;
  ok: boolean;
}

export interface SectionResult {
  title: string;
  /** Markdown table rows or paragraphs for the report. */
  lines: string[];
  checks: Check[];
  data: Record<string, unknown>;
}

const t0 = performance.now();
export function progress(msg: string): void {
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
}

export function table(header: string[], rows: (string | number)[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export interface ReportMeta {
  date: string;
  quick: boolean;
  seconds: number;
  node: string;
  /** CPUs, and the 1-minute load average as each section started and at the end. */
  machine?: { cpus: number; load: { section: string; load: number }[] };
  /** Hand-written Markdown appended after the figures (bench/NOTES.md: what was changed, what is left). */
  notes?: string;
}

/** The Markdown report: the targets table first, then each section's figures. */
export function renderReport(results: readonly SectionResult[], meta: ReportMeta): string {
  const checks = results.flatMap((r) => r.checks);
  const met = checks.filter((c) => c.ok).length;
  return [
    '# Benchmark report',
    '',
    `Run: ${meta.date} · ${meta.quick ? 'quick' : 'full'} · ${meta.seconds} s · Node ${meta.node}. Written by \`npm run bench\`${meta.quick ? ' -- --quick' : ''}.`,
    'This machine is shared and noisy: figures are medians, and page figures are ratios against a bare Phaser 4 page measured in the same run.',
    ...(meta.machine
      ? [
          `Machine: ${meta.machine.cpus} CPUs; 1-minute load average when each section started: ${meta.machine.load.map((l) => `${l.section} ${l.load.toFixed(1)}`).join(', ')} (a load above the CPU count means other work was competing for them).`,
        ]
      : []),
    '',
    '## Targets',
    '',
    `${met} of ${checks.length} met.`,
    '',
    ...table(
      ['target', 'wanted', 'measured', ''],
      checks.map((c) => [escapeCell(c.name), escapeCell(c.target), escapeCell(c.value), c.ok ? 'met' : '**missed**']),
    ),
    '',
    ...results.flatMap((r) => [`## ${r.title}`, '', ...r.lines, '']),
    ...(meta.notes ? [meta.notes.trim(), ''] : []),
  ].join('\n');
}

/** A table cell may not hold a pipe or a line break. */
export function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
