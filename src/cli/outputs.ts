/** Output at the CLI edge: stdout, or a file written atomically. */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The part of a stream main() writes to: process.stdout, or a collector in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Write a file so that readers see either the old content or the new, never
 * half: a temporary file in the same folder, then a rename over the target.
 */
export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
