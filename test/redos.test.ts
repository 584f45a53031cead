/**
 * ReDoS audit (issue 6, hostile input): every regular expression the cleaner
 * runs on text is run here on 100 kB hostile strings, and must finish fast.
 *
 * Method
 * 1. Hostile lines of about 100 kB: long runs of digits, spaces, tabs, odd
 *    spaces, each punctuation mark, repeated words and labels, clock times,
 *    dates, CJK, capitalised names glued to their separators. Each ends with
 *    a character that makes the match fail at the last moment, which is what
 *    sends a backtracking regex through every way of splitting the run.
 * 2. Every rule of the registry: `rule.test(line, ctx)` is called directly,
 *    not through applyRules (whose MAX_RULE_LINE_LENGTH guard would skip such
 *    lines), with the context applyRules builds for a line between two
 *    metadata lines, in both zones, so contextual rules run to the end. And
 *    every regex of `rule.patterns` is run by itself, including those a rule
 *    only applies to parts of a line (the lift's pieces), which a line that
 *    fails the whole-line pattern never reaches.
 * 3. Every rule again on its own labels: each `removes` example cut after its
 *    first, second and third token ("Views", "Views: ", "Views: 1") and whole,
 *    followed by hostile runs, and the example repeated. A hostile run that
 *    fails at the label never reaches the quantifiers behind it.
 * 4. The shared pieces of rules/patterns.ts, anchored and not, and the other
 *    regex users: dates and times, counts, normalization, segmentation,
 *    canonical forms, page blocks and classes, language, the report, and
 *    clean() end to end.
 * 5. Each case must take under 250 ms (a failure names the rule or function
 *    and the input), and all the rules on all the hostile lines under 1 s.
 *
 * Why a timed test, when speed goals live in `npm run bench`: this is a hang
 * detector with a very generous bound. A linear pattern takes well under a
 * millisecond on 100 kB (the slowest, tens of milliseconds); catastrophic
 * backtracking takes seconds to forever. Before this audit, 300 characters of
 * "Latest News Latest News …x" took 5 s, twice as long with each repeat
 * (exponential); "记者 Jane Doe Jane Doe …!" with eight names, 5 s in clean();
 * "Views" and 30 kB of spaces 2 s (quadratic), "Read more" and 3 kB of
 * spaces 4 s (cubic). Such a pattern fails the bounds by orders of magnitude,
 * on any machine, and a linear one passes them on a slow and busy one.
 *
 * Writing patterns that pass (docs/ARCHITECTURE.md, "ReDoS audit"): no
 * quantified group whose body can match the same text in more than one way;
 * no two adjacent quantifiers that can take the same characters (`\s*:?\s*`
 * is `\s*(?::\s*)?`; a value after `\s*` uses restOfLine), unless the shared
 * part is short and bounded; anchor whole-line patterns; a separator such as
 * `\s*,\s*` in a split starts its spaces where their run starts.
 */
import { describe, expect, it } from 'vitest';
import { findDateTime, findPartialDate, findTime } from '../src/core/datetime.js';
import { repairMojibake } from '../src/core/mojibake.js';
import { parseRelative } from '../src/core/relative-time.js';
import { parseCount } from '../src/core/metadata.js';
import { normalizeLine, splitLines } from '../src/core/normalize.js';
import { segment, type ContentLine } from '../src/core/segment.js';
import { canonicalize, tokenize } from '../src/dedupe/canonical.js';
import { bigramProfile } from '../src/dedupe/similarity.js';
import { clean, rules, type Rule, type RuleContext } from '../src/index.js';
import { pageBlocks } from '../src/page/blocks.js';
import { classifyBlocks } from '../src/page/classify.js';
import { looksLikePage } from '../src/page/detect.js';
import { detectLanguage, measureProse } from '../src/page/prose.js';
import { fieldPath } from '../src/cli/jsonl.js';
import { FORM_FEED_LINE } from '../src/cli/parts.js';
import { renderReport } from '../src/render/report.js';
import { trimValue } from '../src/rules/define.js';
import { CJK, CJK_NAME, COUNT, PEOPLE, PERSON, phraseList, restOfLine, SENTENCE_END, wordCount } from '../src/rules/patterns.js';

