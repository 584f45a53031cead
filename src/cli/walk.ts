/**
 * Finding files in folders and globs (fast-glob, loaded only when needed),
 * with what fast-glob does not do for us: symbolic-link loops are cut and
 * reported, unreadable folders are reported instead of silently skipped, and
 * .articlecleanignore files are honoured.
 */
import { readdir, realpath, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Something found while walking: a skipped loop (warning) or an unreadable folder (error). */
export interface WalkProblem {
  path: string;
  message: string;
  severity: 'warning' | 'error';
}

export interface WalkResult {
  /** Matches relative to the walk's root, sorted by code unit (locale-independent). */
  files: string[];
  problems: WalkProblem[];
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isWithin = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

type ReaddirCallback = (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void;

/**
 * fast-glob's file-system hook for readdir. A folder reached through a
 * symbolic link is walked only if its real path lies outside the root (inside,
 * it is walked under its real name anyway, which keeps the result independent
 * of the walk order) and was not walked before; a link back to an ancestor is a
 * loop and is reported.
 */
function guardedReaddir(start: string, root: string, problems: WalkProblem[]) {
  const walked = new Set<string>();
  const realOf = new Map<string, string>();
  return (dir: string, options: { withFileTypes: true }, callback: ReaddirCallback): void => {
    const absolute = path.resolve(start, dir);
    realpath(absolute, (realError, real) => {
      const parentReal = realOf.get(path.dirname(absolute));
      // Reached through a link when its real path is not its real parent + its name.
      // (The starting folder itself may be a link; that is the user's choice.)
      if (!realError && parentReal !== undefined && real !== path.join(parentReal, path.basename(absolute))) {
        if (isWithin(parentReal, real)) {
          problems.push({ path: dir, message: 'symbolic link loop; not followed', severity: 'warning' });
          return callback(null, []);
        }
        if (isWithin(real, root) || walked.has(real)) return callback(null, []);
      }
      if (!realError) {
        realOf.set(absolute, real);
        walked.add(real);
      }
      readdir(dir, options, (error, entries) => {
        if (error) problems.push({ path: dir, message: `cannot read folder (${reasonForWalk(error)}); its files were skipped`, severity: 'error' });
        callback(error, entries);
      });
    });
  };
}

const reasonForWalk = (err: NodeJS.ErrnoException): string => (err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : (err.code ?? err.message));

/** Files under `root` matching `pattern`, leaving out `ignore` patterns. */
export async function walk(pattern: string, root: string, ignore: readonly string[]): Promise<WalkResult> {
  const { default: fg } = await import('fast-glob');
  const problems: WalkProblem[] = [];
  const realRoot = await new Promise<string>((resolve) => realpath(root, (err, real) => resolve(err ? root : real)));
  const files = await fg(pattern, {
    cwd: root,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: true,
    // Errors are collected by the readdir hook above; suppressing them here keeps the walk going.
    suppressErrors: true,
    ignore: [...ignore],
    fs: { readdir: guardedReaddir(path.resolve(root), realRoot, problems) as never },
  });
  problems.sort((a, b) => byPath(a.path, b.path));
  return { files: files.sort(byPath), problems };
}

export const IGNORE_FILE = '.articlecleanignore';

/**
 * A folder's .articlecleanignore as glob patterns, in the spirit of .gitignore:
 * one pattern per line, # comments; a pattern without a slash matches at any
 * depth, a trailing slash means a whole folder. (No "!" negation.)
 */
export async function ignoreFile(folder: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path.join(folder, IGNORE_FILE), 'utf8');
  } catch {
    return [];
  }
  return parseIgnore(text);
}

export function parseIgnore(text: string): string[] {
  const patterns: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const folder = line.endsWith('/');
    let pattern = folder ? line.slice(0, -1) : line;
    pattern = pattern.startsWith('/') ? pattern.slice(1) : pattern.includes('/') ? pattern : `**/${pattern}`;
    patterns.push(folder ? `${pattern}/**` : pattern);
  }
  return patterns;
}
