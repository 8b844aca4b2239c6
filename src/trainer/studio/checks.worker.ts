// The studio's worker: it owns the YAML (the page edits plain data) and runs the checks off the page's
// thread. A job is either the form's data (answered with its YAML) or typed YAML (answered with its
// data); every answer carries the check of the text. The checker keeps its last results, so an edit
// redoes only the stages whose inputs it changed, and typed YAML is parsed once for both answers.
import { stringify } from 'yaml';
import { createDraftChecker } from '../../shared/studio-checks.ts';
import type { DocJob, DocResult } from './doc-messages.ts';

const checker = createDraftChecker();

const scope = self as unknown as { onmessage: ((e: MessageEvent<DocJob>) => void) | null; postMessage: (m: DocResult) => void };
scope.onmessage = (e) => {
  const job = e.data;
  const yaml = 'data' in job ? stringify(job.data, { lineWidth: 0 }) : job.yaml;
  const check = checker.check(yaml);
  const data = 'data' in job ? job.data : checker.data(yaml);
  scope.postMessage({ seq: job.seq, fromData: 'data' in job, yaml, data, check });
};
