/** Bylines and publisher lines near the top (or bottom) of an article. */
import type { Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { anyCase, CJK, CJK_NAME, GuardedPattern, PEOPLE, SENTENCE_END, SHORT_LINE, splitNames, wordCount } from './patterns.js';

/**
 * After the names: "| Reuters", ", Associated Press", "- CNN", ", g1 Sul de
 * Minas", "(avec AFP)", "avec AFP", ", correspondant à Marseille", "• 1d".
 */
const OUTLET = String.raw`(?:\s*[|,–—-]\s*(\p{Lu}[\p{L}\p{M}&.' ]{1,40}|\p{Ll}{1,4}\d[\p{L}\d ]{0,30})|\s*[|–—-]\s*(\p{Ll}[\p{L}\d]{2,20})|\s*[(]?(?:avec|with|con|com|mit)\s+(\p{Lu}[\p{L}&.' ]{1,30}?)[)]?)?`;
const ROLE = String.raw`(?:,\s*(?:correspondant|correspondante|envoyée?\s+spéciale?|corresponsal|correspondent|korrespondent(?:in)?|correspondente|enviad[oa]\s+especial|корреспондент)(?:\s+(?:à|en|in|em|в|au|aux)\s+\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)?)?`;
const ROLE_WORD = /^(?:corresponsal|correspondent|correspondant|correspondente|korrespondent(?:in)?|staff\s+writer|staff|reporter|redacción|redação|rédaction|redaktion|enviad[oa]\s+especial|envoyée?\s+spéciale?|колумнист|корреспондент)$/iu;
const AGE = String.raw`(?:\s*[•·]\s*\d{1,2}\s?[mhdw])?`;

const BY_LABELS = 'Ein Artikel von|Ein Beitrag von|by|written by|words by|story by|text by|por|escrito por|escrita por|texto de|texto|von|ein artikel von|ein beitrag von|text|par|article rédigé par|rédigé par|propos recueillis par|от|автор|текст|author|autor|autore';
const CJK_BY_LABELS = '作者|记者|記者|文|撰文|取材・文|執筆者?|本报记者|本報記者|通讯员|Автор';
// A staff byline: no names, the newsroom.
const STAFF = /^(?:par\s+la\s+rédaction|la\s+rédaction|da\s+redação|redação|por\s+la\s+redacción|redacción|von\s+der\s+redaktion|by\s+(?:the\s+)?staff|staff\s+report|редакция|編集部)$/iu;

const byLine = patternRule({
  id: 'bylines/by-line',
  maxLength: SHORT_LINE,
  description: 'a byline ("By Jane Doe | Reuters", "作者：王五")',
  zone: 'edges',
  patterns: [
    new GuardedPattern(
      new RegExp(`^(?:${BY_LABELS})(?:\\s*[:：])?\\s`, 'iu'),
      () => new RegExp(`^(?:${anyCase(BY_LABELS)})(?:\\s*[:：])?\\s+(${PEOPLE})${OUTLET}${ROLE}${AGE}$`, 'u'),
    ),
    // "文／佐藤花子", "文｜王小明", "記者：山田太郎", "取材・文：佐藤花子"; a photographer may follow ("写真／…").
    new GuardedPattern(
      new RegExp(`^(?:${CJK_BY_LABELS})`, 'u'),
      () => new RegExp(`^(?:${CJK_BY_LABELS})\\s*(?:[:：／/｜|]\\s*)?((?:${CJK_NAME}|${PEOPLE})(?:[\\s、，,]+(?:${CJK_NAME}|${PEOPLE})){0,4})(?:\\s+(?:写真|撮影|攝影|摄影|图|圖)\\s*[:：／/｜|]\\s*[\\p{Script=Han}\\p{Script=Katakana}ー\\p{L}]{2,14})?$`, 'u'),
    ),
    // "記者王小明／台北報導", "澎湃新闻记者 王小明", "[佐藤花子，ITmedia]"
    /^(?:[\p{Script=Han}]{2,8})?(?:記者|记者)\s*([\p{Script=Han}]{2,4})(?:\s*[／/]\s*[\p{Script=Han}]{1,8}(?:報導|报道|電|电))?$/u,
    /^\[([\p{Script=Han}\p{Script=Katakana}]{2,6})[，,]\s*([\p{L}\d][\p{L}\d ]{1,20})\]$/u,
    // "Do UOL, em São Paulo", "Colaboração para o UOL, em São Paulo": the outlet and the place.
    /^(?:[Cc]olaboração\s+para\s+[ao]|[Dd][ao])\s+()(\p{Lu}[\p{L}\d]{1,20}(?:\s\p{Lu}[\p{L}\d]{1,20}){0,2}),\s+(?:em|no|na)\s+\p{Lu}[\p{L}]+(?:\s(?:\p{Lu}[\p{L}]+|de|do|da))*$/u,
    // "みなと野支局・森下彩花", "（南条支局・森川健一）": the bureau and the reporter, at the end of Japanese articles.
    /^[（(]?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,10}(?:支局|総局|本社|支社|編集部|報道部|通信部)・([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,8})[)）]?$/u,
    STAFF,
  ],
  liftPatterns: [ROLE_WORD],
  lift: (m, line) => {
    if (STAFF.test(line)) return { byline: line };
    const names = trimValue(m[1]);
    const outlet = trimValue(m[2] ?? m[3] ?? m[4]);
    // "| Corresponsal", "| Staff Writer": the writer's role, not the outlet.
    return { byline: names, authors: splitNames(names), source: outlet && !ROLE_WORD.test(outlet) ? outlet : undefined };
  },
  examples: {
    removes: [
      'By Jane Doe', 'By JANE DOE and JOHN ROE | Reuters', 'By Priya Nair, Associated Press', 'Written by Sam Lee', 'Story by Jane Doe • 1d', 'Por María García', 'Escrito por Juan Pérez',
      'Por Maria Silva, g1', 'Por Mariana Tavares e Lucas Prado, g1 Sul de Minas', 'Texto de Inês Moura Guerreiro', 'Do UOL, em São Paulo', 'Da Redação', 'Von Hans Müller', 'Ein Artikel von Markus Brandl',
      'Par Jean Dupont (avec AFP)', 'Par Le Figaro avec AFP', 'par Jean Dupont, correspondant à Marseille', 'Propos recueillis par Jean Dupont', 'Article rédigé par Jean Dupont - franceinfo', 'Par la rédaction',
      'Текст: Дарья Соколова', '作者：王五', '记者 张三 李四', '記者王小明／台北報導', '澎湃新闻记者 王小明', '文／佐藤花子', '文｜王小明', '取材・文：佐藤花子', '[佐藤花子，ITmedia]', 'みなと野支局・森下彩花', '（南条支局・森川健一）',
    ],
    keeps: [
      'By the end of the year, the source of the rumor was clear.', 'By Monday the river had risen again.', 'Por la tarde llovió en toda la ciudad.', 'Par ailleurs, la mairie a confirmé la fermeture.',
      'Texto de lei aprovado ontem entra em vigor em julho.', 'Do lado de fora, em São Paulo, a fila crescia.', '记者从市政府获悉，地铁将延长运营时间。',
    ],
  },
});

