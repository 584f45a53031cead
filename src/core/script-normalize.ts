/**
 * Normalization that depends on the script of the text: Unicode NFC, the
 * full-width/half-width forms of CJK text, and the padding inside « » and „ “
 * quotes. Called by normalizeLine on lines that are not plain Latin, so English
 * text never pays for it. Never inserts a space, and running it twice changes
 * nothing.
 */

// Every code point below U+0300 is NFC-stable and none of them is CJK or a
// guillemet-language quote... except « » „ themselves, which sit below U+0300 too.
const BEYOND_LATIN = /[^\u0000-\u02FF]/;
const GUILLEMET_OR_LOW_QUOTE = /[«»„]/;

// A CJK character: Han, kana, and the CJK and full-width punctuation blocks.
const CJK_CHAR = String.raw`\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF60`;
const HAS_CJK = new RegExp(`[${CJK_CHAR}\\uFF61-\\uFF9F]`);
const KANA = /[\u3040-\u30FF]/;

// Full-width Latin letters and digits ("２０２４", "ＰＲ") read as the ASCII ones;
// CJK style guides (GB/T 15834, JIS X 4051 practice) set them half-width.
const FULLWIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
// Half-width katakana and punctuation (U+FF61-FF9F), left by old Japanese encoders:
// NFKC turns each run into full-width kana, joining the voicing marks (ｶﾞ → ガ).
const HALFWIDTH_KANA_RUN = /[\uFF61-\uFF9F]+/g;
// Full-width punctuation between two ASCII letters or digits: "10：30", "2024／04／24".
const FULLWIDTH_PUNCT_IN_ASCII = /(?<=[0-9A-Za-z])[\uFF0C\uFF0E\uFF0F\uFF1A\uFF0D](?=[0-9A-Za-z])/g;
const HALFWIDTH_OF: Record<string, string> = { '，': ',', '．': '.', '／': '/', '：': ':', '－': '-' };

// Half-width , : ; ? ! ( ) where CJK text stands on both sides (spaces a
// scraper left around them are dropped: full-width punctuation carries its own space).
const ASCII_PUNCT_IN_CJK = new RegExp(`(?<=[${CJK_CHAR}]) *([,:;?!]) *(?=[${CJK_CHAR}]|$)`, 'g');
const ASCII_PARENS_IN_CJK = new RegExp(`\\((?=[${CJK_CHAR}])([^()]*)(?<=[${CJK_CHAR}])\\)`, 'g');
const FULLWIDTH_OF: Record<string, string> = { ':': '：', ';': '；', '?': '？', '!': '！' };
// A plain space that touches CJK punctuation on the side where it carries its own space.
const SPACE_BEFORE_CJK_PUNCT = new RegExp(`(?<=[${CJK_CHAR}]) +(?=[，。、；：？！）」』】》〉])`, 'g');
const SPACE_AFTER_CJK_PUNCT = new RegExp(`(?<=[，。、；：？！（「『【《〈]) +(?=[${CJK_CHAR}])`, 'g');

// Padding inside quotes. « » open and close in French, Russian, Spanish...; a
// line that opens with » uses German order (»so«). French sets a narrow no-break
// space inside « » on purpose; a plain space a scraper left there becomes that
// one, and Cyrillic text, which sets none, loses it.
// A span counts only where its marks stand outside words: in "ÉTÉ» et Fuß«" the » closes something.
const GUILLEMET_SPAN = /(?<![\p{L}\p{N}])«([^«»]*)»(?![\p{L}\p{N}])/gu;
const GERMAN_GUILLEMET_SPAN = /(?<![\p{L}\p{N}])»([^«»]*)«(?![\p{L}\p{N}])/gu;
const LOW_QUOTE_SPAN = /„([^„“”]*)([“”])/g;
const CYRILLIC = /[\u0400-\u04FF]/;

function padGuillemets(inner: string): string {
  const trimmed = inner.replace(/^ +| +$/g, '');
  if (trimmed === inner || trimmed === '') return inner;
  if (CYRILLIC.test(trimmed)) return trimmed;
  // Keep what the text had: padding on a side only where there was some.
  const before = inner.startsWith(' ') ? '\u202F' : '';
  const after = inner.endsWith(' ') ? '\u202F' : '';
  return before + trimmed + after;
}

function normalizeQuotes(line: string): string {
  let out = line;
  if (out.includes('«') || out.includes('»')) {
    const firstOpen = out.indexOf('«');
    const firstClose = out.indexOf('»');
    const german = firstClose !== -1 && (firstOpen === -1 || firstClose < firstOpen);
    out = german
      ? out.replace(GERMAN_GUILLEMET_SPAN, (_w, inner: string) => `»${inner.trim()}«`)
      : out.replace(GUILLEMET_SPAN, (_w, inner: string) => `«${padGuillemets(inner)}»`);
  }
  if (out.includes('„')) out = out.replace(LOW_QUOTE_SPAN, (_w, inner: string, close: string) => `„${inner.trim()}${close}`);
  return out;
}

function normalizeCjk(line: string): string {
  let out = line
    .replace(HALFWIDTH_KANA_RUN, (run) => run.normalize('NFKC'))
    .replace(FULLWIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(FULLWIDTH_PUNCT_IN_ASCII, (c) => HALFWIDTH_OF[c] as string);
  // Japanese writes its comma 、, Chinese ，.
  const comma = KANA.test(out) ? '、' : '，';
  out = out
    .replace(ASCII_PUNCT_IN_CJK, (_w, p: string) => (p === ',' ? comma : (FULLWIDTH_OF[p] as string)))
    .replace(ASCII_PARENS_IN_CJK, '（$1）')
    .replace(SPACE_BEFORE_CJK_PUNCT, '')
    .replace(SPACE_AFTER_CJK_PUNCT, '');
  return out;
}

/** The script-dependent part of normalizeLine; `line` is already trimmed, with single spaces. */
export function normalizeScripts(line: string): string {
  const beyondLatin = BEYOND_LATIN.test(line);
  if (!beyondLatin && !GUILLEMET_OR_LOW_QUOTE.test(line)) return line;
  let out = GUILLEMET_OR_LOW_QUOTE.test(line) ? normalizeQuotes(line) : line;
  if (beyondLatin && HAS_CJK.test(out)) out = normalizeCjk(out);
  // Last, since the steps above can put a letter next to a combining mark ("Ａ\u0301" → "A\u0301").
  return beyondLatin ? out.normalize('NFC') : out;
}