const SIZE = 100_000;
/** Each case's bound: a linear pattern is far below it, a catastrophic one far above. */
const CASE_MS = 250;
/** All the rules on all the hostile lines. */
const TOTAL_MS = 1000;

/** `unit` repeated to about 100 kB, then `tail`, the character that makes the match fail at the very end. */
const run = (unit: string, tail = 'x'): string => unit.repeat(Math.ceil((SIZE - tail.length) / unit.length)) + tail;

const HOSTILE: Readonly<Record<string, string>> = {
  digits: run('7'),
  spaces: run(' '),
  tabs: run('\t'),
  'no-break spaces': run('\u00A0'),
  'narrow no-break spaces, then a bar': run('\u202F', '|x'),
  'line separators, then a bar': run('\u2028', '|x'),
  'spaced bars': run(' | ', '|x'),
  dots: run('.'),
  commas: run(','),
  colons: run(':'),
  semicolons: run(';'),
  hyphens: run('-'),
  slashes: run('/'),
  bars: run('|'),
  arrows: run('>'),
  brackets: run('(['),
  quotes: run('" '),
  'mixed punctuation': run('.,:;-/|'),
  'By By By': run('By '),
  'Source: Source:': run('Source: '),
  'views views': run('views '),
  '1 views 1 views': run('1 views '),
  'link labels': run('Latest News '),
  'page tools': run('Download PDF '),
  'share buttons': run('Facebook Twitter '),
  breadcrumbs: run('Home > '),
  names: run('Jane Doe ', '!'),
  'names and conjunctions': run('Jane and ', '!'),
  'names glued to separators': run('Ae', '!'),
  'hyphenated names': run('Jane Doe-Smith ', '!'),
  'capitals and hyphens': run('A-', '!'),
  'capitals with a trailing mismatch': run('JANE DOE ', '1'),
  'mixed-case words': run('AbCd ', '!'),
  words: run('word '),
  'clock times': run('12:12:12 '),
  'glued clock digits': run('12:'),
  'am/pm times': run('5:52 p.m. EST '),
  dates: run('2024/04/24 '),
  'glued datelines': run('2024/04/2404:08:32 '),
  'dotted dates': run('24.04.2024 '),
  'month names': run('April 24, 2024 '),
  'Spanish dates': run('24 de abril de '),
  'Chinese dates': run('2024年4月24日 '),
  CJK: run('新闻'),
  'CJK and spaces': run('新 '),
  'CJK labels': run('发布时间：'),
  thousands: `1${run(',000')}`,
  'spaced thousands': `1${run(' 000')}`,
  bullets: run('* '),
  'comment signatures': run('Anna says: '),
  'image names': run('a-1'),
  'photo credits': run('Jane Doe/Getty Images '),
};

/** The context applyRules gives a line between two metadata lines, in both zones: contextual rules run to the end. */
function contextFor(line: string): RuleContext {
  const lines = ['2024/04/24 04:08', line, '1518'];
  const removed = ['dates/metadata-line', undefined, 'counters/views'];
  const index = 1;
  return {
    index,
    lines,
    zone: { header: true, footer: true },
    line: (offset) => lines[index + offset],
    removedBy: (offset) => removed[index + offset],
    standsAlone: () => true,
  };
}

interface Timing {
  what: string;
  input: string;
  ms: number;
}

function time(what: string, input: string, fn: () => unknown): Timing {
  const start = performance.now();
  fn();
  return { what, input, ms: performance.now() - start };
}

/**
 * The cases over the bound, as "what on input: N ms", for a failure message
 * that names the culprit. `REDOS_REPORT=1` also prints each group's total and
 * slowest cases (the timings quoted in docs/ARCHITECTURE.md).
 */
function slow(timings: readonly Timing[], bound = CASE_MS): string[] {
  if (process.env.REDOS_REPORT) {
    const top = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`${timings.length} cases, ${total(timings).toFixed(0)} ms; slowest: ${top.map((t) => `${t.what} on ${t.input} ${t.ms.toFixed(1)} ms`).join('; ')}`);
  }
  return timings.filter((t) => t.ms > bound).map((t) => `${t.what} on ${t.input}: ${t.ms.toFixed(0)} ms`);
}

const total = (timings: readonly Timing[]): number => timings.reduce((sum, t) => sum + t.ms, 0);