const DATE_FAMILY = 'dates/';
const DIGIT_OR_PUNCTUATION = /[\d:：,;]/u;
const CAPITALISED = /^\p{Lu}/u;

/**
 * "Asia Pacific Daily Winter Rain": a short, capitalised line with no sentence
 * punctuation right under a dateline is the publisher and reporter. A title
 * stands above the dateline instead, so it is not touched.
 */
const publisherLine: Rule = {
  id: 'bylines/publisher-line',
  maxLength: SHORT_LINE,
  description: 'a short publisher or reporter name line right under a dateline',
  zone: 'header',
  contextual: true,
  examples: {
    removes: [{ lines: ['2024/04/2404:08:32 international 1518', 'Asia Pacific Daily Winter Rain', 'According to reports, the minister spoke at length about the economy.'], target: 1 }],
    keeps: [
      { lines: ['Kazakhstan Fears It Could Be Next', '2024/04/2404:08:32 international 1518', 'According to reports, the minister spoke at length about the economy.'], target: 0 },
      { lines: ['2024/04/2404:08:32 international 1518', 'The minister spoke.', 'According to reports, the minister spoke at length about the economy.'], target: 1 },
    ],
  },
  patterns: [DIGIT_OR_PUNCTUATION, CAPITALISED],
  test(line, ctx) {
    if (!ctx.removedBy(-1)?.startsWith(DATE_FAMILY)) return null;
    if (!ctx.standsAlone() || SENTENCE_END.test(line) || DIGIT_OR_PUNCTUATION.test(line)) return null;
    const words = line.split(' ');
    const capitalised = CJK.test(line) ? wordCount(line) <= 6 : words.every((w) => CAPITALISED.test(w));
    if (!capitalised || words.length > 6 || line.length > 60) return null;
    return { metadata: { byline: line } };
  },
};

export const bylineRules: Rule[] = [byLine, publisherLine];
