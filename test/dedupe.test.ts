/** Repeated paragraphs inside one document. */
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { bigramProfile, dice, profileDice } from '../src/dedupe/similarity.js';
import { canonicalize } from '../src/dedupe/canonical.js';
import fc from 'fast-check';
import { expectAccounting } from './helpers.js';

const lead = 'The city council voted on Tuesday to close the old harbour bridge to heavy traffic from the first of next month.';
const body = `${lead} Engineers had warned for years that the steel was failing, and a survey in March found cracks in two of the main girders.`;
const other = 'Shop owners on the east bank said they feared losing customers, and asked the council for help with the cost of deliveries.';
const doc = (...paragraphs: string[]): string => paragraphs.join('\n\n') + '\n';

describe('dedupe inside a document', () => {
  it('drops an exact copy (after normalization) and keeps the first', () => {
    const r = clean(doc(lead, other, lead.replace('Tuesday', 'Tuesday ').toUpperCase()));
    expect(r.duplicates).toEqual([expect.objectContaining({ lines: [5, 5], of: { lines: [1, 1] }, kind: 'exact', similarity: 1 })]);
    expect(r.paragraphs.map((p) => p.lines[0])).toEqual([1, 3]);
  });

  it('drops a near copy at the default threshold, not below it', () => {
    const edited = lead.replace('heavy traffic', 'all heavy traffic').replace(' from', ', from');
    const r = clean(doc(lead, other, edited));
    expect(r.duplicates).toHaveLength(1);
    expect(r.duplicates[0]).toMatchObject({ kind: 'near', of: { lines: [1, 1] } });
    expect(r.duplicates[0]?.similarity).toBeGreaterThanOrEqual(0.85);
    expect(clean(doc(lead, other, edited), { threshold: 0.99 }).duplicates).toHaveLength(0);
  });

  it('drops a teaser (a truncated copy) and keeps the full paragraph where it stands, even though the teaser came first', () => {
    const teaser = `${body.slice(0, 150)}…`;
    const r = clean(doc(teaser, other, body));
    expect(r.duplicates).toEqual([expect.objectContaining({ lines: [1, 1], of: { lines: [5, 5] }, kind: 'contained' })]);
    expect(r.text).toBe(doc(other, body));
  });

  it('a copy of a teaser names the full paragraph, the one kept, as its copy (found by the property tests)', () => {
    const teaser = `${body.slice(0, 150)}…`;
    const r = clean(doc(teaser, teaser, body));
    expect(r.paragraphs.map((p) => p.lines)).toEqual([[5, 5]]);
    expect(r.duplicates).toEqual([
      expect.objectContaining({ lines: [1, 1], of: { lines: [5, 5] }, kind: 'contained' }),
      expect.objectContaining({ lines: [3, 3], of: { lines: [5, 5] }, kind: 'contained' }),
    ]);
  });

  it('--keep longest keeps the longer of two near copies', () => {
    const longer = `${lead.slice(0, -1)}, officials said.`.replace('heavy', 'all heavy');
    const r = clean(doc(lead, longer), { keep: 'longest' });
    expect(r.paragraphs.map((p) => p.text)).toEqual([longer]);
    expect(clean(doc(lead, longer), { keep: 'first' }).paragraphs.map((p) => p.text)).toEqual([lead]);
  });

  it('leaves short repeated lines alone (below 50 bytes)', () => {
    const r = clean(doc('And still the river keeps its name.', other, 'And still the river keeps its name.'));
    expect(r.duplicates).toHaveLength(0);
  });

  it('leaves repeated verse and list blocks alone (several short lines)', () => {
    const chorus = 'Carry me over, carry me home,\nthe water knows the way alone, the water knows.';
    expect(clean(doc(chorus, other, chorus)).duplicates).toHaveLength(0);
  });

  it('does nothing with --no-dedupe', () => {
    expect(clean(doc(lead, lead), { dedupe: false }).paragraphs).toHaveLength(2);
  });

  it('handles CJK text (character shingles)', () => {
    const zh = '新华社临江4月23日电 临江市政府23日宣布，将在未来三年内投入120亿元改造城市供水管网，预计惠及居民超过300万人。';
    const r = clean(doc(zh, other, zh.slice(0, 40)));
    expect(r.duplicates).toEqual([expect.objectContaining({ lines: [5, 5], kind: 'contained' })]);
  });

  it('stays fast on a long page of look-alike paragraphs (no n² comparisons)', () => {
    // 3,000 paragraphs that all share phrases: the candidate filter must keep this near-linear.
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `Item ${i} of the catalogue was sold at auction in lot ${i * 31 % 997} for a price nobody had expected.`);
    const r = clean(doc(...paragraphs));
    expect(r.paragraphs.length + r.duplicates.length).toBe(3000);
  });
});

