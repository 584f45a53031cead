/**
 * How much a piece of text reads like prose: its words, and the share of them
 * that are stop words of its language (menus and link lists have almost none;
 * sentences have many). Language is chosen once per document.
 */
import { LANGUAGES, stopwords, type Language } from './stopwords.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_GLOBAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{M}]+/gu;
/**
 * Stop-word lists differ in size and languages in how many function words
 * they use: the share of stop words in ordinary prose, relative to English
 * (median paragraph share: English 0.60, German 0.50, Russian 0.33, Chinese
 * 0.26 per character, measured on the fixtures' article text). Densities are
 * divided by this, so one set of thresholds serves every language.
 */
const PROSE_SHARE: Record<Language, number> = {
  en: 1, de: 0.85, fr: 0.9, es: 1, pt: 1, it: 0.9, id: 0.9, ru: 0.55, zh: 0.45, ja: 0.45, ko: 0.6,
};

/** Longest stop word tried when matching CJK text, which has no spaces. */
const MAX_CJK_STOPWORD = 4;

export interface ProseMeasure {
  /** Words; in Chinese and Japanese, characters. */
  words: number;
  /** Share of the words that are stop words, on the English scale (see PROSE_SHARE). */
  stopDensity: number;
  /** Length comparable across scripts: characters, with CJK characters counted as 3 (they carry a word's worth). */
  weight: number;
}

/** Detection looks at this much of a document. */
const SAMPLE = 200_000;

/** What language detection counts in a text: CJK and kana characters, words, and stop words per language. */
interface LanguageCounts {
  cjk: number;
  kana: number;
  words: number;
  /** Stop words of each language (by index in LANGUAGES). */
  hits: number[];
}

/**
 * What clean() remembers about block texts between rounds: page mode judges
 * the same blocks again after each round removes some, so each text is
 * counted and measured once.
 */
export interface ProseMemo {
  counts: Map<string, LanguageCounts>;
  measures: Map<string, ProseMeasure>;
}

export const proseMemo = (): ProseMemo => ({ counts: new Map(), measures: new Map() });

function countLanguage(text: string): LanguageCounts {
  const words = text.toLowerCase().match(WORD) ?? [];
  // One look-up per word: which languages list it as a stop word (a bit per language).
  const index = stopwordIndex();
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  for (const w of words) {
    const bits = index.get(w);
    if (bits === undefined) continue;
    for (let l = 0; l < LANGUAGES.length; l++) if (bits & (1 << l)) (hits[l] as number)++;
  }
  return { cjk: text.match(CJK_GLOBAL)?.length ?? 0, kana: text.match(KANA)?.length ?? 0, words: words.length, hits };
}

/**
 * The document's language: the one whose stop words cover most of its words.
 * With a memo, each text is counted once and the counts added up (the same
 * as counting the joined texts: no word spans two of them).
 */
export function detectLanguage(texts: readonly string[], memo?: ProseMemo): Language {
  let c: LanguageCounts;
  const length = texts.reduce((n, t) => n + t.length + 1, -1);
  if (memo && length <= SAMPLE) {
    c = { cjk: 0, kana: 0, words: 0, hits: new Array<number>(LANGUAGES.length).fill(0) };
    for (const text of texts) {
      let part = memo.counts.get(text);
      if (!part) memo.counts.set(text, (part = countLanguage(text)));
      c.cjk += part.cjk;
      c.kana += part.kana;
      c.words += part.words;
      part.hits.forEach((h, l) => ((c.hits[l] as number) += h));
    }
  } else {
    c = countLanguage(texts.join(' ').slice(0, SAMPLE));
  }
  if (c.cjk > c.words) return c.kana > c.cjk * 0.1 ? 'ja' : 'zh';
  let best: Language = 'en';
  let bestHits = -1;
  LANGUAGES.forEach((language, l) => {
    if (language === 'zh' || language === 'ja') return;
    if ((c.hits[l] as number) > bestHits) {
      best = language;
      bestHits = c.hits[l] as number;
    }
  });
  return best;
}

let stopwordBits: Map<string, number> | undefined;

/** Every stop word → a bit set of the languages (by index in LANGUAGES) that list it. */
function stopwordIndex(): Map<string, number> {
  if (!stopwordBits) {
    const bits = new Map<string, number>();
    LANGUAGES.forEach((language, l) => {
      for (const w of stopwords(language)) bits.set(w, (bits.get(w) ?? 0) | (1 << l));
    });
    stopwordBits = bits;
  }
  return stopwordBits;
}

function measureCjk(text: string, list: Set<string>): ProseMeasure {
  let chars = 0;
  let stop = 0;
  for (let i = 0; i < text.length; ) {
    if (!CJK.test(text[i] as string)) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = MAX_CJK_STOPWORD; n >= 1 && matched === 0; n--) {
      if (list.has(text.slice(i, i + n))) matched = n;
    }
    const step = Math.max(1, matched);
    chars += step;
    if (matched > 0) stop += matched;
    i += step;
  }
  const latin = text.replace(CJK_GLOBAL, '').length;
  return { words: chars, stopDensity: chars === 0 ? 0 : stop / chars, weight: chars * 3 + latin };
}

export function measureProse(text: string, language: Language, memo?: ProseMemo): ProseMeasure {
  const key = `${language}:${text}`;
  const known = memo?.measures.get(key);
  if (known) return known;
  const raw = rawMeasure(text, language);
  const measure = { ...raw, stopDensity: Math.min(1, raw.stopDensity / PROSE_SHARE[language]) };
  memo?.measures.set(key, measure);
  return measure;
}

function rawMeasure(text: string, language: Language): ProseMeasure {
  const list = stopwords(language);
  if (language === 'zh' || language === 'ja') return measureCjk(text, list);
  const words = text.toLowerCase().match(WORD) ?? [];
  let stop = 0;
  for (const w of words) if (list.has(w)) stop++;
  return { words: words.length, stopDensity: words.length === 0 ? 0 : stop / words.length, weight: text.length };
}
