/** The seed dump, checked the way the foundation issue states what a user must see. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const input = readFileSync(path.resolve(import.meta.dirname, '../fixtures/gazette/input.txt'), 'utf8');
const result = clean(input);
const inputParagraphs = input.split(/\n\s*\n/).map((p) => p.trim());

describe('the seed dump', () => {
  it('loses exactly the residue lines', () => {
    for (const gone of ['2024/04/2404:08:32 international 1518', 'Asia Pacific Daily Winter Rain', '(Source: APD News)', 'international Category Latest News']) {
      expect(result.text).not.toContain(gone);
    }
    expect(result.text.match(/The Gazette reported that/g)).toHaveLength(1);
  });

  it('keeps every other paragraph, in order, words intact (the fragment "reports that although" included)', () => {
    // Input paragraphs 1, 2, 10, 11 are residue; 6 is the repeated lead.
    const kept = inputParagraphs.filter((_, i) => ![1, 2, 6, 10, 11].includes(i));
    const normalizedWords = (s: string): string => s.replace(/\s+([,.:;!?])/g, '$1').replace(/"\s*(.*?)\s*"/g, '"$1"');
    expect(result.paragraphs.map((p) => p.text)).toEqual(kept.map(normalizedWords));
    expect(result.text).toContain('reports that although');
  });

  it('lifts the metadata the residue carried', () => {
    expect(result.metadata).toMatchObject({ published: '2024-04-24T04:08:32', views: 1518, category: 'international', source: 'APD News' });
  });

  it('records each removed line with its rule and line number, and the dropped lead with the kept one', () => {
    expect(result.removed.map((r) => [r.lines[0], r.rule])).toEqual([
      [3, 'dates/metadata-line'],
      [5, 'bylines/publisher-line'],
      [21, 'credits/source-parenthesized'],
      [23, 'footers/category'],
    ]);
    expect(result.duplicates).toEqual([expect.objectContaining({ lines: [13, 13], of: { lines: [1, 1] }, kind: 'contained' })]);
  });
});