describe('similarity', () => {
  it('profileDice equals string-similarity on the same strings', () => {
    const pairs = [[lead, body], [lead, other], ['abc', 'abc'], ['a', 'ab'], ['aaaa', 'aa'], ['новости дня', 'новость дня'], ['', '']];
    for (const [a, b] of pairs as [string, string][]) {
      expect(profileDice(bigramProfile(a), bigramProfile(b))).toBeCloseTo(dice(a, b), 12);
    }
  });
});

describe('fixed point', () => {
  it('cleans again to the same text when removals keep moving zones for more than 4 rounds (found by npm run fuzz)', () => {
    const text =
      ' \n東京都の天気は晴れです。\nNight water will with on have of old at.\nViews: 12\nWritten by Sam Lee\nWRITTEN BY SAM LEE\nWritten by Sam Lee\nWritten by Sam Lee\n \n東京都の天気は晴れです。\nNIGHT WATER WILL WITH ON HAVE OF OLD AT.\nVIEWS: 12\n \n東';
    const once = clean(text, { mode: 'auto' });
    const twice = clean(once.text, { mode: 'auto' });
    expect(twice.text).toBe(once.text);
    expect(twice.removed).toEqual([]);
  });
});

describe('canonicalize', () => {
  // The definition the one-pass loop must keep to.
  const reference = (t: string): string =>
    t.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/gu, ' ').trim();

  it('drops case, punctuation, symbols and spacing differences', () => {
    expect(canonicalize('  Minsk :  the “Capital” — 2024!! ')).toBe('minsk the capital 2024');
    expect(canonicalize('ＡＢＣ，中文。Ｘ')).toBe('abc 中文 x');
    expect(canonicalize('Emoji 👍🏽 here 𝐁old')).toBe('emoji here bold');
    expect(canonicalize('…')).toBe('');
  });

  it('equals the regex definition on arbitrary text, astral characters and lone surrogates included', () => {
    const unit = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(' ', '\u00a0', '\u3000', '\t', '—', '«', '»', '\ud83d', '\ude00', '👍', 'İ', 'ß', 'ﬁ', '①', '、', '。'),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(canonicalize(text)).toBe(reference(text));
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });
});

describe('a lead glued under its headline', () => {
  const lead = "L'agence régionale de santé a annoncé mardi soir que la maternité de l'hôpital de Saint-Aubin ne fermerait pas avant le 30 septembre, au lieu du 1er juin initialement prévu. Une victoire d'étape pour le collectif, qui manifeste chaque samedi.";
  const teaser = `${lead.slice(0, 205)}…`;

  it('is a paragraph of its own, so a teaser there is dropped for the full copy in the body', () => {
    const input = `Maternité de Saint-Aubin : la fermeture repoussée à l'automne\n${teaser}\n\n${lead}\n\nLes élus seront reçus au ministère mercredi pour plaider leur cause devant la ministre.\n`;
    const r = clean(input);
    expect(r.duplicates.map((d) => [d.kind, d.lines])).toEqual([['contained', [2, 2]]]);
    expect(r.paragraphs.map((p) => p.lines)).toEqual([[1, 1], [4, 4], [6, 6]]);
    expectAccounting(input, r);
  });

  it('but a headline and a short standfirst stay one paragraph', () => {
    const input = 'Harbour wall work to begin after summer\nThe council approved the plan on Tuesday.\n';
    expect(clean(input).paragraphs).toHaveLength(1);
  });
});
