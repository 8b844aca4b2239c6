// The graph view, fetched the first time it is opened (its libraries are a chunk of their own).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { GraphProps } from './graph.ts';

type GraphModule = typeof import('./graph.ts');
let loaded: Promise<GraphModule> | null = null;

export function LazyGraph(p: GraphProps) {
  const [mod, setMod] = useState<GraphModule | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loaded ??= import('./graph.ts');
    loaded.then(setMod, (e: unknown) => {
      loaded = null;
      setError((e as Error).message);
    });
  }, []);
  if (error) return h('p', { class: 'field-error studio-form', role: 'alert' }, `The graph could not be loaded: ${error}`);
  if (!mod) return h('p', { class: 'muted studio-form', role: 'status' }, 'Loading the graph…');
  return h(mod.GraphView, p);
}
