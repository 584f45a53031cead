/**
 * Golden fixtures: fixtures/<case>/input.txt (+ options.json) must clean to
 * expected.txt and expected.json. UPDATE_FIXTURES=1 rewrites the expectations;
 * review the diff like code.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/cli/inputs.js';
import { renderJson } from '../src/render/json.js';
import { clean, type CleanOptions } from '../src/index.js';
import { expectAccounting } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../fixtures');
const update = process.env.UPDATE_FIXTURES === '1';
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('golden fixtures', () => {
  it('has the seed and at least 12 more cases', () => {
    expect(cases).toContain('gazette');
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(root, name);
      const source = `fixtures/${name}/input.txt`;
      const input = decode(readFileSync(path.join(dir, 'input.txt')), source);
      const optionsFile = path.join(dir, 'options.json');
      const options: CleanOptions = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const result = clean(input, { ...options, source });

      if (update) {
        writeFileSync(path.join(dir, 'expected.txt'), result.text);
        writeFileSync(path.join(dir, 'expected.json'), renderJson(result));
      }

      it('cleans to expected.txt', () => {
        expect(result.text).toBe(readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
      });
      it('gives expected.json', () => {
        expect(renderJson(result)).toBe(readFileSync(path.join(dir, 'expected.json'), 'utf8'));
      });
      it('accounts for every non-blank input line exactly once', () => {
        expectAccounting(input, result);
      });
      it('is idempotent: cleaning the clean text changes nothing', () => {
        expect(clean(result.text, options).text).toBe(result.text);
      });
    });
  }
});
