/** Shared test helpers: building rule contexts and checking the accounting invariant. */
import { expect } from 'vitest';
import { applyRules, type LineVerdict } from '../src/core/apply-rules.js';
import { segment } from '../src/core/segment.js';
import type { CleanResult, Rule, RuleExample } from '../src/index.js';

/** Lines and the index of the line under test, for a rule example. */
export function exampleLines(example: RuleExample): { lines: string[]; target: number } {
  return typeof example === 'string' ? { lines: [example], target: 0 } : example;
}

/** Whether `rule` removes the example's target line when run with the rest of `registry` (its neighbours' verdicts matter). */
export function ruleRemoves(rule: Rule, example: RuleExample, registry: readonly Rule[]): boolean {
  const { lines, target } = exampleLines(example);
  // Each example line is its own paragraph, as in the seed dump.
  const doc = segment(lines.join('\n\n'));
  const verdicts: ReturnType<typeof verdictsFor> = verdictsFor(doc.lines.length);
  applyRules(doc.lines, registry.includes(rule) ? registry : [...registry, rule], verdicts);
  return verdicts[target]?.rule.id === rule.id;
}

/** Which rule (if any) removes the example's target line. */
export function removedBy(example: RuleExample, registry: readonly Rule[]): string | undefined {
  const { lines, target } = exampleLines(example);
  const doc = segment(lines.join('\n\n'));
  const verdicts = verdictsFor(doc.lines.length);
  applyRules(doc.lines, registry, verdicts);
  return verdicts[target]?.rule.id;
}

function verdictsFor(count: number): (LineVerdict | undefined)[] {
  return new Array(count).fill(undefined);
}

/** Every non-blank input line is in exactly one of: kept paragraphs, removed, duplicates. */
export function expectAccounting(input: string, result: CleanResult): void {
  const doc = segment(input);
  const seen = new Map<number, string>();
  const claim = (from: number, to: number, where: string): void => {
    for (let n = from; n <= to; n++) {
      expect(seen.has(n), `line ${n} claimed by ${where} and ${seen.get(n)}`).toBe(false);
      seen.set(n, where);
    }
  };
  for (const p of result.paragraphs) claim(p.lines[0], p.lines[1], 'paragraphs');
  for (const r of result.removed) claim(r.lines[0], r.lines[1], `removed (${r.rule})`);
  for (const d of result.duplicates) claim(d.lines[0], d.lines[1], 'duplicates');
  const content = doc.lines.map((l) => l.lineNumber);
  expect([...seen.keys()].sort((a, b) => a - b)).toEqual(content);
}
