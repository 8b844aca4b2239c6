// The draft as the page holds it: the form's data and the YAML text, kept in step by the worker (which
// also checks every version). While the worker is busy only the latest edit waits; older ones are
// skipped, so the checks follow typing without queueing up.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftCheck } from '../../shared/studio-checks.ts';
import type { DocData, DocJob, DocResult } from './doc-messages.ts';

export interface StudioDoc {
  data: DocData | null;
  yaml: string;
  check: DraftCheck | null;
  /** An edit is on its way through the worker (the check is for an older text). */
  stale: boolean;
  /** False until the worker has read the draft the first time. */
  ready: boolean;
  setData: (d: DocData) => void;
  setYaml: (t: string) => void;
}

type Pending = { data: DocData } | { yaml: string };

export function useStudioDoc(initialYaml: string, onYaml: (yaml: string) => void): StudioDoc {
  const [data, setDataState] = useState<DocData | null>(null);
  const [yaml, setYamlState] = useState(initialYaml);
  const [check, setCheck] = useState<DraftCheck | null>(null);
  const [stale, setStale] = useState(true);
  const [ready, setReady] = useState(false);
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const waiting = useRef<Pending | null>(null);
  const seq = useRef(0);
  const save = useRef(onYaml);
  save.current = onYaml;

  const send = (job: Pending) => {
    const w = worker.current;
    if (!w) return;
    busy.current = true;
    setStale(true);
    const message: DocJob = { ...job, seq: ++seq.current };
    w.postMessage(message);
  };
  const queue = (job: Pending) => {
    if (busy.current) waiting.current = job;
    else send(job);
  };

  useEffect(() => {
    const w = new Worker(new URL('./checks.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<DocResult>) => {
      const r = e.data;
      busy.current = false;
      setCheck(r.check);
      setReady(true);
      const next = waiting.current;
      waiting.current = null;
      if (r.fromData) {
        // The form's data as YAML: the text to show and to save (unless a newer edit is waiting).
        if (!next) {
          setYamlState(r.yaml);
          save.current(r.yaml);
        }
      } else if (!next || !('data' in next)) setDataState(r.data);
      if (next) send(next);
      else setStale(false);
    };
    send({ yaml: initialYaml });
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  return {
    data,
    yaml,
    check,
    stale,
    ready,
    setData: (d) => {
      setDataState(d);
      queue({ data: d });
    },
    setYaml: (t) => {
      setYamlState(t);
      save.current(t);
      queue({ yaml: t });
    },
  };
}
