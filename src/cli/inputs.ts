/**
 * Inputs at the CLI edge: turning path arguments into a sorted list of inputs
 * (files, folders, globs, stdin), and bytes into text. Every failure is an
 * InputError with a one-line reason that names the path.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';

export class InputError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'InputError';
  }
}

export type Input = { kind: 'stdin'; source: '-' } | { kind: 'file'; source: string; path: string };

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

/** Sort paths by code unit so output order does not depend on the locale. */
const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ResolveResult {
  inputs: Input[];
  errors: InputError[];
}

/**
 * Expand path arguments: "-" is stdin, a folder is searched with `glob`
 * (fast-glob, loaded only when needed), a pattern is expanded, a file is itself.
 */
export async function resolveInputs(args: readonly string[], cwd: string, glob: string): Promise<ResolveResult> {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (source: string, absolute: string): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    inputs.push({ kind: 'file', source, path: absolute });
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
        const matches = await expandGlob(arg, cwd);
        if (matches.length === 0) errors.push(new InputError(arg, 'no files match this pattern'));
        for (const m of matches) add(m, path.resolve(cwd, m));
        continue;
      }
      errors.push(new InputError(arg, reasonFor(err)));
      continue;
    }
    if (info.isDirectory()) {
      const matches = await expandGlob(glob, absolute);
      if (matches.length === 0) errors.push(new InputError(arg, `directory has no files matching ${glob}`));
      for (const m of matches) add(path.join(arg, m), path.join(absolute, m));
    } else {
      add(arg, absolute);
    }
  }
  return { inputs, errors };
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { default: fg } = await import('fast-glob');
  const found = await fg(pattern, { cwd, onlyFiles: true, dot: false, followSymbolicLinks: true, suppressErrors: true });
  return found.sort(byPath);
}

/** Read one input's bytes. */
export async function readInput(input: Input, stdin: AsyncIterable<unknown>): Promise<Buffer> {
  if (input.kind === 'stdin') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(input.path);
  } catch (err) {
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

/**
 * Bytes to text. UTF-8 (with or without BOM) and BOM-marked UTF-16 are
 * recognised; `encoding` forces any encoding the WHATWG decoder knows
 * (gb18030, shift_jis, windows-1251, koi8-r...). Binary data and bytes that are
 * not valid in the encoding are errors, never silent replacement characters.
 */
export function decode(bytes: Buffer, source: string, encoding?: string): string {
  let label = encoding;
  let body = bytes;
  if (!label) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      label = 'utf-8';
      body = bytes.subarray(3);
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      label = 'utf-16le';
      body = bytes.subarray(2);
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      label = 'utf-16be';
      body = bytes.subarray(2);
    } else {
      label = 'utf-8';
    }
  }
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
    return decoder.decode(body);
  } catch {
    if (label === 'utf-8' && !encoding) {
      const at = firstInvalidUtf8(body);
      throw new InputError(source, `not valid UTF-8 (byte 0x${(body[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at + (bytes.length - body.length)}); give its encoding with --encoding`);
    }
    throw new InputError(source, `not valid ${label}`);
  }
}
