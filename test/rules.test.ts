/** One table-driven test over every rule's own examples. */
import { describe, expect, it } from 'vitest';
import { applyRules, type LineVerdict } from '../src/core/apply-rules.js';
import { segment } from '../src/core/segment.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeLine } from '../src/core/normalize.js';
import { clean, rules, type Rule } from '../src/index.js';
import { GUARDED } from '../src/rules/patterns.js';

const root = path.resolve(import.meta.dirname, '..');
import { exampleLines, removedBy, ruleRemoves } from './helpers.js';

const label = (e: Parameters<typeof exampleLines>[0]): string => {
  const { lines, target } = exampleLines(e);
  return JSON.stringify(lines[target]);
};

describe('rule registry', () => {
  it('has at least 25 rules with unique family/name ids and one-line descriptions', () => {
    expect(rules.length).toBeGreaterThanOrEqual(25);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(rule.description).not.toMatch(/\n/);
      expect(rule.examples.removes.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.keeps.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('never shows a rule a line longer than its maxLength', () => {
    const seen: string[] = [];
    const anyLine: Rule = {
      id: 'test/any-line',
      description: 'removes whatever it is shown',
      zone: 'anywhere',
      maxLength: 20,
      examples: { removes: [], keeps: [] },
      test: (line) => (seen.push(line), {}),
    };
    const doc = segment('short line\n\nexactly twenty chars\n\na line of twenty-one c\n');
    const verdicts: (LineVerdict | undefined)[] = new Array(doc.lines.length).fill(undefined);
    applyRules(doc.lines, [anyLine], verdicts);
    expect(seen).toEqual(['short line', 'exactly twenty chars']);
    expect(verdicts.map((v) => v?.rule.id)).toEqual(['test/any-line', 'test/any-line', undefined]);
  });

  it('guards of costly patterns accept every example and fixture line their pattern accepts', () => {
    // Build every guarded pattern (a rule's pattern list builds them), then compare on many real lines.
    for (const rule of rules) void rule.patterns;
    const lines = new Set<string>();
    for (const rule of rules) for (const e of [...rule.examples.removes, ...rule.examples.keeps]) for (const l of exampleLines(e).lines) lines.add(l);
    for (const name of readdirSync(path.join(root, 'fixtures'))) for (const l of readFileSync(path.join(root, 'fixtures', name, 'input.txt'), 'utf8').split(/\r?\n/)) lines.add(l.trim());
    expect(GUARDED.length).toBeGreaterThanOrEqual(6);
    let matched = 0;
    for (const p of GUARDED) {
      for (const line of lines) {
        if (!p.regex.test(line)) continue;
        matched++;
        expect(p.guard.test(line), `${p.guard} on ${JSON.stringify(line)}`).toBe(true);
        expect(p.exec(line)?.[0]).toBe(line.match(p.regex)?.[0]);
      }
    }
    // The check saw real matches (bylines, editors, credits), not an empty set.
    expect(matched).toBeGreaterThan(15);
  });

  it("keeps every rule's own examples within its maxLength", () => {
    for (const rule of rules) {
      if (rule.maxLength === undefined) continue;
      for (const example of rule.examples.removes) expect(label(example).length - 2, `${rule.id}: ${label(example)}`).toBeLessThanOrEqual(rule.maxLength);
    }
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    for (const example of rule.examples.removes) {
      it(`removes ${label(example)}`, () => {
        expect(ruleRemoves(rule, example, rules)).toBe(true);
      });
    }
    for (const example of rule.examples.keeps) {
      it(`keeps ${label(example)} (no rule removes it)`, () => {
        expect(removedBy(example, rules)).toBeUndefined();
      });
    }
  });
}

describe('keeps survive the whole pipeline', () => {
  const prose = rules.flatMap((r) => r.examples.keeps).filter((e): e is string => typeof e === 'string');
  it.each(prose)('%s', (line) => {
    // Kept whole: the text out is the line as normalization leaves it (French quotes get their narrow spaces).
    expect(clean(line).text).toBe(`${normalizeLine(line)}\n`);
  });
});
