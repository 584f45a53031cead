/** Bylines and publisher lines near the top (or bottom) of an article. */
import type { Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { anyCase, CJK, CJK_NAME, GuardedPattern, PEOPLE, SENTENCE_END, SHORT_LINE, splitNames, wordCount } from './patterns.js';

/** After the names: "| Reuters", ", Associated Press", "- CNN". */
const OUTLET = String.raw`(?:\s*[|,–—-]\s*(\p{Lu}[\p{L}\p{M}&.' ]{1,40}))?`;

const BY_LABELS = 'by|written by|words by|story by|text by|por|von|par|от|автор|author|autor|autore';
const CJK_BY_LABELS = '作者|记者|文|撰文|本报记者|通讯员|Автор';

const byLine = patternRule({
  id: 'bylines/by-line',
  maxLength: SHORT_LINE,
  description: 'a byline ("By Jane Doe | Reuters", "作者：王五")',
  zone: 'edges',
  patterns: [
    new GuardedPattern(new RegExp(`^(?:${BY_LABELS})(?:\\s*[:：])?\\s`, 'iu'), () => new RegExp(`^(?:${anyCase(BY_LABELS)})(?:\\s*[:：])?\\s+(${PEOPLE})${OUTLET}$`, 'u')),
    new GuardedPattern(new RegExp(`^(?:${CJK_BY_LABELS})`, 'u'), () => new RegExp(`^(?:${CJK_BY_LABELS})\\s*(?:[:：]\\s*)?((?:${CJK_NAME}|${PEOPLE})(?:[\\s、，,]+(?:${CJK_NAME}|${PEOPLE})){0,4})$`, 'u')),
  ],
  lift: (m) => ({ byline: trimValue(m[1]), authors: splitNames(trimValue(m[1])), source: trimValue(m[2]) }),
  examples: {
    removes: ['By Jane Doe', 'By JANE DOE and JOHN ROE | Reuters', 'By Priya Nair, Associated Press', 'Written by Sam Lee', 'Por María García', 'Von Hans Müller', '作者：王五', '记者 张三 李四'],
    keeps: ['By the end of the year, the source of the rumor was clear.', 'By Monday the river had risen again.', 'Por la tarde llovió en toda la ciudad.'],
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
