/**
 * Canonical forms and shingles: what two copies of a paragraph have in common
 * once case, punctuation and spacing differences are set aside.
 */

/** What canonical forms drop: punctuation, symbols and spacing (each run becomes one space). */
const SEPARATOR = /^[\p{P}\p{S}\s]$/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Every CJK script lives at or above U+2E80: one cheap scan tells whether the per-word work is needed.
const CJK_ANY = /[\u2E80-\uFFFF]/u;

/**
 * SEPARATOR's answer per UTF-16 code unit, filled on first sight (-1: not
 * asked yet). A table lookup per character is 2–3× faster than two Unicode
 * property replaces, and canonical forms are built for every paragraph.
 */
const separatorTable = new Int8Array(0x10000).fill(-1);
function isSeparatorUnit(code: number): boolean {
  let known = separatorTable[code] as number;
  if (known === -1) known = separatorTable[code] = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0;
  return known === 1;
}

/**
 * Lowercase, NFKC, punctuation and symbols dropped, spacing collapsed:
 * "Minsk :" and "minsk" agree. The same as
 * `normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/gu, ' ').trim()`
 * (a property test holds it to that), in one pass.
 */
export function canonicalize(text: string): string {
  const t = text.normalize('NFKC').toLowerCase();
  let out = '';
  let wordStart = -1;
  const endWord = (end: number): void => {
    out += out === '' ? t.slice(wordStart, end) : ` ${t.slice(wordStart, end)}`;
    wordStart = -1;
  };
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    const next = code >= 0xd800 && code <= 0xdbff ? t.charCodeAt(i + 1) : 0;
    const pair = next >= 0xdc00 && next <= 0xdfff;
    // An astral character (emoji, rare CJK) is asked as a whole; it is rare enough not to need the table.
    const separator = pair ? SEPARATOR.test(t.slice(i, i + 2)) : isSeparatorUnit(code);
    if (separator) {
      if (wordStart >= 0) endWord(i);
    } else if (wordStart < 0) {
      wordStart = i;
    }
    if (pair) i++;
  }
  if (wordStart >= 0) endWord(t.length);
  return out;
}

/** Words of a canonical text; in CJK scripts, where words are not spaced, each character is a token. */
export function tokenize(canonical: string): string[] {
  if (!CJK_ANY.test(canonical)) return canonical === '' ? [] : canonical.split(' ');
  const tokens: string[] = [];
  for (const word of canonical.split(' ')) {
    if (word === '') continue;
    if (!CJK_CHAR.test(word)) {
      tokens.push(word);
      continue;
    }
    let latin = '';
    for (const ch of word) {
      if (CJK_CHAR.test(ch)) {
        if (latin) tokens.push(latin);
        latin = '';
        tokens.push(ch);
      } else {
        latin += ch;
      }
    }
    if (latin) tokens.push(latin);
  }
  return tokens;
}

/** 32-bit FNV-1a: a fast, well-spread hash for shingle strings. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Hashes of the k-token shingles of a token list (one shingle when it is
 * shorter than k). Each token is hashed once and shingle hashes are mixed
 * from token hashes, so no shingle string is ever built.
 */
export function shingles(tokens: readonly string[], k = 3): Set<number> {
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  const hashes = tokens.map(fnv1a);
  const width = Math.min(k, tokens.length);
  for (let i = 0; i + width <= hashes.length; i++) {
    let h = 0x9e3779b9;
    for (let j = i; j < i + width; j++) h = Math.imul(h ^ (hashes[j] as number), 0x85ebca6b) ^ (h >>> 13);
    out.add(h >>> 0);
  }
  return out;
}

/** Size in UTF-8 bytes, without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
