/**
 * Segmentation: a document becomes content lines (non-blank after
 * normalization) that keep their 1-based input line numbers and know which
 * input paragraph (run of non-blank lines) they belong to.
 */
import type { Change } from '../types.js';
import { MOJIBAKE_REASONS, repairMojibake } from './mojibake.js';
import { normalizeLine, splitLines, toWellFormed } from './normalize.js';

export interface ContentLine {
  /** 1-based line number in the input. */
  lineNumber: number;
  /** The line as it was in the input. */
  original: string;
  /** The line after normalization (never empty). */
  text: string;
  /** Index of the input paragraph this line belongs to. */
  paragraph: number;
}

export interface Segmented {
  /** All input lines, blank ones included. */
  lineCount: number;
  lines: ContentLine[];
  /** Lines repaired before normalization (only with `fixMojibake`). */
  changes: Change[];
}

/** The line as repaired, when `fixMojibake` is on and the repair leaves text (a repair never makes a line vanish). */
function repaired(original: string, lineNumber: number, changes: Change[]): string {
  const repair = repairMojibake(original);
  if (!repair || normalizeLine(repair.text) === '') return original;
  changes.push({ lines: [lineNumber, lineNumber], kind: 'mojibake', from: repair.kind, reason: MOJIBAKE_REASONS[repair.kind], before: original, after: repair.text });
  return repair.text;
}

export function segment(input: string, fixMojibake = false): Segmented {
  // Lone surrogates become U+FFFD here, so the originals kept for removals and duplicates are well-formed too.
  const raw = splitLines(toWellFormed(input));
  const lines: ContentLine[] = [];
  const changes: Change[] = [];
  let paragraph = -1;
  let previousBlank = true;
  for (let i = 0; i < raw.length; i++) {
    const original = raw[i] as string;
    const text = normalizeLine(fixMojibake ? repaired(original, i + 1, changes) : original);
    if (text === '') {
      previousBlank = true;
      continue;
    }
    if (previousBlank) paragraph++;
    previousBlank = false;
    lines.push({ lineNumber: i + 1, original, text, paragraph });
  }
  return { lineCount: raw.length, lines, changes };
}
