/** One table-driven test over every rule's own examples. */
import { describe, expect, it } from 'vitest';
import { applyRules, type LineVerdict } from '../src/core/apply-rules.js';
import { segment } from '../src/core/segment.js';
import { clean, rules, type Rule } from '../src/index.js';
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
    expect(clean(line).text).toBe(`${line}\n`);
  });
});
