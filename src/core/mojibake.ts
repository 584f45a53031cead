/**
 * Mojibake repair (`fixMojibake`): text that was UTF-8 but was decoded with the
 * wrong table somewhere upstream, then saved again as UTF-8.
 *
 *  - UTF-8 read as Windows-1252 or Latin-1: "CafÃ©", "â€œquotedâ€\u009D", "ÐŸÑ€Ð¸Ð²ÐµÑ‚".
 *  - UTF-8 read as GBK: "鍙戝竷鏃堕棿" for "发布时间".
 *
 * Conservative on purpose: a line is repaired only when the whole line, turned
 * back into the bytes the wrong table would have read, is valid UTF-8, and the
 * result reads as ordinary text of one writing system. A line that mixes good
 * text with mojibake, or whose bytes decode only to unusual characters, is left
 * as it is: a wrong repair would corrupt good text, which is worse than none.
 */

import { CP1252_HIGH } from './cp1252.js';

export type MojibakeKind = 'utf8-as-cp1252' | 'utf8-as-gbk';

export interface MojibakeRepair {
  text: string;
  kind: MojibakeKind;
}

export const MOJIBAKE_REASONS: Record<MojibakeKind, string> = {
  'utf8-as-cp1252': 'mojibake repaired: UTF-8 text that had been read as Windows-1252/Latin-1',
  'utf8-as-gbk': 'mojibake repaired: UTF-8 text that had been read as GBK',
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

// ---- UTF-8 read as Windows-1252 / Latin-1 ----

const CP1252_BYTE = new Map<string, number>();
for (let i = 0; i < 32; i++) CP1252_BYTE.set(CP1252_HIGH[i] as string, 0x80 + i);

// A UTF-8 lead byte as Windows-1252 shows it (Â-ß two bytes, à-ï three, ð-ô four)
// followed by continuation bytes (0x80-0xBF: the 32 characters above, or U+00A0-U+00BF).
const CONT = `[${CP1252_HIGH}\\u0080-\\u009F\\u00A0-\\u00BF]`;
const CP1252_SEQUENCE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`);

function cp1252Bytes(line: string): Uint8Array | null {
  const bytes = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // Up to U+00FF the code is the byte (U+0080-009F: Latin-1's reading of 0x80-0x9F).
    if (c <= 0xff) bytes[i] = c;
    else {
      const b = CP1252_BYTE.get(line[i] as string);
      if (b === undefined) return null; // a character neither table has: not this kind of mojibake
      bytes[i] = b;
    }
  }
  return bytes;
}

// What repaired text may contain beyond ASCII: letters and marks of the common
// alphabets, general punctuation, currency, ™-like symbols, CJK and emoji.
// A repair that yields IPA, NKo, box drawing or private-use characters was a
// coincidence in real text ("Fuß«" reads as UTF-8 too), so it is refused.
const PLAUSIBLE = new RegExp(
  '^[\\u0000-\\u007F\\u00A0-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u045F\\u0490-\\u04FF\\u05D0-\\u05EA\\u0600-\\u06FF' +
    '\\u0E00-\\u0E7F\\u1E00-\\u1EFF\\u2000-\\u206F\\u20A0-\\u20CF\\u2100-\\u215F\\u2190-\\u21FF\\u2200-\\u22FF\\u2460-\\u24FF\\u25A0-\\u26FF' +
    '\\u3000-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7AF\\uFF00-\\uFFEF\\u{1F300}-\\u{1FAFF}]*$',
  'u',
);

// "IRMÃ” disse" is Portuguese in capitals before a closing quote, or the
// mojibake of "IRMÔ disse": a two-byte pair whose second half is a quote or dash
// ending a word is the one pattern real text makes too. A line whose only
// evidence is such pairs is left alone.
const CP1252_SEQUENCES = new RegExp(CP1252_SEQUENCE.source, 'g');
// The first half a capital Latin letter that can end a word (not Ð Ñ Î Ï, which lead Cyrillic and Greek).
const LOOKALIKE_PAIR = /^[ÂÃÄÅÆÇÈÉÊËÌÍÒÓÔÕÖØÙÚÛÜÝß][‘’“”„‚«»‹›–—…]$/;
const LETTER = /\p{L}/u;

function onlyLookalikes(line: string): boolean {
  for (const m of line.matchAll(CP1252_SEQUENCES)) {
    const next = line[m.index + m[0].length];
    if (!LOOKALIKE_PAIR.test(m[0]) || (next !== undefined && LETTER.test(next))) return false;
  }
  return true;
}

/** The line's bytes under the Windows-1252 reading, decoded as UTF-8; null when that is not valid UTF-8 (checked for plausibility by the caller). */
function undoCp1252(line: string): string | null {
  if (!CP1252_SEQUENCE.test(line) || onlyLookalikes(line)) return null;
  const bytes = cp1252Bytes(line);
  if (!bytes) return null;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null; // not valid UTF-8 as a whole: good Latin text that happens to hold a lookalike pair
  }
  return text === line ? null : text;
}

// ---- UTF-8 read as GBK ----

// GBK's table, inverted once on first use (~22,000 two-byte codes; about 30 ms):
// Node has a GBK decoder but no encoder.
let gbkByChar: Map<number, number> | undefined;

function gbkTable(): Map<number, number> {
  if (gbkByChar) return gbkByChar;
  const table = new Map<number, number>();
  const gbk = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = gbk.decode(pair);
      if (s.length === 1 && s !== '\uFFFD' && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), (lead << 8) | trail);
    }
  }
  gbkByChar = table;
  return table;
}

// UTF-8 Chinese read as GBK is mostly rare Han characters; "锟斤拷" is the
// famous case (U+FFFD's bytes). A line of ordinary Chinese re-encoded to GBK is
// almost never valid UTF-8, which is what makes the test safe.
const HAN = /[\u4E00-\u9FFF]/;

function repairGbk(line: string): string | null {
  if (!HAN.test(line)) return null;
  const table = gbkTable();
  const bytes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) {
      bytes.push(c);
      continue;
    }
    const code = table.get(c);
    if (code === undefined) return null;
    bytes.push(code >> 8, code & 0xff);
  }
  let text: string;
  try {
    text = utf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
  // The repaired line must be shorter (three UTF-8 bytes per Han character where
  // the mojibake had 1.5 characters) and read as text.
  return text !== line && text.length < line.length && PLAUSIBLE.test(text) ? text : null;
}

// Only lines with a character outside ASCII can be mojibake.
const NON_ASCII = /[^\u0000-\u007F]/;

// Text that went through the wrong table twice ("CafÃƒÂ©") needs two repairs.
const MAX_LAYERS = 3;

/** The repaired line, or null when the line is not (unambiguously) mojibake. */
export function repairMojibake(line: string): MojibakeRepair | null {
  if (!NON_ASCII.test(line)) return null;
  // Layer by layer; a layer in between may hold C1 controls (Latin-1's reading
  // of a byte), so only the final text must read as text.
  let text = line;
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    const undone = undoCp1252(text);
    if (undone === null) break;
    text = undone;
  }
  // GBK is tried last: on the line as it came, or under Latin layers.
  const han = repairGbk(text);
  if (han !== null) return { text: han, kind: text === line ? 'utf8-as-gbk' : 'utf8-as-cp1252' };
  return text !== line && PLAUSIBLE.test(text) ? { text, kind: 'utf8-as-cp1252' } : null;
}
