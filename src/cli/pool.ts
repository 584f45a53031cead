/**
 * Where documents are cleaned: in this thread, or by a pool of worker threads
 * (-j/--jobs). clean() is pure, so a document's result does not depend on
 * which thread cleaned it; main() consumes results in input order, so the
 * output is the same byte for byte whatever the number of jobs.
 *
 * Our own pool rather than piscina: the work is one kind of task, one message
 * each way, and the pool needs no more than ~80 lines (start lazily, keep each
 * worker fed with two tasks, fail loudly if a worker dies).
 */
import { createRequire } from 'node:module';
import type { CleanOptions } from '../types.js';
import { cleanDocument, type Cleaned, type WorkerAnswer, type WorkerTask } from './clean-document.js';

export type { Cleaned } from './clean-document.js';

export interface Cleaner {
  /** How many documents it cleans at once (how far ahead main() may read). */
  readonly width: number;
  clean(text: string, options: CleanOptions, corpusMinBytes?: number): Promise<Cleaned>;
  close(): Promise<void>;
}

/** node:worker_threads, loaded when a pool starts: a one-file run never needs it. */
const workerThreads = (): typeof import('node:worker_threads') => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

/** Cleans in this thread, when asked: nothing is read ahead. */
export const inlineCleaner: Cleaner = {
  width: 1,
  clean: (text, options, corpusMinBytes) => Promise.resolve(cleanDocument(text, options, corpusMinBytes)),
  close: () => Promise.resolve(),
};


interface Pending {
  task: WorkerTask;
  resolve(cleaned: Cleaned): void;
  reject(err: Error): void;
}

interface Slot {
  worker: import('node:worker_threads').Worker;
  running: Map<number, Pending>;
}

/** Tasks given to one worker at a time: one running, one waiting, so it never idles on a message round trip. */
const PER_WORKER = 2;

export class WorkerPool implements Cleaner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(
    private readonly size: number,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
  ) {}

  get width(): number {
    return this.size * 4;
  }

  clean(text: string, options: CleanOptions, corpusMinBytes?: number): Promise<Cleaned> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const task: WorkerTask = { id: this.nextId++, text, options, ...(corpusMinBytes === undefined ? {} : { corpusMinBytes }) };
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Hand queued tasks to the least busy workers, starting workers on first need. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.slots.length < this.size) this.start();
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.running.size < PER_WORKER && (!slot || s.running.size < slot.running.size)) slot = s;
      if (!slot) return;
      const pending = this.queue.shift() as Pending;
      slot.running.set(pending.task.id, pending);
      slot.worker.postMessage(pending.task);
    }
  }

  private start(): void {
    const slot: Slot = { worker: new (workerThreads().Worker)(this.script), running: new Map() };
    this.slots.push(slot);
    slot.worker.on('message', (answer: WorkerAnswer) => {
      const pending = slot.running.get(answer.id);
      if (!pending) return;
      slot.running.delete(answer.id);
      if ('cleaned' in answer) pending.resolve(answer.cleaned);
      else pending.reject(Object.assign(new Error(answer.error), answer.stack ? { stack: answer.stack } : {}));
      this.dispatch();
    });
    // A worker that dies takes the run down: its documents cannot be cleaned elsewhere without changing the order of messages.
    const die = (err: Error): void => {
      this.failure ??= new Error(`a worker thread stopped: ${err.message}`);
      for (const s of this.slots) for (const p of s.running.values()) p.reject(this.failure);
      for (const p of this.queue.splice(0)) p.reject(this.failure);
    };
    slot.worker.on('error', die);
    slot.worker.on('exit', (code) => {
      if (slot.running.size > 0 || this.slots.includes(slot)) die(new Error(`exit code ${code}`));
    });
  }
}

/**
 * Cleans in this thread until the run has cost INLINE_BUDGET_MS, then hands
 * the rest to a pool: starting workers (loading the modules again in each,
 * warming them up) costs more than a small batch takes. A run of tiny
 * documents stays inline.
 */
export class AdaptiveCleaner implements Cleaner {
  private pool: WorkerPool | undefined;
  private spent = 0;
  private documents = 0;
  /** The first document also pays for compiling patterns: left out of the average. */
  private first = 0;

  constructor(
    private readonly jobs: number,
    private readonly budgetMs = INLINE_BUDGET_MS,
    private readonly script?: URL,
  ) {}

  get width(): number {
    return this.pool ? this.pool.width : 1;
  }

  clean(text: string, options: CleanOptions, corpusMinBytes?: number): Promise<Cleaned> {
    if (this.pool) return this.pool.clean(text, options, corpusMinBytes);
    // Tiny documents stay inline for good: sending each to a worker costs about what cleaning it does.
    const average = this.documents > 1 ? (this.spent - this.first) / (this.documents - 1) : Infinity;
    if (this.spent >= this.budgetMs && average >= MIN_DOCUMENT_MS) {
      this.pool = new WorkerPool(this.jobs, this.script);
      return this.pool.clean(text, options, corpusMinBytes);
    }
    const start = performance.now();
    try {
      return inlineCleaner.clean(text, options, corpusMinBytes);
    } finally {
      const took = performance.now() - start;
      if (this.documents === 0) this.first = took;
      this.spent += took;
      this.documents++;
    }
  }

  close(): Promise<void> {
    return this.pool ? this.pool.close() : Promise.resolve();
  }
}

/** Inline work after which a run that may use workers starts them. */
const INLINE_BUDGET_MS = 300;
/** Below this average cleaning time per document, workers do not pay (measured: 20,000 two-line files ran faster inline). */
const MIN_DOCUMENT_MS = 0.5;

/**
 * The cleaner for a run. -j N asks for N workers: a pool from the start. By
 * default (one job per core) the pool starts only once the run proves long
 * enough to pay for it. One document, or one job, is cleaned inline.
 */
export function cleanerFor(jobs: { asked?: number; cores: number }, manyDocuments: boolean): Cleaner {
  const count = jobs.asked ?? jobs.cores;
  if (count <= 1 || !manyDocuments) return inlineCleaner;
  return jobs.asked === undefined ? new AdaptiveCleaner(count) : new WorkerPool(count);
}
