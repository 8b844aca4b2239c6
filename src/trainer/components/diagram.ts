// A scenario's branches as a Mermaid flowchart, rendered in the browser. Mermaid is large, so it is
// loaded only when a diagram is first shown.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button, ErrorBox, Loading } from './ui.ts';

let mermaidModule: Promise<typeof import('mermaid').default> | null = null;
function loadMermaid() {
  mermaidModule ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      fontFamily: "Inter, 'Segoe UI', system-ui, sans-serif",
      themeVariables: {
        primaryColor: '#eef6f5',
        primaryBorderColor: '#1f7a74',
        primaryTextColor: '#1e2a3b',
        lineColor: '#7b8799',
        fontSize: '14px',
        edgeLabelBackground: '#ffffff',
      },
      flowchart: { curve: 'basis', padding: 12, nodeSpacing: 36, rankSpacing: 52 },
    });
    return mermaid;
  });
  // A failed load is not kept, so a later diagram (or a reload after a new version) tries again.
  mermaidModule.catch(() => (mermaidModule = null));
  return mermaidModule;
}

let renderCount = 0;

export function Diagram({ source, label }: { source: string; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [fit, setFit] = useState(true);

  useEffect(() => {
    let cancelled = false;
    setState('loading');
    loadMermaid()
      .then((mermaid) => mermaid.render(`scenario-diagram-${++renderCount}`, source))
      .then(
        ({ svg }) => {
          if (cancelled || !host.current) return;
          host.current.innerHTML = svg;
          const el = host.current.querySelector('svg');
          el?.setAttribute('role', 'img');
          el?.setAttribute('aria-label', label);
          setState('ready');
        },
        (e: Error) => {
          if (cancelled) return;
          setError(`${e.message || 'Mermaid could not draw this scenario.'} Reload the page to try again.`);
          setState('error');
        },
      );
    return () => {
      cancelled = true;
    };
  }, [source, label]);

  return h(
    'div',
    { class: 'diagram' },
    h(
      'div',
      { class: 'diagram-tools' },
      h('span', { class: 'legend' }, h('i', { class: 'sw sw-won' }), 'Won back', h('i', { class: 'sw sw-lost' }), 'Lost', h('i', { class: 'sw sw-public' }), 'Went public', h('i', { class: 'sw sw-dash' }), 'Silence'),
      h(Button, { small: true, variant: 'ghost', onClick: () => setFit(!fit), 'aria-pressed': fit ? 'false' : 'true', disabled: state !== 'ready' }, fit ? 'Actual size' : 'Fit to width'),
    ),
    state === 'loading' ? h(Loading, { label: 'Drawing the diagram…', rows: 4 }) : null,
    state === 'error' ? h(ErrorBox, { error: { message: error }, title: 'The diagram could not be drawn' }) : null,
    h('div', {
      ref: host,
      class: fit ? 'diagram-canvas diagram-fit' : 'diagram-canvas',
      hidden: state !== 'ready',
      tabIndex: 0,
      role: 'region',
      'aria-label': `${label} (scrollable)`,
    }),
  );
}
