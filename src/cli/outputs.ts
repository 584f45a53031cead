/**
 * Output at the CLI edge: results are written as each input is cleaned, to
 * stdout or to a file that appears atomically when the run ends.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** The part of a stream main() writes to: process.stdout, or a collector in tests. */
export interface OutStream {
  write(chunk: string): boolean | unknown;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/** Where results go, one chunk at a time. */
export interface Sink {
  write(chunk: string): Promise<void>;
  /** Finish: for a file, move it into place. */
  close(): Promise<void>;
  /** Give up: for a file, leave no partial output behind. */
  abort(): Promise<void>;
}

/** Write and wait when the stream asks us to (so a slow reader never makes us buffer everything). */
async function writeWithBackpressure(stream: OutStream, chunk: string): Promise<void> {
  if (stream.write(chunk) === false && stream.once) {
    await new Promise<void>((resolve) => stream.once?.('drain', resolve));
  }
}

export function streamSink(stream: OutStream): Sink {
  return {
    write: (chunk) => writeWithBackpressure(stream, chunk),
    close: async () => {},
    abort: async () => {},
  };
}

/**
 * A file written so that readers see either the old content or the new, never
 * half: a temporary file in the same folder, renamed over the target at the end.
 */
export function atomicFileSink(target: string): Sink {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const stream = createWriteStream(temp);
  let failure: Error | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => {
      failure = err;
      reject(err);
    });
  });
  // Awaited by write() and close(); this only keeps an early failure from being "unhandled".
  opened.catch(() => {});
  return {
    async write(chunk) {
      await opened;
      if (failure) throw failure;
      await writeWithBackpressure(stream, chunk);
    },
    async close() {
      await opened;
      await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
      await rename(temp, target);
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}
