/** One table-driven test over every rule's own examples. */
import { describe, expect, it } from 'vitest';
import { clean, rules } from '../src/index.js';
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
