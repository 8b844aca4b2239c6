// Empathy, ownership and timing over a trainee's attempts, drawn by Chart.js (loaded on first use, only
// the parts a line chart needs). The same numbers are offered as a table for screen readers and for
// anyone who prefers to read them.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chart as ChartType } from 'chart.js';
import type { ScoreSeries } from '../lib/series.ts';
import { ErrorBox, Loading } from './ui.ts';

export const SERIES_COLORS = { empathy: '#1f7a74', ownership: '#c46a1b', timing: '#3f5fbf', overall: '#26344a' } as const;

let chartModule: Promise<typeof import('./chart-setup.ts')> | null = null;
function loadChart() {
  // A failed load is not kept: after a new version is deployed the old chunk is gone, and a reload helps.
  chartModule ??= import('./chart-setup.ts').catch((e) => {
    chartModule = null;
    throw e;
  });
  return chartModule;
}

export function ScoreChart({ series, label, titles }: { series: ScoreSeries; label: string; /** Tooltip heading per point. */ titles?: string[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartType | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');

  useEffect(() => {
    let cancelled = false;
    loadChart().then(
      ({ Chart }) => {
        if (cancelled || !canvas.current) return;
        const line = (key: keyof typeof SERIES_COLORS, name: string, dashed = false) => ({
          label: name,
          data: series[key],
          borderColor: SERIES_COLORS[key],
          backgroundColor: SERIES_COLORS[key],
          borderWidth: dashed ? 2 : 2.5,
          borderDash: dashed ? [6, 4] : undefined,
          pointRadius: 3.5,
          pointHoverRadius: 6,
          cubicInterpolationMode: 'monotone' as const,
        });
        chart.current?.destroy();
        chart.current = new Chart(canvas.current, {
          type: 'line',
          data: {
            labels: series.labels,
            datasets: [line('empathy', 'Empathy'), line('ownership', 'Ownership'), line('timing', 'Timing'), line('overall', 'Overall', true)],
          },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
            interaction: { mode: 'index', intersect: false },
            scales: {
              y: { min: 0, max: 100, ticks: { stepSize: 20 }, grid: { color: '#e9edf2' }, title: { display: true, text: 'Score' } },
              x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 } },
            },
            plugins: {
              legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8, boxHeight: 8, padding: 18 } },
              tooltip: {
                backgroundColor: '#1e2a3b',
                padding: 10,
                boxPadding: 4,
                callbacks: titles ? { title: (items) => titles[items[0]?.dataIndex ?? 0] ?? '' } : {},
              },
            },
          },
        });
        setState('ready');
      },
      (e: Error) => {
        if (cancelled) return;
        setError(`The chart could not load (${e.message}); reload the page to try again. The scores are in the table below.`);
        setState('error');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [series, titles]);

  useEffect(() => () => chart.current?.destroy(), []);

  const rows = series.labels.map((l, i) => [l, series.empathy[i], series.ownership[i], series.timing[i], series.overall[i]]);
  return h(
    'figure',
    { class: 'chart' },
    state === 'loading' ? h(Loading, { label: 'Loading the chart…', rows: 1 }) : null,
    state === 'error' ? h(ErrorBox, { error: { message: error }, title: 'No chart' }) : null,
    h('div', { class: 'chart-canvas', hidden: state === 'error' }, h('canvas', { ref: canvas, role: 'img', 'aria-label': label })),
    h(
      'details',
      { class: 'chart-table' },
      h('summary', null, 'Show the scores as a table'),
      h(
        'div',
        { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-label': 'Scores by attempt' },
        h(
          'table',
          { class: 'table table-compact' },
          h('thead', null, h('tr', null, ['Attempt', 'Empathy', 'Ownership', 'Timing', 'Overall'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, c)))))),
        ),
      ),
    ),
  );
}
