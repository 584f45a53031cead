/** Rules of your own: validation with clear errors, clean() with user rules, and the CLI finding configs. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clean, validateConfig, type UserRuleSpec } from '../src/index.js';
import { expectAccounting } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');

const NEWSLETTER: UserRuleSpec = {
  id: 'site/newsletter',
  description: 'the Gazette newsletter box',
  pattern: '^Get the Gazette briefing\\b.*$',
  flags: 'i',
  examples: { removes: ['Get the Gazette briefing every morning'], keeps: ['We did not get the Gazette briefing.'] },
};
const DESK: UserRuleSpec = {
  id: 'site/desk',
  description: 'the desk credit that ends each story',
  pattern: '^— (.+) desk$',
  zone: 'footer',
  lift: { field: 'source', group: 1 },
};

describe('validateConfig', () => {
  it('accepts rules and disabled built-ins', () => {
    expect(validateConfig({ rules: [NEWSLETTER, DESK], disable: ['social', 'counters/views'] })).toEqual({ rules: [NEWSLETTER, DESK], disable: ['social', 'counters/views'] });
  });

  it.each([
    [[], 'the config must be a JSON object'],
    [{ rule: [] }, 'unknown key "rule" (expected "rules", "disable")'],
    [{ disable: ['no/such'] }, '"disable": unknown rule "no/such" (see --list-rules)'],
    [{ rules: [{ ...NEWSLETTER, pattern: '(unclosed' }] }, 'rule "site/newsletter": invalid pattern: Invalid regular expression'],
    [{ rules: [{ ...NEWSLETTER, id: 'Newsletter' }] }, 'rule "Newsletter": "id" must be "family/name"'],
    [{ rules: [{ ...NEWSLETTER, id: 'social/share' }] }, 'rule "social/share": the id of a built-in rule'],
    [{ rules: [NEWSLETTER, NEWSLETTER] }, 'rule "site/newsletter": defined twice'],
    [{ rules: [{ ...NEWSLETTER, zone: 'top' }] }, '"zone" must be one of anywhere, header, footer, edges'],
    [{ rules: [{ ...NEWSLETTER, flags: 'g' }] }, '"flags" may hold "i" and "s" only'],
    [{ rules: [{ ...NEWSLETTER, colour: 'red' }] }, 'rule "site/newsletter": unknown key "colour"'],
    [{ rules: [{ ...DESK, lift: { field: 'weather', group: 1 } }] }, '"lift.field" must be one of'],
    [{ rules: [{ ...DESK, lift: { field: 'source', group: 2 } }] }, '"lift.group" must be a capture group of the pattern (1 to 1)'],
    [{ rules: [{ ...NEWSLETTER, examples: { removes: ['Subscribe now'] } }] }, 'the pattern does not match its example "Subscribe now"'],
    [{ rules: [{ ...NEWSLETTER, examples: { keeps: ['Get the Gazette briefing'] } }] }, 'the pattern matches "Get the Gazette briefing", which it must keep'],
    [{ rules: [{ ...NEWSLETTER, pattern: '^(a+)+$', examples: {} }] }, 'the pattern is too slow on a'],
    [{ rules: [{ ...NEWSLETTER, pattern: '^(\\w+\\s?)*$', examples: {} }] }, 'the pattern is too slow on a'],
    [{ rules: [{ ...NEWSLETTER, maxLength: 1000 }] }, '"maxLength" must be a whole number from 1 to 400'],
  ])('refuses %j with a message naming the rule and the reason', (config, message) => {
    expect(() => validateConfig(config)).toThrow(message);
  });
});

describe('clean() with rules of your own', () => {
  const text = 'A story about the harbour bridge and the council vote, long enough to be prose.\n\nGet the Gazette briefing every morning\n\nMore of the story follows here, with the mayor promising extra ferries.\n\n— Metro desk\n';

  it('removes what they match, with their id and reason, lifts metadata, and keeps the accounting', () => {
    const r = clean(text, { userRules: [NEWSLETTER, DESK] });
    expect(r.removed.map((x) => [x.lines, x.rule, x.reason])).toEqual([
      [[3, 3], 'site/newsletter', 'the Gazette newsletter box'],
      [[7, 7], 'site/desk', 'the desk credit that ends each story'],
    ]);
    expect(r.metadata.source).toBe('Metro');
    expectAccounting(text, r);
  });

  it('respect their zone, and leave the text alone without them', () => {
    const inBody = '— Metro desk\n\nA story about the harbour bridge and the council vote, long enough to be prose.\n\nMore of the story follows here.\n\nAnd more again, so the first line is far from the footer.\n\nThe end of the story, at last.\n';
    expect(clean(inBody, { userRules: [DESK] }).removed).toEqual([]);
    expect(clean(text).removed.map((x) => x.rule)).not.toContain('site/newsletter');
  });
});

describe('article-clean with a config file', () => {
  let tmp: string;
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  const dump = 'Council votes to close the bridge for repairs that engineers say are overdue.\n\nGet the Gazette briefing every morning\n\nShare on Facebook\n';
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-config-'));
    mkdirSync(path.join(tmp, 'site', '2024'), { recursive: true });
    mkdirSync(path.join(tmp, 'other'), { recursive: true });
    writeFileSync(path.join(tmp, 'site', 'article-clean.config.json'), JSON.stringify({ rules: [NEWSLETTER], disable: ['social'] }));
    writeFileSync(path.join(tmp, 'site', '2024', 'a.txt'), dump);
    writeFileSync(path.join(tmp, 'other', 'b.txt'), dump);
  });

  it('finds the nearest config above each input: its rules apply there, and not to other folders', () => {
    const r = run(['site/2024/a.txt', 'other/b.txt', '--format', 'jsonl'], tmp);
    expect(r.status).toBe(0);
    const [a, b] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.removed.map((x: { rule: string }) => x.rule)).toEqual(['site/newsletter']);
    expect(b.removed.map((x: { rule: string }) => x.rule)).toEqual(['social/subscribe', 'social/share']);
  });

  it('--config applies one file to every input; --no-config none', () => {
    const config = path.join(tmp, 'site', 'article-clean.config.json');
    const r = run(['other/b.txt', '--config', config, '--format', 'json'], tmp);
    expect(JSON.parse(r.stdout).removed.map((x: { rule: string }) => x.rule)).toEqual(['site/newsletter']);
    const none = run(['site/2024/a.txt', '--no-config', '--format', 'json'], tmp);
    expect(JSON.parse(none.stdout).removed.map((x: { rule: string }) => x.rule)).toEqual(['social/subscribe', 'social/share']);
  });

  it('--list-rules shows rules of your own with their origin', () => {
    const r = run(['--list-rules', '--no-color'], path.join(tmp, 'site'));
    expect(r.stdout.split('\n')[0]).toMatch(/^site\/newsletter\s+anywhere\s+the Gazette newsletter box {2}\(from article-clean\.config\.json\)$/);
    const json = JSON.parse(run(['--list-rules', '--format', 'json'], path.join(tmp, 'site')).stdout);
    expect(json[0]).toMatchObject({ id: 'site/newsletter', origin: 'article-clean.config.json' });
    expect(json[1]).toMatchObject({ id: 'dates/metadata-line', origin: 'built-in' });
  });

  it('a bad config stops the run before anything is cleaned: one line naming the file, the rule and the reason', () => {
    const bad = path.join(tmp, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(path.join(bad, '.articlecleanrc'), JSON.stringify({ rules: [{ ...NEWSLETTER, pattern: '([a-z' }] }));
    writeFileSync(path.join(bad, 'c.txt'), dump);
    const r = run(['c.txt'], bad);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^article-clean: \.articlecleanrc: rule "site\/newsletter": invalid pattern: Invalid regular expression: .*\n$/);
    writeFileSync(path.join(bad, '.articlecleanrc'), '{ "rules": [ }');
    expect(run(['c.txt'], bad).stderr).toMatch(/^article-clean: \.articlecleanrc: not valid JSON \(.*\)\n$/);
  });

  it('gives the same output with workers (rules cross to the threads as data)', () => {
    const many = path.join(tmp, 'site', 'many');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 12; i++) writeFileSync(path.join(many, `${i}.txt`), dump.replace('Council', `Council ${i}`));
    const one = run([many, '--format', 'jsonl', '-j', '1', '--no-template'], tmp);
    const two = run([many, '--format', 'jsonl', '-j', '2', '--no-template'], tmp);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('site/newsletter');
  });
});
