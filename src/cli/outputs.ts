/**
 * Output at the CLI edge: results are written as each input is cleaned, to
 * stdout or to files that appear atomically when complete (-o, --out-dir,
 * --in-place), so an interrupted run never leaves a half-written file.
 */
import { createWriteStream, rmSync } from 'node:fs';
import { chmod, copyFile, rename, rm, writeFile } from 'node:fs/promises';
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
 * A hidden, unique name next to `target` (same folder, so rename is atomic).
 * The global Web Crypto, not node:crypto: that module costs a one-file run ~10 ms to load, and most runs write no file.
 */
const tempPathFor = (target: string): string => {
  const random = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(6))).toString('hex');
  return path.join(path.dirname(target), `.${path.basename(target)}.${random}.tmp`);
};

/** Copy a file so that `to` appears whole or not at all (--backup). */
export async function atomicCopy(from: string, to: string): Promise<void> {
  const temp = tempPathFor(to);
  liveTemps.add(temp);
  try {
    await copyFile(from, temp);
    await rename(temp, to);
  } finally {
    await rm(temp, { force: true });
    liveTemps.delete(temp);
  }
}

/** Write bytes so that `target` appears whole or not at all (state files). */
export async function atomicWriteFile(target: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  liveTemps.add(temp);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
    liveTemps.delete(temp);
  }
}

/** Temporary files not yet renamed into place: removed if the process exits early (Ctrl-C). */
const liveTemps = new Set<string>();

/** Remove every temporary file still open; for exit and signal handlers, hence synchronous. */
export function removeLiveTemps(): void {
  for (const temp of liveTemps) rmSync(temp, { force: true });
  liveTemps.clear();
}

/**
 * A file written so that readers see either the old content or the new, never
 * half: a temporary file in the same folder, renamed over the target at the end.
 * `mode` sets the permissions of the new file (--in-place keeps the old ones).
 */
export function atomicFileSink(target: string, mode?: number): Sink {
  const temp = tempPathFor(target);
  liveTemps.add(temp);
  // wx: never write into a file that is already there, however unlikely the name.
  const stream = createWriteStream(temp, mode === undefined ? { flags: 'wx' } : { flags: 'wx', mode });
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
      if (mode !== undefined) await chmod(temp, mode); // the umask may have narrowed it
      await rename(temp, target);
      liveTemps.delete(temp);
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
      liveTemps.delete(temp);
    },
  };
}
