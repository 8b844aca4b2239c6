// Loading data for a panel: loading, ready or failed, with a reload that keeps showing the old data.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

export type Resource<T> =
  | { state: 'loading'; data: T | undefined; error: null; reload: () => void }
  | { state: 'ready'; data: T; error: null; reload: () => void }
  | { state: 'error'; data: T | undefined; error: ApiError; reload: () => void };

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ state: 'loading' | 'ready' | 'error'; data: T | undefined; error: ApiError | null }>({ state: 'loading', data: undefined, error: null });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const lastTick = useRef(tick);
  useEffect(() => {
    const call = ++latest.current;
    // A reload keeps showing what is there; other data (another team, say) starts from empty.
    const keep = lastTick.current !== tick;
    lastTick.current = tick;
    setState((s) => ({ state: 'loading', data: keep ? s.data : undefined, error: null }));
    load().then(
      (data) => call === latest.current && setState({ state: 'ready', data, error: null }),
      (e: unknown) => {
        if (call !== latest.current) return;
        const error = e instanceof ApiError ? e : new ApiError(0, (e as Error)?.message ?? 'Something went wrong.');
        setState((s) => ({ state: 'error', data: s.data, error }));
      },
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload } as Resource<T>;
}

/** Sets the document title for the page ("Progress · Front desk · Make It Right trainer"). */
export function useTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Make It Right trainer'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
