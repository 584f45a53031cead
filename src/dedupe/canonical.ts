/**
 * Canonical forms and shingles: what two copies of a paragraph have in common
 * once case, punctuation and spacing differences are set aside.
 */

const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/gu;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Lowercase, NFKC, punctuation dropped, spacing collapsed: "Minsk :" and "minsk" agree. */
export function canonicalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

/** Words of a canonical text; in CJK scripts, where words are not spaced, each character is a token. */
export function tokenize(canonical: string): string[] {
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

/** Hashes of the k-token shingles of a token list (one shingle when it is shorter than k). */
export function shingles(tokens: readonly string[], k = 3): Set<number> {
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  if (tokens.length <= k) {
    out.add(fnv1a(tokens.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= tokens.length; i++) out.add(fnv1a(tokens.slice(i, i + k).join(' ')));
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
