/** A worker thread of the pool (pool.ts): cleans the documents it is sent and answers with their results. */
import { parentPort } from 'node:worker_threads';
import { cleanDocument, type WorkerAnswer, type WorkerTask } from './clean-document.js';

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread of article-clean');
port.on('message', ({ id, text, options, corpusMinBytes }: WorkerTask) => {
  let answer: WorkerAnswer;
  try {
    answer = { id, cleaned: cleanDocument(text, options, corpusMinBytes) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    answer = { id, error: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  }
  port.postMessage(answer);
});
