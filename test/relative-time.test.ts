/** Relative times kept as printed, or resolved against `now`; byline names split. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { parseRelative, resolveRelative } from '../src/core/relative-time.js';
import { splitNames } from '../src/rules/patterns.js';

const root = path.resolve(import.meta.dirname, '..');
const prose = 'A story long enough to be prose about the council and its vote on the bridge.';

describe('relative times', () => {
  it.each([
    ['3 hours ago', { amount: 3, unit: 'hour', updated: false }],
    ['Updated 5 minutes ago', { amount: 5, unit: 'minute', updated: true }],
    ['an hour ago', { amount: 1, unit: 'hour', updated: false }],
    ['yesterday', { amount: 1, unit: 'day', updated: false }],
    ['hace 3 horas', { amount: 3, unit: 'hour', updated: false }],
    ['vor 2 Stunden', { amount: 2, unit: 'hour', updated: false }],
    ['il y a 4 jours', { amount: 4, unit: 'day', updated: false }],
    ['há 2 dias', { amount: 2, unit: 'day', updated: false }],
    ['2 дня назад', { amount: 2, unit: 'day', updated: false }],
    ['3小时前', { amount: 3, unit: 'hour', updated: false }],
    ['2時間前', { amount: 2, unit: 'hour', updated: false }],
    ['昨天', { amount: 1, unit: 'day', updated: false }],
  ])('reads %j', (line, expected) => {
    expect(parseRelative(line)).toEqual(expected);
  });

  it('resolves hours to a time in now\'s offset, days and longer to a date only', () => {
    const now = '2026-11-25T01:30:00+08:00';
    expect(resolveRelative({ amount: 3, unit: 'hour', updated: false }, now)).toBe('2026-11-24T22:30:00+08:00');
    expect(resolveRelative({ amount: 1, unit: 'day', updated: false }, now)).toBe('2026-11-24');
    expect(resolveRelative({ amount: 2, unit: 'month', updated: false }, '2026-11-25T10:00:00Z')).toBe('2026-09-25');
    expect(() => resolveRelative({ amount: 1, unit: 'day', updated: false }, 'tomorrow')).toThrow(RangeError);
  });

  it('are kept as printed without now, resolved with it; a full date the dump gives wins', () => {
    const text = `Updated 3 hours ago\n\n${prose}\n`;
    expect(clean(text).metadata).toEqual({ updatedText: 'Updated 3 hours ago' });
    expect(clean(text, { now: '2026-11-25T10:00:00+01:00' }).metadata).toEqual({ updated: '2026-11-25T07:00:00+01:00' });
    const both = `Published: 2024-04-24 04:08\n\n2 hours ago\n\n${prose}\n`;
    expect(clean(both, { now: '2026-11-25T10:00:00Z' }).metadata.published).toBe('2024-04-24T04:08:00');
    expect(() => clean(text, { now: 'yesterday' })).toThrow(/now must be an ISO 8601 time/);
  });
});

describe('byline names', () => {
  it.each([
    ['JANE DOE and JOHN ROE', ['JANE DOE', 'JOHN ROE']],
    ['Ann Lee, Bob Kim & Cy Park', ['Ann Lee', 'Bob Kim', 'Cy Park']],
    ['Иван Петров и Анна Иванова', ['Иван Петров', 'Анна Иванова']],
    ['张三 李四', ['张三', '李四']],
    ['Sam Lee', ['Sam Lee']],
  ])('splits %j', (byline, names) => {
    expect(splitNames(byline)).toEqual(names);
  });

  it('come with the byline in the metadata', () => {
    expect(clean(`By Jane Doe and John Roe | Reuters\n\n${prose}\n`).metadata).toMatchObject({ byline: 'Jane Doe and John Roe', authors: ['Jane Doe', 'John Roe'], source: 'Reuters' });
  });
});

describe('article-clean --now', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, 'bin/article-clean.js'), ...args], { encoding: 'utf8' });

  it('resolves against the time given, or the file\'s modification time; refuses a time without an offset', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'article-clean-now-')), 'a.txt');
    writeFileSync(file, `3 hours ago\n\n${prose}\n`);
    utimesSync(file, new Date('2026-01-02T12:00:00Z'), new Date('2026-01-02T12:00:00Z'));
    expect(JSON.parse(run([file, '--format', 'json', '--now', '2026-11-25T10:00:00+01:00']).stdout).metadata.published).toBe('2026-11-25T07:00:00+01:00');
    expect(JSON.parse(run([file, '--format', 'json', '--now', 'mtime']).stdout).metadata.published).toBe('2026-01-02T09:00:00Z');
    const bad = run([file, '--now', '2026-11-25 10:00']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^article-clean: --now: "2026-11-25 10:00" is not an ISO 8601 time with an offset/);
  });
});
