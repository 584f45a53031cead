/**
 * Corpus dedupe state files (--state, `article-clean state merge`): what
 * earlier runs kept, so that a corpus cleaned in increments, or in shards on
 * several machines, is deduplicated against everything before it.
 *
 * Format (docs/DEDUPE.md): gzip of JSON Lines. The first line is a header
 * { "format": "article-clean-state", "version": 1, "canonical": 1,
 * "documents": N, "paragraphs": M }; each further line is one kept paragraph,
 * [source, firstLine, lastLine, canonicalText], in the order it was kept.
 * Signatures are not stored: they are recomputed from the canonical text on
 * loading, so the file does not depend on the MinHash parameters.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CorpusIndex, indexKeys, type CorpusEntry, type CorpusOptions } from '../dedupe/corpus.js';
import { signature } from '../dedupe/minhash.js';
import { atomicWriteFile } from './outputs.js';
import { reasonFor } from './inputs.js';

export const STATE_FORMAT = 'article-clean-state';
export const STATE_VERSION = 1;
/** Version of canonicalize(): a state made with another canonical form cannot be compared with. */
export const CANONICAL_VERSION = 1;

/** A state file that cannot be used: its path and why, for one line on stderr. */
export class StateError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'StateError';
  }
}

export interface StateContents {
  documents: number;
  entries: CorpusEntry[];
}

/** Read a state file; undefined when it does not exist yet (a first run). */
export async function readState(file: string): Promise<StateContents | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateError(file, `cannot read the state file: ${reasonFor(err)}`);
  }
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    throw new StateError(file, 'not an article-clean state file (not gzip data); it was left as it is');
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let header: { format?: unknown; version?: unknown; canonical?: unknown; documents?: unknown; paragraphs?: unknown };
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    throw new StateError(file, 'not an article-clean state file (no header); it was left as it is');
  }
  if (header?.format !== STATE_FORMAT) throw new StateError(file, 'not an article-clean state file (wrong header); it was left as it is');
  if (header.version !== STATE_VERSION) {
    throw new StateError(file, `state file version ${String(header.version)}; this article-clean reads version ${STATE_VERSION} (see docs/DEDUPE.md)`);
  }
  if (header.canonical !== CANONICAL_VERSION) throw new StateError(file, `made with canonical form ${String(header.canonical)}; this article-clean uses ${CANONICAL_VERSION}`);
  const entries: CorpusEntry[] = [];
  for (let i = 1; i < lines.length; i++) {
    let row: unknown;
    try {
      row = JSON.parse(lines[i] as string);
    } catch {
      throw new StateError(file, `corrupt state file: line ${i + 1} is not JSON`);
    }
    if (!Array.isArray(row) || row.length !== 4 || typeof row[0] !== 'string' || !Number.isInteger(row[1]) || !Number.isInteger(row[2]) || typeof row[3] !== 'string') {
      throw new StateError(file, `corrupt state file: line ${i + 1} is not [source, first, last, text]`);
    }
    entries.push({ source: row[0], lines: [row[1], row[2]], canonical: row[3] });
  }
  if (header.paragraphs !== entries.length) throw new StateError(file, `corrupt state file: the header says ${String(header.paragraphs)} paragraphs, it holds ${entries.length} (cut short?)`);
  return { documents: Number(header.documents) || 0, entries };
}

/** A corpus index holding what a state file holds. */
export function indexFromState(contents: StateContents | undefined, options: CorpusOptions): CorpusIndex {
  const index = new CorpusIndex(options);
  if (!contents) return index;
  for (const e of contents.entries) {
    const sig = signature(e.canonical);
    index.add({ canonical: e.canonical, signature: sig, keys: indexKeys(e.canonical, sig) }, e.source, e.lines);
  }
  index.documents = contents.documents;
  return index;
}

/** Write a state file atomically (a temporary file renamed into place). */
export async function writeState(file: string, contents: StateContents): Promise<void> {
  const header = { format: STATE_FORMAT, version: STATE_VERSION, canonical: CANONICAL_VERSION, documents: contents.documents, paragraphs: contents.entries.length };
  const lines = [JSON.stringify(header), ...contents.entries.map((e) => JSON.stringify([e.source, e.lines[0], e.lines[1], e.canonical]))];
  try {
    await atomicWriteFile(file, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8')));
  } catch (err) {
    throw new StateError(file, `cannot write the state file: ${reasonFor(err)}`);
  }
}

/**
 * Merge state files of shards into one: the entries of each in the order
 * given, an exact copy of a paragraph already taken left out.
 */
export async function mergeStates(files: readonly string[]): Promise<StateContents> {
  const merged: StateContents = { documents: 0, entries: [] };
  const seen = new Set<string>();
  for (const file of files) {
    const contents = await readState(file);
    if (!contents) throw new StateError(file, 'no such state file');
    merged.documents += contents.documents;
    for (const e of contents.entries) {
      if (seen.has(e.canonical)) continue;
      seen.add(e.canonical);
      merged.entries.push(e);
    }
  }
  return merged;
}
