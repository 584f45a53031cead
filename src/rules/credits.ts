/** Credits: where the text or its pictures come from, and who edited it. */
import type { Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { anyCase, CJK_NAME, GuardedPattern, PEOPLE, regexesOf, restOfLine, SENTENCE_END, SHORT_LINE, splitNames, wordCount } from './patterns.js';

/** A place name after "Reporting by X in": one to three capitalised words. */
const PLACE = String.raw`\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,2}`;

const SOURCE_LABEL = String.raw`source|sources|via|来源|來源|稿源|出处|出典|文章来源|本文来源|资料来源|資料來源|消息来源|配信元|提供|출처|источник|fuente|quelle|fonte|bron|kaynak`;

/**
 * News agencies, as credits print them. A credit naming one ("(APA/dpa)",
 * "Le Monde avec AFP", "(Com Lusa)", "（共同通信）") is a source line.
 */
const AGENCY = String.raw`AFP|AP|Associated\s+Press|Reuters|REUTERS|dpa|DPA|APA|apa|sda|SDA|Keystone-SDA|KNA|epd|AFX|Bloomberg|EFE|Europa\s+Press|Télam|Telam|NA|ANSA|Lusa|LUSA|Agência\s+Brasil|Agência\s+Estado|Estadão\s+Conteúdo|Folhapress|ANP|Belga|PAP|CTK|ČTK|TASR|MTI|ТАСС|РИА\s+Новости|Интерфакс|Xinhua|Kyodo|Yonhap|共同通信|共同|時事通信|時事|中央社|新华社|新華社|路透社|法新社|美联社|美聯社|明報專訊|中新社`;
const AGENCIES = String.raw`(?:${AGENCY})(?:\s*[/,]\s*(?:${AGENCY}|[a-zäöü]{2,4}))*(?:\s+(?:and|und|y|et|e|и)\s+(?:${AGENCY}))?`;
// Capitals by hand: agency names need the case-sensitive pattern ("AP", not "ap").
const WITH = String.raw`[Cc]om(?:\s+informações\s+d[aeo]s?|\s+a|\s+o)?|[Cc]on(?:\s+información\s+de)?|[Aa]vec|[Mm]it(?:\s+[Mm]aterial\s+(?:von|der))?|[Ww]ith(?:\s+(?:reporting|material)\s+from)?|[Пп]о\s+материалам`;

// The lookbehind starts a match only where a run of spaces starts (see SEPARATOR in navigation.ts).
const INITIALS = /(?<!\s)\s*[/,]\s*[a-zäöü]{2,4}(?=$|[/,]|\s[/,])/gu;

const agencyCredit = patternRule({
  id: 'credits/agency',
  maxLength: SHORT_LINE,
  description: 'a news-agency credit, such as "(APA/dpa)", "(Com Lusa)", "Le Monde avec AFP" or "（共同通信）"',
  patterns: [
    // "(APA/dpa)", "(APA/red, 24.4.2024)", "(avec AFP)", "(Con información de AFP)", "（共同通信）"
    new RegExp(`^[(（\\[【]\\s*(?:(?:${WITH})\\s+)?(${AGENCIES})(?:\\s*,\\s*\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2}|\\d{4}))?\\s*[)）\\]】]\\.?$`, 'u'),
    // "Con información de EFE", "*Com informações da Agência Brasil", "Mit Material von dpa und Reuters", "Com agências"
    new RegExp(`^\\*?(?:${WITH})\\s+(${AGENCIES}|agências|agencias|agences|agenturen|agencies)\\.?$`, 'iu'),
    // An agency alone on its line, under a headline or at the end: "中央社", "Reuters".
    new RegExp(`^(${AGENCY})$`, 'u'),
    // "Le Monde avec AFP", "franceinfo avec AFP"
    // (A byline with an agency, "Par Jean Dupont avec AFP", is the byline rule's.)
    new RegExp(`^(?![Pp]ar\\s|[Bb]y\\s|[Pp]or\\s|[Vv]on\\s)[\\p{L}\\d][\\p{L}\\d'’ ]{0,30}\\s+(?:avec|with|con|com|mit)\\s+(${AGENCIES})$`, 'u'),
  ],
  // Editors' initials after the agencies ("APA/red", "dpa/AFP/lvo") are not a source.
  lift: (m) => ({ source: trimValue((m[1] as string).replace(INITIALS, '')) }),
  liftPatterns: [INITIALS],
  examples: {
    removes: ['(APA/dpa)', '(APA/red, 24.4.2024)', '(dpa/AFP/lvo)', '(sda)', '(avec AFP)', '(Com Lusa)', '(Con información de AFP)', 'Con información de EFE', 'Com agências', '*Com informações da Agência Brasil', 'Mit Material von dpa und Reuters', 'Le Monde avec AFP', '中央社', 'Reuters', '（共同通信）', '（中央社）', '【明報專訊】'],
    keeps: ['(AP) was the first to report it.', 'Con información de la policía, la jueza ordenó el arresto.', 'Le maire avec AFP, disait-il en riant.'],
  },
});

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
    removes: ['Source: Reuters', 'Source: AP', '来源：新华社', '文章来源：人民网－人民日报', '配信元：共同通信', 'Источник: ТАСС', 'Fuente: EFE', 'Quelle: dpa'],
    keeps: ['Source: a senior official who asked not to be named said the talks had collapsed.'],
  },
});

