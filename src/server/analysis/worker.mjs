// The analysis worker thread (pool.ts starts it): loads the TypeScript job with tsx and answers one
// message at a time. Plain JavaScript so that it starts the same under tsx, Vitest and plain node.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { analyseUpload } = await tsImport('./job.ts', import.meta.url);

parentPort.on('message', (job) => {
  let reply;
  try {
    reply = { id: job.id, ok: true, value: analyseUpload(job) };
  } catch (e) {
    reply = { id: job.id, ok: false, error: String((e && e.message) || e) };
  }
  parentPort.postMessage(reply);
});
parentPort.postMessage({ ready: true });