/** A pattern run by itself: one exec from the start (a g or y flag would start it where the last run stopped). */
function execFresh(re: RegExp, text: string): void {
  new RegExp(re.source, re.flags.replace(/[gy]/g, '')).exec(text);
}

/** "Views: 1,518" → "Views", "Views: ", "Views: 1" and the example: each a way into the pattern's inner quantifiers. */
function labels(rule: Rule): string[] {
  const out = new Set<string>();
  for (const example of rule.examples.removes) {
    if (typeof example !== 'string') continue;
    const tokens = example.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) ?? [];
    for (let k = 1; k <= Math.min(3, tokens.length); k++) out.add(tokens.slice(0, k).join(''));
    out.add(example);
  }
  return [...out];
}

/** What follows a label: runs that the pattern's inner quantifiers can take, and that then fail. */
const AFTER_LABEL: Readonly<Record<string, string>> = {
  spaces: run(' '),
  'names glued to separators': run('Ae', '!'),
  'capitals and hyphens': run('A-', '!'),
};

const contentLine = (text: string): ContentLine => ({ lineNumber: 1, original: text, text, paragraph: 0 });

describe('ReDoS audit: 100 kB hostile lines', () => {
  it('the hostile lines are about 100 kB', () => {
    for (const [name, line] of Object.entries(HOSTILE)) expect(line.length, name).toBeGreaterThanOrEqual(SIZE - 10);
  });

  it('every rule exposes the patterns it runs, for this audit', () => {
    const without = rules.filter((rule) => rule.patterns === undefined || rule.patterns.length === 0).map((rule) => rule.id);
    expect(without).toEqual([]);
  });

  it(`every rule's test, on every hostile line: each under ${CASE_MS} ms, all under ${TOTAL_MS} ms`, () => {
    const timings: Timing[] = [];
    for (const [name, line] of Object.entries(HOSTILE)) {
      const ctx = contextFor(line);
      for (const rule of rules) timings.push(time(rule.id, name, () => rule.test(line, ctx)));
    }
    expect(slow(timings)).toEqual([]);
    expect(total(timings)).toBeLessThan(TOTAL_MS);
  });

  it(`every rule's patterns, one by one, on every hostile line: all under ${TOTAL_MS} ms`, () => {
    const timings: Timing[] = [];
    for (const [name, line] of Object.entries(HOSTILE)) {
      for (const rule of rules) {
        (rule.patterns ?? []).forEach((re, i) => timings.push(time(`${rule.id} pattern ${i} /${re.source.slice(0, 60)}…/`, name, () => execFresh(re, line))));
      }
    }
    expect(slow(timings)).toEqual([]);
    expect(total(timings)).toBeLessThan(TOTAL_MS);
  });

  it('every rule, on its own labels followed by hostile runs, and on its examples repeated', () => {
    const timings: Timing[] = [];
    for (const rule of rules) {
      const inputs: [string, string][] = [];
      for (const label of labels(rule)) {
        for (const [name, after] of Object.entries(AFTER_LABEL)) inputs.push([`${JSON.stringify(label)} + ${name}`, label + after]);
      }
      for (const example of rule.examples.removes) {
        if (typeof example === 'string') inputs.push([`${JSON.stringify(example)} repeated`, run(`${example} `)]);
      }
      for (const [name, line] of inputs) {
        const ctx = contextFor(line);
        timings.push(time(rule.id, name, () => rule.test(line, ctx)));
        (rule.patterns ?? []).forEach((re, i) => timings.push(time(`${rule.id} pattern ${i}`, name, () => execFresh(re, line))));
      }
    }
    // The bound per case is what detects a hang; these many cases (about 8,000) get no total bound of their own.
    expect(slow(timings)).toEqual([]);
  });

  it('the shared pattern pieces, anchored and not', () => {
    const pieces: Record<string, string> = {
      COUNT,
      PERSON,
      PEOPLE,
      CJK_NAME,
      phraseList: phraseList(['Latest News', 'Latest', 'News', 'Download PDF', 'Download', 'PDF', 'Copy link', 'Email', 'E-mail']),
    };
    const patterns: [string, RegExp][] = [
      ['SENTENCE_END', SENTENCE_END],
      ['CJK', CJK],
      // A value is the rest of the line after a label: anchored, as the rules use it.
      ['restOfLine(1, 80)', new RegExp(`^\\S{0,3}\\s*${restOfLine(1, 80)}`, 'u')],
      ['restOfLine(0, 120)', new RegExp(`^\\S{0,3}\\s*${restOfLine(0, 120)}`, 'u')],
    ];
    for (const [name, source] of Object.entries(pieces)) {
      patterns.push([`${name} anchored`, new RegExp(`^(?:${source})$`, 'u')], [`${name} anchored (i)`, new RegExp(`^(?:${source})$`, 'iu')], [`${name} anywhere`, new RegExp(source, 'u')]);
    }
    const timings: Timing[] = [];
    for (const [name, line] of Object.entries(HOSTILE)) {
      for (const [what, re] of patterns) timings.push(time(what, name, () => execFresh(re, line)));
      timings.push(time('wordCount', name, () => wordCount(line)));
      timings.push(time('trimValue', name, () => trimValue(`a${line}a`)));
    }
    expect(slow(timings)).toEqual([]);
  });

  it('dates, times, counts, normalization and canonical forms', () => {
    const timings: Timing[] = [];
    for (const [name, line] of Object.entries(HOSTILE)) {
      timings.push(
        time('findDateTime', name, () => findDateTime(line)),
        time('findTime', name, () => findTime(line)),
        time('findTime (dotted)', name, () => findTime(line, { dotted: true })),
        time('findPartialDate', name, () => findPartialDate(line)),
        time('parseRelative', name, () => parseRelative(line)),
        time('repairMojibake', name, () => repairMojibake(line)),
        time('parseCount', name, () => parseCount(line)),
        time('normalizeLine', name, () => normalizeLine(`a ${line} a`)),
        time('splitLines', name, () => splitLines(line)),
        time('segment', name, () => segment(`${line}\n\n${line}`)),
        time('canonicalize + tokenize', name, () => tokenize(canonicalize(line))),
        time('bigramProfile', name, () => bigramProfile(line)),
      );
    }
    expect(slow(timings)).toEqual([]);
  });

  it('page mode: blocks, detection, classes, language', () => {
    const timings: Timing[] = [];
    for (const [name, line] of Object.entries(HOSTILE)) {
      // The line alone, as a bulleted item, and inside an inline menu: each path through the block features.
      const lines = [line, `* ${line}`, `Home | ${line} | News`].map(contentLine);
      timings.push(
        time('pageBlocks + looksLikePage + classifyBlocks', name, () => {
          const blocks = pageBlocks(lines, () => true, (i) => (i === 1 ? 'social/comment-prompt' : undefined));
          looksLikePage(blocks);
          classifyBlocks(blocks, { language: 'en' });
        }),
        time('detectLanguage + measureProse', name, () => {
          detectLanguage([line]);
          measureProse(line, 'en');
          measureProse(line, 'ja');
        }),
      );
    }
    expect(slow(timings)).toEqual([]);
  });

  it('clean() end to end, and the report of what it removed', () => {
    // Hang detection for the whole pipeline: the bound is per document, well above the linear cost.
    const timings: Timing[] = [];
    const names = ['spaces', 'no-break spaces', 'narrow no-break spaces, then a bar', 'mixed punctuation', 'link labels', 'names glued to separators', 'CJK'];
    for (const name of names) {
      const line = HOSTILE[name] as string;
      timings.push(time('clean (page mode) + renderReport', name, () => renderReport(clean(`Headline\n\n${line}\n${line}`, { mode: 'page' }), false)));
      timings.push(time('clean (article mode)', name, () => clean(line, { mode: 'article' })));
    }
    expect(slow(timings, 4 * CASE_MS)).toEqual([]);
  });

  it('the CLI\'s --split separator and JSONL line cutting', () => {
    const feeds = '\f'.repeat(100_000) + 'x';
    const spaced = ' \f'.repeat(50_000) + 'x';
    const timings = [
      time('FORM_FEED_LINE', 'form feeds, then a letter', () => FORM_FEED_LINE.test(feeds)),
      time('FORM_FEED_LINE', 'spaces and form feeds, then a letter', () => FORM_FEED_LINE.test(spaced)),
      time('fieldPath', 'dots', () => fieldPath('.'.repeat(100_000) + 'a')),
    ];
    expect(slow(timings)).toEqual([]);
  });
});