const photoCredit = patternRule({
  id: 'credits/photo',
  description: 'a photo or image credit',
  patterns: [
    /^[(（]?(?:photo|photos|photograph|picture|pic|image|illustration|video|graphic|foto|fotos|foto\s+de\s+archivo|фото|иллюстрация|图片|图|圖|圖片|写真|写真提供|画像|사진|imagen|bild|crédit photo)(?:\s*(?:credit|courtesy|source|来源|來源))?\s*(?:by|,|:|：|\/|／|-|–|—)\s*([^()（）]{2,80}?)[)）]?$/iu,
    // "© APA/Markus Leitner", "© Jean-Luc Marais / Maxppp": a picture's owner and agency, not a notice for the text.
    new RegExp(`^©\\s*((?:${AGENCY}|Maxppp|MAXPPP|Getty\\s+Images|Shutterstock|IMAGO|imago|picture\\s+alliance)\\s*/\\s*\\p{Lu}[\\p{L}.' -]{1,40}|\\p{Lu}[\\p{L}.' -]{1,40}?\\s*/\\s*(?:${AGENCY}|Maxppp|MAXPPP|Getty\\s+Images|Shutterstock|IMAGO|imago|picture\\s+alliance))$`, 'u'),
    // "中央社記者王小明攝 113年4月24日"
    /^([^攝]{2,16}攝)(?:\s*\d{2,4}年\d{1,2}月\d{1,2}日)?$/u,
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
    removes: ['Photo: John Smith/AFP', '© APA/Markus Leitner', '© Jean-Luc Marais / Maxppp', 'Image source, Getty Images', '写真提供：南条市', '圖／中央社', 'Иллюстрация: Midjourney', '(Photo by Kim Lee/Getty Images)', 'Image credit: NASA/JPL', 'Photograph: Tom Ash for The Guardian', 'File photo', '(AP Photo/Jane Doe)', 'Фото: Иван Петров', '图片来源：新华社', 'Foto: Max Mustermann/dpa', 'Jane Doe/Getty Images'],
    keeps: ['The photo by Kim Lee won a prize at the festival.', 'Photos of the flood spread quickly online, and the mayor called for calm.'],
  },
});

const EDITOR_LABELS = 'editor|edited by|editing by|责任编辑|責任編輯|责编|責編|编辑|編輯|編集|構成|构成|校对|校對|审核|審核|편집|редактор|выпускающий редактор|корректор|editado por|texto editado por|edición|edição|redaktion|redakteur|redakteurin|rédaction|édité par|estagiári[oa] sob supervisão de';
/** Who edited, in any script: names, or a Japanese desk ("ミライノ編集部"). */
const EDITOR_NAME = String.raw`(?:${PEOPLE}|${CJK_NAME}|[\p{Script=Han}\p{Script=Katakana}ー]{2,12})`;

const editor = patternRule({
  id: 'credits/editor',
  maxLength: SHORT_LINE,
  description: 'an editor credit',
  patterns: [
    new GuardedPattern(
      new RegExp(`^\\*?[(（【\\[]?(?:${EDITOR_LABELS})`, 'iu'),
      // Roles may follow in the same line ("Редактор: А, корректор: Б", "编辑：李四 校对：张三"); a date code may close it ("（編輯：林怡君）1130424").
      () => new RegExp(`^\\*?[(（【\\[]?(?:${anyCase(EDITOR_LABELS)})\\s*(?:[:：／/]\\s*)?(${EDITOR_NAME})(?:(?:[,，;]\\s*|\\s+)(?:${anyCase(EDITOR_LABELS)})\\s*[:：／/]\\s*${EDITOR_NAME}){0,3}[)）】\\]]?(?:\\s?\\d{7})?$`, 'u'),
    ),
  ],
  lift: (m) => ({ editor: trimValue(m[1]) }),
  examples: {
    removes: [
      'Editor: Wang Wu', '责任编辑：王五', '責任編輯：林怡君', '（編輯：林怡君）1130424', '编辑：李四 校对：张三 审核：赵六', 'Edited by Jane Doe', '【编辑：李四】', 'Редактор: Анна Иванова',
      'Редактор: Анна Иванова, корректор: Ольга Петрова', 'Édité par Thomas Bernard', 'Texto editado por Helena Sarmento', '編集：ミライノ編集部', '*Estagiária sob supervisão de Renata Albuquerque',
    ],
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

export const creditRules: Rule[] = [sourceParenthesized, sourceLine, agencyCredit, photoCredit, editor, reportingCredit];
