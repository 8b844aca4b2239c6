// Analysis of uploaded scenarios off the request's event loop. One worker thread (worker.mjs) takes
// one job at a time; a job that runs past its time budget gets the worker terminated (a fresh one
// starts for the next job), and the upload is refused as too costly to analyse. The route walk inside
// has budgets of its own (steps and a deadline), so the hard limit is for what the walk cannot bound.
// An idle worker does not keep the process alive.
import { Worker } from 'node:worker_threads';
import { ApiError } from '../errors.ts';
import type { AnalysisJob, AnalysisResult } from './job.ts';

export interface AnalysisLimits {
  /** Steps the route walk may take. */
  maxVisits: number;
  /** Milliseconds the route walk may take; past either, the figures are estimates. */
  walkMs: number;
  /** Milliseconds the whole job may take before the worker is terminated. */
  timeoutMs: number;
  /** Jobs that may wait for the worker; more are refused with 503. */
  queue: number;
}

export const DEFAULT_ANALYSIS: AnalysisLimits = { maxVisits: 2_000_000, walkMs: 3_000, timeoutMs: 15_000, queue: 8 };

export class TooCostly extends ApiError {
  constructor(ms: number) {
    super(
      422,
      `this scenario is too costly to analyse: the analysis was stopped after ${(ms / 1000).toFixed(1)} s; ` +
        'nothing was saved. Fewer branches per node, fewer nodes in a row, or loops with a real way out make it analysable',
      { tooCostly: true },
    );
  }
}

export class AnalysisBusy extends ApiError {
  readonly retryAfter = 10;
  constructor() {
    super(503, 'the server is busy analysing other uploads; try again in a few seconds');
  }
}

interface Pending {
  job: Omit<AnalysisJob, 'id'>;
  resolve: (r: AnalysisResult) => void;
  reject: (e: Error) => void;
}

export class AnalysisPool {
  #worker: Worker | null = null;
  #ready: Promise<Worker> | null = null;
  #queue: Pending[] = [];
  #running = false;
  #next = 1;
  #closed = false;

  constructor(readonly limits: AnalysisLimits = DEFAULT_ANALYSIS) {}

  /** Analyses one uploaded file; rejects with TooCostly past the time budget, AnalysisBusy when the queue is full. */
  analyse(yaml: string, file: string): Promise<AnalysisResult> {
    if (this.#closed) return Promise.reject(new Error('the analysis pool is closed'));
    if (this.#queue.length >= this.limits.queue) return Promise.reject(new AnalysisBusy());
    return new Promise((resolve, reject) => {
      this.#queue.push({ job: { yaml, file, maxVisits: this.limits.maxVisits, walkMs: this.limits.walkMs }, resolve, reject });
      void this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#queue.splice(0)) p.reject(new Error('the server is shutting down'));
    const w = this.#worker;
    this.#worker = null;
    this.#ready = null;
    if (w) await w.terminate();
  }

  #start(): Promise<Worker> {
    this.#ready ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [] });
      const fail = (e: Error) => {
        if (this.#worker === worker) this.#worker = null;
        this.#ready = null;
        reject(e);
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`the analysis worker exited (${code})`)));
      worker.once('message', (m: { ready?: boolean }) => {
        if (!m?.ready) return fail(new Error('the analysis worker did not start'));
        this.#worker = worker;
        worker.unref();
        resolve(worker);
      });
    });
    return this.#ready;
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    const item = this.#queue.shift();
    if (!item) return;
    this.#running = true;
    try {
      item.resolve(await this.#run(item.job));
    } catch (e) {
      item.reject(e as Error);
    } finally {
      this.#running = false;
      void this.#pump();
    }
  }

  async #run(job: Omit<AnalysisJob, 'id'>): Promise<AnalysisResult> {
    // The budget is the job's: a fresh worker's start-up (loading the engine) is not counted.
    const worker = await this.#start();
    const started = Date.now();
    const id = this.#next++;
    worker.ref();
    try {
      return await new Promise<AnalysisResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup();
          // Whatever it is doing, it stops now; the next job gets a fresh worker.
          this.#worker = null;
          this.#ready = null;
          void worker.terminate();
          reject(new TooCostly(Date.now() - started));
        }, Math.max(0, this.limits.timeoutMs - (Date.now() - started)));
        const onMessage = (m: { id: number; ok: boolean; value?: AnalysisResult; error?: string }) => {
          if (m.id !== id) return;
          cleanup();
          if (m.ok) resolve(m.value as AnalysisResult);
          else reject(new Error(`analysis failed: ${m.error}`));
        };
        const onExit = (code: number) => {
          cleanup();
          reject(new Error(`the analysis worker exited (${code})`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('exit', onExit);
        };
        worker.on('message', onMessage);
        worker.on('exit', onExit);
        worker.postMessage({ id, ...job });
      });
    } finally {
      if (this.#worker === worker) worker.unref();
    }
  }
}
