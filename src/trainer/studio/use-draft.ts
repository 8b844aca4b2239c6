// The draft being edited and its saving: every edit is kept on this device at once (localStorage), and
// sent to the server shortly after typing stops; a failed send is retried, and a reload brings back
// whatever the server had not yet taken.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import type { StudioScenario } from '../../shared/studio.ts';
import { studioApi } from './api.ts';

export type SaveState = { state: 'saved'; at: string } | { state: 'pending' } | { state: 'saving' } | { state: 'offline'; message: string } | { state: 'conflict'; message: string };

interface Local {
  yaml: string;
  /** The server revision the local text was edited from. */
  revision: number;
}

const SAVE_AFTER_MS = 700;
const RETRY_MS = 4000;
const key = (id: string) => `studio-draft:${id}`;

function readLocal(id: string): Local | null {
  try {
    const v = JSON.parse(localStorage.getItem(key(id)) ?? 'null') as Local | null;
    return v && typeof v.yaml === 'string' && typeof v.revision === 'number' ? v : null;
  } catch {
    return null;
  }
}

function writeLocal(id: string, v: Local | null): void {
  try {
    if (v) localStorage.setItem(key(id), JSON.stringify(v));
    else localStorage.removeItem(key(id));
  } catch {
    // A full or blocked storage only loses the offline copy; the server save still runs.
  }
}

export interface Draft {
  yaml: string;
  setYaml: (yaml: string) => void;
  save: SaveState;
  /** Local edits from an earlier visit were restored. */
  restored: boolean;
  /** Sends what is typed now (before publishing or previewing). */
  flush: () => Promise<boolean>;
}

export function useDraft(scenario: StudioScenario): Draft {
  const id = scenario.id;
  const [initial] = useState(() => {
    const local = readLocal(id);
    const usable = local && local.revision === scenario.draft.revision && local.yaml !== scenario.draft.yaml;
    if (local && !usable) writeLocal(id, null);
    return { yaml: usable ? local.yaml : scenario.draft.yaml, restored: !!usable };
  });
  const [yaml, setYamlState] = useState(initial.yaml);
  const [save, setSave] = useState<SaveState>(initial.restored ? { state: 'pending' } : { state: 'saved', at: scenario.draft.savedAt });
  const revision = useRef(scenario.draft.revision);
  const onServer = useRef(scenario.draft.yaml);
  const latest = useRef(initial.yaml);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const send = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const text = latest.current;
    if (text === onServer.current) {
      writeLocal(id, null);
      return true;
    }
    setSave({ state: 'saving' });
    const run = studioApi.saveDraft(id, text, revision.current).then(
      (r) => {
        revision.current = r.revision;
        onServer.current = text;
        if (latest.current === text) {
          writeLocal(id, null);
          setSave({ state: 'saved', at: r.savedAt });
        } else {
          writeLocal(id, { yaml: latest.current, revision: r.revision });
          setSave({ state: 'pending' });
        }
        return true;
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 409) {
          setSave({ state: 'conflict', message: 'This draft was changed elsewhere. Your text is kept on this device; reload to see the other version.' });
        } else {
          const message = e instanceof ApiError && e.status === 0 ? 'Offline: your edits are kept on this device and will be saved when the connection returns.' : `Not saved yet: ${(e as Error).message}`;
          setSave({ state: 'offline', message });
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void send(), RETRY_MS);
        }
        return false;
      },
    );
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    if (ok && latest.current !== onServer.current) return send();
    return ok;
  }, [id]);

  const setYaml = useCallback(
    (text: string) => {
      latest.current = text;
      setYamlState(text);
      writeLocal(id, { yaml: text, revision: revision.current });
      setSave((s) => (s.state === 'conflict' ? s : { state: 'pending' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void send(), SAVE_AFTER_MS);
    },
    [id, send],
  );

  useEffect(() => {
    if (initial.restored) void send();
    const online = () => void send();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [send]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    return send();
  }, [send]);

  return { yaml, setYaml, save, restored: initial.restored, flush };
}
