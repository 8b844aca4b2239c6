// The studio's worker: it owns the YAML (the page edits plain data) and runs the checks off the page's
// thread. A job is either the form's data (answered with its YAML) or typed YAML (answered with its
// data); every answer carries the check of the text.
import { parse, stringify } from 'yaml';
import { checkDraft } from '../../shared/studio-checks.ts';
import type { DocJob, DocResult } from './doc-messages.ts';

function readDraft(yaml: string): Record<string, unknown> | null {
  try {
    const v: unknown = parse(yaml);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<DocJob>) => void) | null; postMessage: (m: DocResult) => void };
scope.onmessage = (e) => {
  const job = e.data;
  const yaml = 'data' in job ? stringify(job.data, { lineWidth: 0 }) : job.yaml;
  const data = 'data' in job ? job.data : readDraft(yaml);
  scope.postMessage({ seq: job.seq, fromData: 'data' in job, yaml, data, check: checkDraft(yaml) });
};
