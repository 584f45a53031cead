/** Credits: where the text or its pictures come from, and who edited it. */
import type { Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { anyCase, CJK_NAME, GuardedPattern, PEOPLE, regexesOf, restOfLine, SENTENCE_END, SHORT_LINE, splitNames, wordCount } from './patterns.js';

/** A place name after "Reporting by X in": one to three capitalised words. */
const PLACE = String.raw`\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,2}`;

const SOURCE_LABEL = String.raw`source|sources|via|来源|來源|稿源|出处|出典|출처|источник|fuente|quelle|fonte|bron|kaynak`;

/**
 * The source inside the brackets: up to 80 characters that neither start nor
 * end with a space. A value that could would overlap the `\s*` on both sides
 * of it, and a long run of spaces would be split between the three in every
 * possible way (cubic time). A source made only of spaces is the `\s+` apart.
 */
const BRACKETED = String.raw`[^()（）\[\]【】\s](?:[^()（）\[\]【】]{0,78}[^()（）\[\]【】\s])?`;

const sourceParenthesized = patternRule({
  id: 'credits/source-parenthesized',
  maxLength: SHORT_LINE,
  description: 'a source credit in brackets, such as "(Source: APD News)"',
  patterns: [new RegExp(`^[(（\\[【]\\s*(?:${SOURCE_LABEL})\\s*[:：](?:\\s*(${BRACKETED})\\s*|\\s+)[)）\\]】][.。]?$`, 'iu')],
  lift: (m) => ({ source: trimValue(m[1]) }),
  examples: {
    removes: ['(Source: APD News)', '（来源：新华社）', '[Source: Reuters]', '(Источник: ТАСС)'],
    keeps: ['(Source of the quote unknown, but it was widely shared.) He laughed.'],
  },
});

const sourceLine = patternRule({
  id: 'credits/source-line',
  maxLength: SHORT_LINE,
  description: 'a source credit line, such as "Source: Reuters" or "来源：新华社"',
  patterns: [new RegExp(`^(?:${SOURCE_LABEL})\\s*[:：]\\s*${restOfLine(1, 80)}`, 'iu')],
  lift: (m) => {
    const source = trimValue(m[1]);
    // "Source: Reuters" names; "Source: a person who asked not to be named said..." is prose.
    if (!source || wordCount(source) > 8 || (SENTENCE_END.test(source) && wordCount(source) > 3)) return null;
    return { source };
  },
  examples: {
    removes: ['Source: Reuters', 'Source: AP', '来源：新华社', 'Источник: ТАСС', 'Fuente: EFE', 'Quelle: dpa'],
    keeps: ['Source: a senior official who asked not to be named said the talks had collapsed.'],
  },
});

const photoCredit = patternRule({
  id: 'credits/photo',
  description: 'a photo or image credit',
  patterns: [
    /^[(（]?(?:photo|photos|photograph|picture|pic|image|illustration|video|graphic|foto|fotos|фото|图片|图|圖片|写真|사진|imagen|bild|crédit photo)(?:\s*(?:credit|courtesy|source|来源|來源))?\s*(?:by|:|：|\/|-|–|—)\s*([^()（）]{2,80}?)[)）]?$/iu,
    /^[(（]?(?:(?:AP|AFP|Reuters|EPA|Getty|Xinhua)\s+Photo)\s*\/\s*([^()]{2,60}?)[)）]?$/iu,
    /^[(（]?(?:image\s+)?(?:credit|credits|courtesy(?:\s+of)?)\s*(?:[:：]\s*)?([^()（）]{2,80}?)[)）]?$/iu,
    /^[(（]?(file photo|stock photo|getty images|shutterstock|istock(?:photo)?|photo illustration)[)）]?$/iu,
    /^[(（]?\p{Lu}[\p{L}.' -]{1,40}\/(getty images|afp|ap|reuters|epa|shutterstock|bloomberg)(?:\s+via\s+getty\s+images)?[)）]?$/iu,
  ],
  lift: (m) => {
    const credit = trimValue(m[1]);
    if (credit && wordCount(credit) > 10) return null;
    return { photoCredit: credit };
  },
  examples: {
    removes: ['Photo: John Smith/AFP', '(Photo by Kim Lee/Getty Images)', 'Image credit: NASA/JPL', 'Photograph: Tom Ash for The Guardian', 'File photo', '(AP Photo/Jane Doe)', 'Фото: Иван Петров', '图片来源：新华社', 'Foto: Max Mustermann/dpa', 'Jane Doe/Getty Images'],
    keeps: ['The photo by Kim Lee won a prize at the festival.', 'Photos of the flood spread quickly online, and the mayor called for calm.'],
  },
});

const EDITOR_LABELS = 'editor|edited by|editing by|责任编辑|责编|编辑|編集|편집|редактор|editado por|edición|redaktion|rédaction|edição';

const editor = patternRule({
  id: 'credits/editor',
  maxLength: SHORT_LINE,
  description: 'an editor credit',
  patterns: [
    new GuardedPattern(
      new RegExp(`^[(（【\\[]?(?:${EDITOR_LABELS})`, 'iu'),
      () => new RegExp(`^[(（【\\[]?(?:${anyCase(EDITOR_LABELS)})\\s*(?:[:：]\\s*)?(${PEOPLE}|${CJK_NAME})[)）】\\]]?$`, 'u'),
    ),
  ],
  lift: (m) => ({ editor: trimValue(m[1]) }),
  examples: {
    removes: ['Editor: Wang Wu', '责任编辑：王五', 'Edited by Jane Doe', '【编辑：李四】', 'Редактор: Анна Иванова'],
    keeps: ['Editor Jane Doe said the paper would appeal the ruling.'],
  },
});

const CREDIT_ROLES = 'additional reporting|reporting|writing|compiled|research|editing';
const CREDIT_PART = new GuardedPattern(
  new RegExp(`^(?:${CREDIT_ROLES})\\s+by\\s`, 'iu'),
  () => new RegExp(`^(${anyCase(CREDIT_ROLES)})\\s+by\\s+(${PEOPLE})(?:\\s+in\\s+${PLACE})?$`, 'u'),
);
const OPENING = /^[(（]/u;
const CLOSING = /[)）]?\.?$/u;
// Spacing before the separator is matched from the start of its run only (see SEPARATOR in navigation.ts).
const CREDIT_SEPARATOR = /(?:(?<!\s)\s+)?[;,]\s*(?=\p{L}+(?: \p{L}+)? by )/u;
const EDITING = /^editing$/iu;

/** "(Reporting by A in London; Editing by B)": each part is a role, "by", names and maybe a place. */
const reportingCredit: Rule = {
  id: 'credits/reporting',
  description: 'a wire-style reporting and editing credit, such as "(Reporting by ...; Editing by ...)"',
  zone: 'anywhere',
  examples: {
    removes: ['(Reporting by Jane Doe; Editing by John Roe)', 'Reporting by Jane Doe in London; Additional reporting by Ann Lee', '(Writing by Tom Ash; Editing by Ann Lee and Bob Kim)'],
    keeps: ['Reporting by the local paper revealed the scandal in 2019.', '(Reporting by Jane Doe; the rest by hand.)'],
  },
  get patterns() {
    return regexesOf([OPENING, CLOSING, CREDIT_SEPARATOR, CREDIT_PART, EDITING]);
  },
  test(line) {
    const inner = line.replace(OPENING, '').replace(CLOSING, '');
    if (inner.length > 200) return null;
    const found: { byline?: string; authors?: string[]; editor?: string } = {};
    for (const part of inner.split(CREDIT_SEPARATOR)) {
      const m = CREDIT_PART.exec(part.trim());
      if (!m) return null;
      const field = EDITING.test(m[1] as string) ? 'editor' : 'byline';
      found[field] ??= m[2];
    }
    const authors = splitNames(found.byline);
    return { metadata: authors ? { ...found, authors } : found };
  },
};

export const creditRules: Rule[] = [sourceParenthesized, sourceLine, photoCredit, editor, reportingCredit];
