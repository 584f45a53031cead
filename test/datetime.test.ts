/** Dates, times and counts as dumps print them. */
import { describe, expect, it } from 'vitest';
import { findDateTime, findTime } from '../src/core/datetime.js';
import { parseCount } from '../src/core/metadata.js';

describe('findDateTime', () => {
  it.each([
    ['2024/04/2404:08:32', '2024-04-24T04:08:32'],
    ['2024-04-24', '2024-04-24'],
    ['24.04.2024, 04:08 Uhr', '2024-04-24T04:08:00'],
    ['04/24/2024', '2024-04-24'],
    ['24/04/2024', '2024-04-24'],
    ['April 24, 2024', '2024-04-24'],
    ['Nov. 20, 2019 5:52 AM EST', '2019-11-20T05:52:00-05:00'],
    ['Nov. 20, 2019 12:05 a.m.', '2019-11-20T00:05:00'],
    ['Sat 14 Sep 2024 07.00 BST', '2024-09-14T07:00:00+01:00'],
    ['24 de abril de 2024 | 04:08', '2024-04-24T04:08:00'],
    ['24 апреля 2024, 04:08', '2024-04-24T04:08:00'],
    ['24. April 2024', '2024-04-24'],
    ['2024年4月24日 04:08', '2024-04-24T04:08:00'],
    ['2024-04-24T04:08+08:00', '2024-04-24T04:08:00+08:00'],
  ])('%s → %s', (text, iso) => {
    expect(findDateTime(text)?.iso).toBe(iso);
  });

  it('rejects impossible dates', () => {
    expect(findDateTime('2024/02/30')).toBeNull();
    expect(findDateTime('2024/13/01')).toBeNull();
    expect(findDateTime('31.04.2024')).toBeNull();
  });

  it('returns the rest of the line with the date and time cut out', () => {
    expect(findDateTime('2024/04/2404:08:32 international 1518')?.rest.trim()).toBe('international 1518');
  });
});

describe('findTime', () => {
  it('rejects out-of-range clock values', () => {
    expect(findTime('25:00')).toBeNull();
    expect(findTime('13:00 PM')).toBeNull();
    expect(findTime('12:30 pm')?.time).toBe('12:30:00');
  });
  it('reads a dotted time only next to a date', () => {
    expect(findTime('07.00')).toBeNull();
    expect(findTime('07.00', { dotted: true })?.time).toBe('07:00:00');
  });
});

describe('parseCount', () => {
  it.each([
    ['1518', 1518],
    ['1,518', 1518],
    ['1.518', 1518],
    ['1 518', 1518],
    ['1.2K', 1200],
    ['2.3万', 23000],
    ['1,2 тыс.', 1200],
    ['10+', 10],
  ])('%s → %d', (text, n) => {
    expect(parseCount(text)).toBe(n);
  });
  it('is undefined for non-counts', () => {
    expect(parseCount('12 apples')).toBeUndefined();
    expect(parseCount('')).toBeUndefined();
  });
});
