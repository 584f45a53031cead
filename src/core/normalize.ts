/**
 * Text normalization: what every scraper leaves behind in spacing and invisible
 * characters. Works line by line so line numbers never move; the original line
 * stays with the caller for provenance.
 */

import { normalizeScripts } from './script-normalize.js';

// A UTF-16 surrogate without its other half: a broken string (a JS slice through
// an emoji, a bad decoder) that cannot be written as UTF-8.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replace each lone surrogate with U+FFFD, as a UTF-8 decoder does with a bad
 * byte sequence, so what comes in as a JS string is also valid UTF-8 text.
 */
export function toWellFormed(text: string): string {
  // Most text has no surrogate at all: one cheap scan says so.
  return ANY_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/** Split on CRLF, CR or LF; a final line ending does not make an extra empty line. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Invisible characters removed outright. ZWJ/ZWNJ (U+200C/U+200D) are kept on
// purpose: emoji sequences and Persian/Indic spelling need them.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
// C0/C1 controls except tab (handled as a space below); DEL included.
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
// French typography puts a (narrow) no-break space before ; : ! ? » and after «
// on purpose: keep it, as the canonical U+202F, instead of deleting it.
// The lookbehind lets a match start only where a run of such spaces starts:
// tried at every place inside a long run, the pattern would cost the square of its length.
const FRENCH_SPACE_BEFORE = /(?<![\u00A0\u202F])[\u00A0\u202F]+(?=[;:!?»])/g;
const FRENCH_SPACE_AFTER = /(?<=«)[\u00A0\u202F]+/g;
// A no-break space grouping digits ("11 400", "900 000") is kept, as U+202F, like the French ones.
const DIGIT_GROUP_SPACE = /(?<=\d)\u00A0(?=\d{3}(?!\d))/g;
// In French text a plain space before ; : ! ? is the scraper's rendering of the no-break one:
// it becomes U+202F, instead of being deleted as padding. French is recognised by two of: its own
// function words (not those Spanish, Portuguese or Italian share: la, de, en, que, il...), its
// elisions (l', d', qu', s'...), or a guillemet with a space inside, which Spanish and Russian never set.
const FRENCH_WORDS = /(?:^|\s)(?:les|des|du|une|est|et|à|pour|par|dans|qui|au|aux|sur|pas|elle|avec|nous|vous|cette|ce|ces|ses|sont|chez|après|où|très)(?=\s)|(?:^|[\s(«])(?:[ldjmnst]|qu)['’]\p{L}|« |\s»/giu;
const PLAIN_SPACE_BEFORE_HIGH_PUNCT = /(?<! ) +(?=[;:!?](?:[\s"'”’»)\]]|$))/g;

function looksFrench(line: string): boolean {
  if (!line.includes(' ')) return false;
  let count = 0;
  FRENCH_WORDS.lastIndex = 0;
  while (FRENCH_WORDS.exec(line) !== null) if (++count >= 2) return true;
  return false;
}
// Spacing characters that are not a plain space: tab, NBSP, en/em spaces, ideographic space...
// (U+202F is left alone: after the step above it only stands where French wants it.)
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u205F\u3000]/g;
// A plain space before , . ; : ! ? that ends a word ("Minsk :", "said ,").
// The lookahead keeps ".NET" and " .5" intact; the lookbehind starts a match only where a run of spaces starts.
const SPACE_BEFORE_PUNCT = /(?<! ) +([,.;:!?]+)(?=[\s"'”’»)\]]|$)/g;
const SPACE_RUN = / {2,}/g;
// A straight or curly double-quoted span with padding inside: `" Daily Telegraph "`.
const STRAIGHT_QUOTED = /"([^"]*)"/g;
const CURLY_QUOTED = /“([^“”]*)”/g;

function trimQuoted(_whole: string, inner: string, open: string, close: string): string {
  return open + inner.trim() + close;
}

/**
 * Normalize one line: the same input always gives the same output, and
 * normalizing twice changes nothing. Script-dependent steps (NFC, CJK widths,
 * « » and „ “ padding) are in script-normalize.ts.
 */
export function normalizeLine(line: string): string {
  let out = toWellFormed(line).replace(INVISIBLE, '').replace(CONTROL, '');
  if (out.includes('\u00A0') || out.includes('\u202F')) {
    out = out.replace(FRENCH_SPACE_BEFORE, '\u202F').replace(FRENCH_SPACE_AFTER, '\u202F').replace(DIGIT_GROUP_SPACE, '\u202F');
  }
  out = out.replace(ODD_SPACE, ' ').replace(SPACE_RUN, ' ').trim();
  if (looksFrench(out)) out = out.replace(PLAIN_SPACE_BEFORE_HIGH_PUNCT, '\u202F');
  out = out.replace(SPACE_BEFORE_PUNCT, '$1');
  // Pair straight quotes only when they balance, so a lone opening quote of a
  // truncated sentence is not paired with some unrelated later one.
  if (out.includes('"') && (out.split('"').length - 1) % 2 === 0) {
    out = out.replace(STRAIGHT_QUOTED, (w, inner: string) => trimQuoted(w, inner, '"', '"'));
  }
  if (out.includes('“')) {
    out = out.replace(CURLY_QUOTED, (w, inner: string) => trimQuoted(w, inner, '“', '”'));
  }
  // Trimming inside quotes can leave a space before punctuation again: `" x " .`
  return normalizeScripts(out.replace(SPACE_BEFORE_PUNCT, '$1'));
}
