/**
 * Inputs at the CLI edge: turning path arguments into a sorted list of inputs
 * (files, folders, globs, stdin), and bytes into text. Every failure is an
 * InputError with a one-line reason that names the path.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { guessEncoding, mendDecoded, type Guess } from './encoding.js';
import { ignoreFile, walk } from './walk.js';

export class InputError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'InputError';
  }
}

/**
 * One input. For a file, `relative` is the path to mirror under --out-dir: the
 * path inside the folder argument it came from, the glob match, or the file name.
 */
export type Input = { kind: 'stdin'; source: '-' } | { kind: 'file'; source: string; path: string; relative: string };

const GLOB_CHARS = /[*?[\]{}]/;

/** A system error as a short reason for a one-line message ("permission denied"). */
export function reasonFor(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return (err as Error)?.message ?? String(err);
  }
}

export interface ResolveResult {
  inputs: Input[];
  errors: InputError[];
  /** Reported, but not failures (a symbolic-link loop that was cut). */
  warnings: InputError[];
}

/**
 * Expand path arguments: "-" is stdin, a folder is searched with `glob` (and
 * its .articlecleanignore), a pattern is expanded, a file is itself.
 */
export async function resolveInputs(args: readonly string[], cwd: string, glob: string, ignore: readonly string[] = []): Promise<ResolveResult> {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const expand = async (pattern: string, root: string, ignore: readonly string[], shown: (p: string) => string): Promise<string[]> => {
    const { files, problems } = await walk(pattern, root, ignore);
    for (const p of problems) (p.severity === 'error' ? errors : warnings).push(new InputError(shown(p.path), p.message));
    return files;
  };
  const seen = new Set<string>();
  const add = (source: string, absolute: string, relative: string): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    inputs.push({ kind: 'file', source, path: absolute, relative });
  };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin', source: '-' });
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let info;
    try {
      info = await stat(absolute);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && GLOB_CHARS.test(arg)) {
        const matches = await expand(arg, cwd, ignore, (p) => path.relative(cwd, path.resolve(cwd, p)));
        if (matches.length === 0) errors.push(new InputError(arg, 'no files match this pattern'));
        for (const m of matches) add(m, path.resolve(cwd, m), m);
        continue;
      }
      errors.push(new InputError(arg, reasonFor(err)));
      continue;
    }
    if (info.isDirectory()) {
      const matches = await expand(glob, absolute, [...ignore, ...(await ignoreFile(absolute))], (p) => path.join(arg, path.relative(absolute, path.resolve(absolute, p))));
      if (matches.length === 0) errors.push(new InputError(arg, `directory has no files matching ${glob}`));
      for (const m of matches) add(path.join(arg, m), path.join(absolute, m), m);
    } else {
      add(arg, absolute, path.basename(absolute));
    }
  }
  return { inputs, errors, warnings };
}

/** Sizes for messages: "1.0 GB", "300 MB", "12 kB", "100 B". */
export function formatSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

function tooLarge(source: string, size: string, maxBytes: number): InputError {
  return new InputError(source, `${size} is over the ${formatSize(maxBytes)} limit for one document (--max-size)`);
}

/**
 * Read one input's bytes, refusing more than `maxBytes`: one document is held in
 * memory several times over while it is cleaned, so a huge file fails early
 * with a clear message instead of exhausting memory.
 */
export async function readInput(input: Input, stdin: AsyncIterable<unknown>, maxBytes = Infinity): Promise<Buffer> {
  if (input.kind === 'stdin') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(input.source, 'input', maxBytes);
      chunks.push(bytes);
    }
    return Buffer.concat(chunks);
  }
  try {
    const info = await stat(input.path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > maxBytes) throw tooLarge(input.source, formatSize(info.size), maxBytes);
    return await readFile(input.path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(input.source, reasonFor(err));
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Buffer): number {
  // Bisect on prefixes: a prefix decodes (a sequence cut at its end is allowed
  // in stream mode) exactly when the first bad byte lies beyond it.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // `lo` is where decoding broke; if a sequence was cut short there, blame its lead byte.
  for (let k = 1; k <= 3 && lo - k >= 0; k++) {
    const b = bytes[lo - k] as number;
    if (b >= 0xc0) return lo - k;
    if (b < 0x80 || b > 0xbf) break;
  }
  return lo;
}

/** The encoding to decode with: the forced one, else from a BOM, else UTF-8; and the BOM's length. */
export function detectEncoding(bytes: Uint8Array, encoding?: string): { label: string; bomLength: number } {
  if (encoding) return { label: encoding, bomLength: 0 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', bomLength: 2 };
  return { label: 'utf-8', bomLength: 0 };
}

/**
 * Bytes to text. UTF-8 (with or without BOM) and BOM-marked UTF-16 are
 * recognised; other bytes get a guessed legacy encoding (encoding.ts) when the
 * guess is confident and fits the whole file, reported through `onGuess`;
 * `encoding` forces any encoding the WHATWG decoder knows (gb18030, shift_jis,
 * windows-1251, koi8-r...). Binary data and bytes that are not valid in the
 * encoding are errors, never silent replacement characters.
 */
export function decode(bytes: Buffer, source: string, encoding?: string, onGuess?: (guess: Guess) => void): string {
  const { label, bomLength } = detectEncoding(bytes, encoding);
  const body = bytes.subarray(bomLength);
  const utf16 = /^utf-?16/i.test(label);
  if (!utf16 && body.includes(0)) {
    throw new InputError(source, 'binary file (contains NUL bytes); not cleaned');
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    throw new InputError(source, `unknown encoding "${label}"`);
  }
  try {
    return mendDecoded(decoder, decoder.decode(body));
  } catch {
    if (label !== 'utf-8' || encoding) throw new InputError(source, `not valid ${label}`);
  }
  // Not UTF-8 and no encoding given: guess one, and use it only if it fits the whole file.
  const { accepted, best } = guessEncoding(body);
  if (accepted) {
    try {
      const guessed = new TextDecoder(accepted.label, { fatal: true });
      const text = mendDecoded(guessed, guessed.decode(body));
      onGuess?.(accepted);
      return text;
    } catch {
      // The sample fitted, the rest does not: fall through to the error.
    }
  }
  const at = firstInvalidUtf8(body);
  const guess = best ? `; no other encoding fits well (best guess ${best.label}, ${best.confidence}% sure)` : '';
  throw new InputError(source, `not valid UTF-8 (byte 0x${(body[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at + bomLength})${guess}; give its encoding with --encoding`);
}
