/**
 * What every cleaner runs on one document, in this thread or a worker
 * (pool.ts), and the messages between them. Kept apart from pool.ts so the
 * worker does not import the pool: bundled, the pool must stay in the CLI's
 * own file, since it finds the worker as ./worker.js beside itself.
 */
import { clean } from '../core/clean.js';
import { corpusParagraphs, type CorpusParagraph } from '../dedupe/corpus.js';
import type { CleanOptions, CleanResult } from '../types.js';

/** A document's result, and what corpus dedupe needs of it when asked (computed where it was cleaned, in parallel). */
export interface Cleaned {
  result: CleanResult;
  corpus?: CorpusParagraph[];
}

/** Clean one document. `corpusMinBytes`: also prepare it for corpus dedupe. */
export function cleanDocument(text: string, options: CleanOptions, corpusMinBytes?: number): Cleaned {
  const result = clean(text, options);
  return corpusMinBytes === undefined ? { result } : { result, corpus: corpusParagraphs(result, corpusMinBytes) };
}

/** A message to a worker, and its answer. */
export interface WorkerTask {
  id: number;
  text: string;
  options: CleanOptions;
  corpusMinBytes?: number;
}
export type WorkerAnswer = { id: number; cleaned: Cleaned } | { id: number; error: string; stack?: string };
