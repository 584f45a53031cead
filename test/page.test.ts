/** Page mode: finding the article in a whole-page dump, and template lines across a batch. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segment } from '../src/core/segment.js';
import { pageBlocks } from '../src/page/blocks.js';
import { detectLanguage, measureProse } from '../src/page/prose.js';
import { clean, TemplateCounter } from '../src/index.js';
import { expectAccounting } from './helpers.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const body = [
  'The harbour authority said on Tuesday that the old breakwater would be rebuilt over the next two summers, after engineers found that storms had undermined its foundations.',
  'Fishermen who moor inside the wall have been told to expect short closures, and the authority has promised to keep at least one berth open for the lifeboat at all times.',
  'The work is expected to cost about four million pounds, most of it from a national coastal fund, with the rest raised from mooring fees over ten years.',
];
const page = [
  '   #Harbour News RSS',
  '',
  '     * Skip to main content',
  '     * Home',
  '     * News',
  '     * Sport',
  '     * Weather',
  '     * Contact',
  '',
  '   Search ____________________ (BUTTON) Go',
  '',
  'Breakwater to be rebuilt after winter storms',
  '',
  '   By Ann Carver',
  '   12 March 2024',
  '',
  ...body.flatMap((p) => [`   ${p}`, '']),
  'Most read',
  '',
  '     * Lifeboat crew rescue two walkers',
  '     * New ferry timetable',
  '     * Fish market reopens',
  '',
  '   © 2024 Harbour News. All rights reserved.',
  '',
].join('\n');

describe('page mode', () => {
  it('keeps the headline and the article, drops menus, forms and link lists', () => {
    const r = clean(page);
    expect(r.mode).toBe('page');
    expect(r.text).toBe(['Breakwater to be rebuilt after winter storms', ...body].join('\n\n') + '\n');
    expectAccounting(page, r);
  });

  it('says which page rule removed each block, and why', () => {
    const r = clean(page);
    const rules = new Set(r.removed.map((x) => x.rule));
    expect(rules).toContain('page/link-list');
    expect(rules).toContain('page/form');
    const form = r.removed.find((x) => x.rule === 'page/form');
    expect(form?.detail).toMatch(/words, stop words \d\.\d\d/);
  });

  it('drops the headline with title: false', () => {
    expect(clean(page, { title: false }).text).toBe(body.join('\n\n') + '\n');
  });

  it('leaves a page alone in article mode, and reads an article dump as an article in auto mode', () => {
    const r = clean(page, { mode: 'article' });
    expect(r.mode).toBe('article');
    expect(r.text).toContain('Skip to main content');
    for (const name of ['gazette', 'poem', 'recipe-list', 'clean-essay', 'zh-portal', 'ru-news']) {
      expect(clean(readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8')).mode, name).toBe('article');
    }
  });

  it('reads every page fixture as a page', () => {
    for (const name of readdirSync(fixtures).filter((n) => n.startsWith('page-'))) {
      expect(clean(readFileSync(path.join(fixtures, name, 'input.txt'), 'utf8')).mode, name).toBe('page');
    }
  });

  it('never returns nothing for a page that has text (the most prose-like block stays)', () => {
    const menuOnly = ['     * Home', '     * News', '     * Sport', '     * About us', '     * Contact', '     * Jobs', '     * Weather', '     * Travel', '     * Podcasts', '     * Games', '', 'The ferry will not run on Sunday'].join('\n');
    const r = clean(menuOnly, { mode: 'page' });
    expect(r.text).toBe('The ferry will not run on Sunday\n');
  });

  it('judges the blocks left after dropping duplicates, so cleaning the output again changes nothing (found by the property tests)', () => {
    // The short line after the article read as content only while the copy of
    // the article (a near duplicate, dropped) stood after it.
    const article = Array.from({ length: 25 }, () => 'Government that this company.').join(' ');
    const short = 'The more after over her more city this to.';
    const input = `the that this company. ${article}\n${short}\n\n${article} Government that this company.\n${short}\n`;
    const once = clean(input, { mode: 'page' });
    // The block model keeps the short line under the article (a one-line paragraph); the copy goes whole.
    expect(once.text).toBe(`the that this company. ${article}\n${short}\n`);
    expect(once.duplicates.map((d) => d.lines)).toEqual([[4, 5]]);
    expect(clean(once.text, { mode: 'page' }).text).toBe(once.text);
    expectAccounting(input, once);
  });

  it('keeps the copy it chose when that copy loses a line, so the copies do not take turns (found by the property tests)', () => {
    // Each copy ends in a line page mode removes once it stands last; the
    // copy kept first then looked shorter than the others, and a fuller copy
    // took its place in each round until the rounds ran out.
    const long = Array.from({ length: 6 }, () => 'The council said that it would consider the plan for the new harbour wall at its next meeting in the spring.').join(' ');
    const input = Array.from({ length: 6 }, () => `${long}\n* More photos`).join('\n\n');
    for (const keep of ['first', 'longest'] as const) {
      const once = clean(input, { mode: 'page', keep });
      expect(once.text).toBe(`${long}\n`);
      expect(clean(once.text, { mode: 'page', keep }).text).toBe(once.text);
      expect(once.duplicates.every((d) => d.of.lines[0] === 1)).toBe(true);
      expectAccounting(input, once);
    }
  });

  it('removes from the dropped copies the lines it removes from the kept one (found by the property tests)', () => {
    // Repetitive text has few shingles: once the kept copy lost its last two
    // lines, a copy still carrying them was no near copy of it but a fuller
    // one, took its place, lost them in the next round, and so on.
    const sentence = 'Would and government was this there as there his would about city old minister have for police on.';
    const long = Array.from({ length: 30 }, () => sentence).join(' ');
    const copy = ['4 Min. Lesezeit', long, 'Ŭʉ', 'Yesterday was the hottest day on record.'].join('\n');
    const input = [copy.toUpperCase(), copy, copy, copy, copy].join('\n\n');
    const once = clean(input, { mode: 'page', threshold: 1 });
    // The kept copy loses its reading time and the stray "Ŭʉ" line, and so do the dropped copies. The closing
    // sentence (under 50 bytes: never a duplicate) is judged by page mode in each copy, and the block model removes it.
    expect(once.text).toBe(`${long.toUpperCase()}\n`);
    expect(clean(once.text, { mode: 'page', threshold: 1 }).text).toBe(once.text);
    expect(once.removed.find((r) => r.lines[0] === 8)?.detail).toMatch(/as in the kept copy \(line 2\)$/);
    expectAccounting(input, once);
  });

  it('finds wrapped lines as the output reads once long lines are gone (found by the property tests)', () => {
    // The long first line set the wrap width, so the next two lines stood
    // apart; once it was removed, they read as one wrapped paragraph of low prose.
    const hello = 'مرحبا بالعالم، كيف حالك؟';
    const input = [
      `${Array.from({ length: 80 }, () => hello).join(' ')}.`,
      `${hello} ${hello} ${hello} ${hello} ${hello} 你好，世界`,
      'On 2024/04/24 the minister said 1518 people had left.',
      '',
      `The the the the. ${hello}`,
      'The the the the.',
    ].join('\n');
    const once = clean(input, { mode: 'page' });
    // The block model of that time removed the long line; the current one keeps it. Either way the prose stays and a second cleaning changes nothing.
    expect(once.text).toContain('On 2024/04/24 the minister said 1518 people had left.');
    expectAccounting(input, once);
    expect(clean(once.text, { mode: 'page' }).text).toBe(once.text);
  });

  it('asks again whether the dump is a page once duplicates are dropped (found by the property tests)', () => {
    // With its copy, the article outnumbers the menu items and the dump reads
    // as an article; without it, the output read as a page when cleaned again.
    const menu = ['Harbour Lights', 'Ferry Times', 'Tide Tables', 'Local Sport', 'Weather Watch', 'Island Life', 'Letters Page', 'Puzzles Corner'];
    const article = Array.from({ length: 10 }, (_, i) => `The harbour authority said on day ${i + 1} that the old breakwater would be rebuilt over the summer.`).join('\n');
    const input = [...menu, article, article, 'The ferry will not run on Sunday, the company said.'].join('\n\n');
    const once = clean(input);
    expect(once.mode).toBe('page');
    // Menu items are all that goes (the block model keeps the last three, next to the article, as it keeps a page's edge lines).
    expect(once.removed.map((r) => r.text)).toEqual(menu.slice(0, 5));
    expect(clean(once.text).text).toBe(once.text);
  });
});

describe('page blocks', () => {
  it('reads list markers from the normalized line, as a second cleaning of the output would', () => {
    const blocks = pageBlocks(segment('\u200b* Home\n\u00071. Sport\n').lines, () => true);
    expect(blocks.map((b) => [b.marker, b.text])).toEqual([
      ['bullet', 'Home'],
      ['number', 'Sport'],
    ]);
  });

  it('joins lines a converter wrapped, and splits one-block-per-line dumps', () => {
    const wrapped = segment('   The council met on Tuesday to discuss the plans for the new\n   harbour wall, which were approved.\n');
    expect(pageBlocks(wrapped.lines, () => true).map((b) => b.text)).toEqual(['The council met on Tuesday to discuss the plans for the new harbour wall, which were approved.']);
    const perLine = segment('Home\nNews\nSport\nThe council met on Tuesday and approved the plans.\nContact\n');
    expect(pageBlocks(perLine.lines, () => true)).toHaveLength(5);
  });

  it('splits list items and recognises converter residue', () => {
    const blocks = pageBlocks(segment('     * Home\n     * News\n   Search ____________ (BUTTON) Go\n[IMG] A photo\nHome | News | Sport | Weather\n').lines, () => true);
    expect(blocks.map((b) => [b.marker, b.form, b.image, b.inlineMenu])).toEqual([
      ['bullet', false, false, false],
      ['bullet', false, false, false],
      ['none', true, false, false],
      ['none', false, true, false],
      ['none', false, false, true],
    ]);
  });
});

describe('prose measure', () => {
  it('detects the language by its stop words and puts densities on one scale', () => {
    const ru = 'В понедельник в городе открыли новый пункт приёма старой техники, и жители уже принесли туда первые холодильники.';
    const en = 'On Monday the city opened a new collection point for old appliances, and residents have already brought the first fridges.';
    expect(detectLanguage([ru])).toBe('ru');
    expect(detectLanguage(['市政府23日宣布，将在未来三年内投入资金改造城市供水管网。'])).toBe('zh');
    expect(detectLanguage(['東京都は２３日、新しい計画を発表した。'])).toBe('ja');
    // Both are ordinary prose: both read as prose on the common scale.
    expect(measureProse(ru, 'ru').stopDensity).toBeGreaterThan(0.45);
    expect(measureProse(en, 'en').stopDensity).toBeGreaterThan(0.45);
    expect(measureProse('Home News Sport Weather Travel Contact', 'en').stopDensity).toBeLessThan(0.2);
  });
});

describe('template lines across a batch', () => {
  const footer = ['Subscribe to the Harbour Weekly', 'Harbour News, 1 Quay Street, Portwell'];
  const docs = Array.from({ length: 6 }, (_, i) => [`Story number ${i} is about the harbour and what happened there on day ${i}.`, ...footer].join('\n\n') + '\n');

  it('learns lines shared by enough files, not lines of one file', () => {
    const counter = new TemplateCounter();
    for (const d of docs) counter.add(d);
    const lines = counter.templateLines({ minFiles: 5, minShare: 0.3 });
    expect([...lines.keys()].sort()).toEqual([...footer].sort());
    const small = new TemplateCounter();
    for (const d of docs.slice(0, 4)) small.add(d);
    expect(small.templateLines({ minFiles: 5, minShare: 0.3 }).size).toBe(0);
  });

  it('removes them with the number of files they appear in', () => {
    const counter = new TemplateCounter();
    for (const d of docs) counter.add(d);
    const r = clean(docs[0] as string, { template: { lines: counter.templateLines(), files: counter.files } });
    expect(r.text).toBe('Story number 0 is about the harbour and what happened there on day 0.\n');
    expect(r.removed.find((x) => x.text.includes(footer[1] as string))).toMatchObject({ rule: 'template/repeated-across-files', detail: 'in 6 of 6 files of this batch' });
    expect(clean(docs[0] as string, { template: { lines: counter.templateLines(), files: 6 }, disable: ['template'] }).text).toContain(footer[1]);
  });
  it('with fixMojibake, counts lines as clean() will see them, repaired', () => {
    // The shared footer arrives as mojibake: "Café du Port, 1 Quay Street".
    const broken = Buffer.from('Café du Port, 1 Quay Street', 'utf8').toString('latin1');
    const texts = docs.map((d) => `${d}\n${broken}\n`);
    const counter = new TemplateCounter({ fixMojibake: true });
    for (const t of texts) counter.add(t);
    expect([...counter.templateLines().keys()]).toContain('Café du Port, 1 Quay Street');
    const r = clean(texts[0] as string, { fixMojibake: true, template: { lines: counter.templateLines(), files: counter.files } });
    expect(r.removed.find((x) => x.text.includes(broken))?.rule).toBe('template/repeated-across-files');
    expect(r.text).not.toContain('Quay');
  });
});
