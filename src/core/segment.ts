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

// A headline glued to the paragraph under it (no blank line between, as browser copies and
// some scrapers leave them): a short line without sentence punctuation, then a long line of
// prose. They are two paragraphs, so a lead printed again in the body is compared on its own.
const HEADLINE_MAX = 120;
const PROSE_LINE_MIN = 200;
const ENDS_SENTENCE = /[.!?。！？…:：;；,，]["'”’»)）]*$/u;

function startsParagraph(previous: string, text: string): boolean {
  return text.length >= PROSE_LINE_MIN && previous.length <= HEADLINE_MAX && !ENDS_SENTENCE.test(previous);
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
    const repair = fixMojibake ? repairMojibake(original) : null;
    let text = normalizeLine(repair?.text ?? original);
    if (repair) {
      // A repair never makes a line vanish: one that would normalize to nothing stays as it was.
      if (text === '') text = normalizeLine(original);
      else changes.push({ lines: [i + 1, i + 1], kind: 'mojibake', from: repair.kind, reason: MOJIBAKE_REASONS[repair.kind], before: original, after: repair.text });
    }
    if (text === '') {
      previousBlank = true;
      continue;
    }
    if (previousBlank || startsParagraph((lines[lines.length - 1] as ContentLine).text, text)) paragraph++;
    previousBlank = false;
    lines.push({ lineNumber: i + 1, original, text, paragraph });
  }
  return { lineCount: raw.length, lines, changes };
}
