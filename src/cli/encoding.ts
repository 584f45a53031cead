/**
 * Guessing a legacy encoding (GB18030, Big5, Shift_JIS, EUC-KR, Windows-1251,
 * KOI8-R, Windows-1252, ...) for bytes that are not UTF-8, with chardet (ICU's
 * detector in plain JavaScript). Decoding itself is the WHATWG TextDecoder
 * built into Node, which knows all of these, so iconv-lite is not needed.
 * chardet is loaded only when a file is not UTF-8.
 */
import { createRequire } from 'node:module';
import { TextDecoder } from 'node:util';
import { windows1252FromLatin1 } from '../core/cp1252.js';

/**
 * What `decoder` made of the bytes, mended where Node gets it wrong: its
 * windows-1252 decoder (also behind latin1, iso-8859-1, ascii) gives C1
 * controls for 0x80-0x9F instead of “ ” – — € ™ (see core/cp1252.ts).
 */
export function mendDecoded(decoder: TextDecoder, text: string): string {
  return decoder.encoding === 'windows-1252' ? windows1252FromLatin1(text) : text;
}

/** Below this confidence (chardet's 0-100) a guess is not trusted: an error beats mojibake. */
export const MIN_CONFIDENCE = 40;
/** Bytes looked at: enough for the statistics, cheap on large files. */
const SAMPLE_BYTES = 64 * 1024;

export interface Guess {
  /** A WHATWG encoding label. */
  label: string;
  /** chardet's confidence, 0-100. */
  confidence: number;
}

interface Chardet {
  analyse(bytes: Uint8Array): { name: string; confidence: number }[];
}

let chardet: Chardet | undefined;
const load = (): Chardet => (chardet ??= createRequire(import.meta.url)('chardet') as Chardet);

/** Whether the WHATWG decoder knows the label (chardet also names ISO-2022 and UTF-32 variants it does not). */
function known(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/**
 * The most likely non-UTF-8 encoding of `bytes` that decodes the sample
 * without error, or the best rejected candidate (for the error message).
 */
export function guessEncoding(bytes: Uint8Array): { accepted?: Guess; best?: Guess } {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = load()
    .analyse(sample)
    .filter((c) => c.name !== 'UTF-8' && known(c.name))
    .map((c) => ({ label: c.name.toLowerCase(), confidence: c.confidence }));
  for (const c of candidates) {
    if (c.confidence < MIN_CONFIDENCE) break;
    try {
      // stream: a multi-byte character cut at the sample's end is not an error.
      new TextDecoder(c.label, { fatal: true }).decode(sample, { stream: true });
      return { accepted: c, best: c };
    } catch {
      // Not this one: its byte sequences do not fit.
    }
  }
  return candidates[0] ? { best: candidates[0] } : {};
}
