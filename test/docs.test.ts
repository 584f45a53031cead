/** Documentation that is generated or quoted must stay true. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, PAGE_RULES, rules, validateConfig } from '../src/index.js';
import { renderRulesMarkdown } from '../src/render/rules-doc.js';

const root = path.resolve(import.meta.dirname, '..');

describe('docs', () => {
  it('docs/rules.md is generated from the registry (run `npm run docs:rules` when this fails)', () => {
    expect(readFileSync(path.join(root, 'docs/rules.md'), 'utf8')).toBe(renderRulesMarkdown(rules, PAGE_RULES));
  });

  it('README.md gives the test command that .ci/run runs', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(readme).toContain('npm test');
    expect(ci).toMatch(/^npm test$/m);
  });

  it("README's config example is a valid config that removes its own examples", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = /## Your own rules[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const config = validateConfig(JSON.parse(example as string));
    const text = 'A story long enough to be prose, about the council and the bridge.\n\nGet the Gazette briefing every morning\n\n— Metro desk\n';
    const result = clean(text, { userRules: config.rules, disable: config.disable });
    expect(result.removed.map((r) => r.rule)).toEqual(['gazette/briefing', 'gazette/desk']);
    expect(result.metadata.source).toBe('Metro');
  });
});
