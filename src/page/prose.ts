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

/** The document's language: the one whose stop words cover most of its words. */
export function detectLanguage(texts: readonly string[]): Language {
  const sample = texts.join(' ').slice(0, 200_000);
  const cjk = sample.match(CJK_GLOBAL)?.length ?? 0;
  const words = sample.toLowerCase().match(WORD) ?? [];
  if (cjk > words.length) return (sample.match(KANA)?.length ?? 0) > cjk * 0.1 ? 'ja' : 'zh';
  let best: Language = 'en';
  let bestHits = -1;
  for (const language of LANGUAGES) {
    if (language === 'zh' || language === 'ja') continue;
    const list = stopwords(language);
    let hits = 0;
    for (const w of words) if (list.has(w)) hits++;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
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

export function measureProse(text: string, language: Language): ProseMeasure {
  const raw = rawMeasure(text, language);
  return { ...raw, stopDensity: Math.min(1, raw.stopDensity / PROSE_SHARE[language]) };
}

function rawMeasure(text: string, language: Language): ProseMeasure {
  const list = stopwords(language);
  if (language === 'zh' || language === 'ja') return measureCjk(text, list);
  const words = text.toLowerCase().match(WORD) ?? [];
  let stop = 0;
  for (const w of words) if (list.has(w)) stop++;
  return { words: words.length, stopDensity: words.length === 0 ? 0 : stop / words.length, weight: text.length };
}
