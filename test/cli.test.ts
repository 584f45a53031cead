/** The CLI in-process: main(io) with fake streams, every option and error path. */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const root = path.resolve(import.meta.dirname, '..');
const seed = 'fixtures/gazette/input.txt';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], opts: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string; stdinTTY?: boolean; stderrTTY?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]), { isTTY: opts.stdinTTY ?? false });
  const code = await main({
    argv,
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.stderrTTY ?? false },
    env: opts.env ?? {},
    cwd: opts.cwd ?? root,
  });
  return { code, stdout, stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-cli-'));
  mkdirSync(path.join(tmp, 'dumps/sub'), { recursive: true });
  writeFileSync(path.join(tmp, 'dumps/a.txt'), readFileSync(path.join(root, seed)));
  writeFileSync(path.join(tmp, 'dumps/sub/b.txt'), 'A short clean note that needs nothing removed at all.\n');
  writeFileSync(path.join(tmp, 'dumps/skip.md'), 'Share on Facebook\n');
  mkdirSync(path.join(tmp, 'empty-dir'));
});

describe('text output', () => {
  it('cleans the seed to fixtures/gazette/expected.txt', async () => {
    const r = await run([seed]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(path.join(root, 'fixtures/gazette/expected.txt'), 'utf8'));
  });

  it('reads stdin when no path is given, and with "-"', async () => {
    const input = readFileSync(path.join(root, seed));
    const fromFile = await run([seed]);
    expect((await run([], { stdin: input })).stdout).toBe(fromFile.stdout);
    expect((await run(['-'], { stdin: input })).stdout).toBe(fromFile.stdout);
  });

  it('separates several documents with a form-feed line', async () => {
    const r = await run(['dumps'], { cwd: tmp });
    const docs = r.stdout.split('\f\n');
    expect(docs).toHaveLength(2);
    expect(docs[1]).toBe('A short clean note that needs nothing removed at all.\n');
  });
});

describe('json output', () => {
  it('one input gives one JSON document equal to expected.json', async () => {
    const r = await run([seed, '--format', 'json']);
    expect(r.stdout).toBe(readFileSync(path.join(root, 'fixtures/gazette/expected.json'), 'utf8'));
  });

  it('several inputs give JSON Lines with sources in sorted path order (folders recursed, *.txt only)', async () => {
    const r = await run(['dumps', '--format', 'json'], { cwd: tmp });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).source)).toEqual([path.join('dumps', 'a.txt'), path.join('dumps', 'sub/b.txt')]);
  });

  it('--glob changes which files a folder gives', async () => {
    const r = await run(['dumps', '--glob', '*.md', '--format', 'jsonl'], { cwd: tmp });
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    expect(records[0].removed[0].rule).toBe('social/share');
  });

  it('stdin is named "-" in JSON', async () => {
    const r = await run(['--format', 'jsonl'], { stdin: 'Hello there.\n' });
    expect(JSON.parse(r.stdout).source).toBe('-');
  });
});

describe('options', () => {
  it('--no-dedupe keeps the repeated lead', async () => {
    const r = await run([seed, '--no-dedupe']);
    expect(r.stdout.match(/The Gazette reported that/g)).toHaveLength(2);
  });

  it('--disable turns off a rule by id and a family by name', async () => {
    const byId = await run([seed, '--disable', 'credits/source-parenthesized']);
    expect(byId.stdout).toContain('(Source: APD News)');
    const byFamily = await run([seed, '--disable', 'dates,bylines']);
    expect(byFamily.stdout).toContain('2024/04/2404:08:32 international 1518');
    // Without the dateline removed, the publisher line has no dateline above it.
    expect(byFamily.stdout).toContain('Asia Pacific Daily Winter Rain');
  });

  it('--keep longest keeps the longer of two near copies', async () => {
    const a = 'The council voted on Tuesday to close the old bridge to heavy traffic from next month onwards.';
    const b = 'The council voted on Tuesday to close the old bridge to all heavy traffic from next month onwards, officials said.';
    const first = JSON.parse((await run(['--format', 'json', '--threshold', '0.8'], { stdin: `${a}\n\n${b}\n` })).stdout);
    const longest = JSON.parse((await run(['--format', 'json', '--threshold', '0.8', '--keep', 'longest'], { stdin: `${b}\n\n${a}\n` })).stdout);
    // Neither contains the other ("all" was inserted), so these are near copies and the policy decides.
    expect(first.duplicates[0]).toMatchObject({ lines: [3, 3], of: { lines: [1, 1] }, kind: 'near' });
    expect(longest.duplicates[0]).toMatchObject({ lines: [3, 3], of: { lines: [1, 1] } });
    expect(longest.text).toContain('officials said');
  });

  it('-o writes the output to a file, atomically, and not over an input', async () => {
    const out = path.join(tmp, 'out.txt');
    const r = await run([seed, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(root, 'fixtures/gazette/expected.txt'), 'utf8'));
    const clash = await run(['dumps/a.txt', '-o', 'dumps/a.txt'], { cwd: tmp });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/^article-clean: dumps\/a\.txt: is also an input/);
  });

  it('-o into a folder that does not exist fails in one line, exit 2, leaving nothing behind', async () => {
    const r = await run([seed, '-o', path.join(tmp, 'no/such/dir/out.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article-clean: .*out\.txt: cannot write: no such file or directory$/m);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--check exits 1 when something would be removed, 0 when not, and writes no data', async () => {
    const dirty = await run([seed, '--check']);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toBe('');
    expect(dirty.stderr).toContain('4 lines would be removed, 1 duplicate paragraphs dropped');
    const cleanRun = await run(['--check'], { stdin: 'Nothing to see here, just a sentence.\n' });
    expect(cleanRun.code).toBe(0);
  });

  it('--explain reports every removal and duplicate with line numbers and rule ids', async () => {
    const r = await run([seed, '--explain']);
    for (const expected of ['L3 ', 'dates/metadata-line', 'L5 ', 'bylines/publisher-line', 'L13 ', 'contained copy of L1', 'L21 ', 'L23 ', 'footers/category']) {
      expect(r.stderr).toContain(expected);
    }
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });

  it('colors the report by --color/--no-color > NO_COLOR > FORCE_COLOR > TTY', async () => {
    const ansi = /\u001b\[/;
    expect((await run([seed, '--explain'], { stderrTTY: true })).stderr).toMatch(ansi);
    expect((await run([seed, '--explain'], { stderrTTY: true, env: { NO_COLOR: '1' } })).stderr).not.toMatch(ansi);
    expect((await run([seed, '--explain'], { env: { FORCE_COLOR: '1' } })).stderr).toMatch(ansi);
    expect((await run([seed, '--explain', '--color'], { env: { NO_COLOR: '1' } })).stderr).toMatch(ansi);
    expect((await run([seed, '--explain', '--no-color'], { stderrTTY: true, env: { FORCE_COLOR: '1' } })).stderr).not.toMatch(ansi);
  });

  it('--list-rules prints every rule id with its description, and JSON with --format json', async () => {
    const r = await run(['--list-rules']);
    expect(r.stdout).toMatch(/^dates\/metadata-line\s+anywhere\s+a line of metadata only/m);
    const list = JSON.parse((await run(['--list-rules', '--format', 'json'])).stdout);
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(list[0]).toHaveProperty('examples.removes');
  });

  it('--version and --help exit 0', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect((await run(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes:');
  });
});

describe('page mode and template lines', () => {
  const page = 'fixtures/page-lynx-news-en/input.txt';

  it('--mode article leaves a whole page alone; auto reads it as a page and keeps the headline; --no-title drops it', async () => {
    const auto = JSON.parse((await run([page, '--format', 'json'])).stdout);
    expect(auto.mode).toBe('page');
    expect(auto.text.startsWith('Calder Bay council backs £38m tidal barrier after decade of delays\n\n')).toBe(true);
    const article = JSON.parse((await run([page, '--format', 'json', '--mode', 'article'])).stdout);
    expect(article.mode).toBe('article');
    expect(article.text).toContain('Skip to main content');
    const noTitle = (await run([page, '--no-title'])).stdout;
    expect(noTitle.startsWith('Councillors in Calder Bay')).toBe(true);
  });

  it('--explain shows page removals as runs with their reasons', async () => {
    const r = await run([page, '--explain']);
    expect(r.stderr).toContain('(read as a whole page)');
    expect(r.stderr).toMatch(/page\/link-list: .* \(\d+ blocks\)/);
  });

  it('learns template lines across the files of a folder, and not for a lone file', async () => {
    mkdirSync(path.join(tmp, 'site'));
    for (let i = 0; i < 6; i++) {
      writeFileSync(path.join(tmp, 'site', `p${i}.txt`), `Story ${i}: the harbour wall was repaired on day ${i} after a long winter of storms.\n\nHarbour News, 1 Quay Street, Portwell\n`);
    }
    const batch = (await run(['site', '--format', 'jsonl'], { cwd: tmp })).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(batch).toHaveLength(6);
    for (const r of batch) expect(r.removed).toEqual([expect.objectContaining({ rule: 'template/repeated-across-files', detail: 'in 6 of 6 files of this batch' })]);
    const lone = await run(['site/p0.txt'], { cwd: tmp });
    expect(lone.stdout).toContain('Harbour News, 1 Quay Street');
    const off = await run(['site', '--no-template'], { cwd: tmp });
    expect(off.stdout).toContain('Harbour News, 1 Quay Street');
    const higher = await run(['site', '--template-min-files', '7'], { cwd: tmp });
    expect(higher.stdout).toContain('Harbour News, 1 Quay Street');
  });

  it('--list-rules includes the page and template rules; --disable accepts them', async () => {
    const r = await run(['--list-rules']);
    expect(r.stdout).toMatch(/^page\/outside-article\s+page\s+/m);
    expect(r.stdout).toMatch(/^template\/repeated-across-files\s+batch\s+/m);
    expect((await run([page, '--disable', 'page/link-list,template'])).code).toBe(0);
  });
});

describe('usage errors exit 2 with one line', () => {
  it.each([
    [['--threshold', '2', seed], /--threshold.*must be a number greater than 0/],
    [['--format', 'xml', seed], /Allowed choices are text, json, jsonl/],
    [['--keep', 'last', seed], /Allowed choices are first, longest/],
    [['--disable', 'nope/rule', seed], /unknown rule "nope\/rule"/],
    [['--bogus'], /unknown option '--bogus'/],
    [['-', '-'], /stdin \("-"\) can be read only once/],
    [['--mode', 'site', seed], /Allowed choices are auto, article, page/],
    [['--template-min-files', '1', seed], /must be a whole number of at least 2/],
    [['--id-field', 'id', seed], /--id-field names JSONL records; it needs --input-format jsonl/],
  ])('%j', async (argv, message) => {
    const r = await run(argv as string[], { stdin: 'x\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^article-clean: /);
  });

  it('no input on a terminal is a usage error, not a hang', async () => {
    const r = await run([], { stdinTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no input/);
  });
});

describe('bad input: one line naming the file, the batch goes on, exit 2', () => {
  const cases: [string, Buffer | null, RegExp][] = [
    ['missing.txt', null, /missing\.txt: no such file or directory$/],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /binary\.txt: binary file/],
    ['latin1.txt', Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'), /latin1\.txt: not valid UTF-8 \(byte 0xe9 at offset 3\)/],
  ];
  it.each(cases)('%s', async (name, bytes, message) => {
    if (bytes) writeFileSync(path.join(tmp, name), bytes);
    const r = await run([name, 'dumps/sub/b.txt'], { cwd: tmp });
    expect(r.code).toBe(2);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^article-clean: ${message.source}`));
    // The good file was still cleaned.
    expect(r.stdout).toBe('A short clean note that needs nothing removed at all.\n');
  });

  it('an empty file cleans to empty output, exit 0', async () => {
    writeFileSync(path.join(tmp, 'empty.txt'), '');
    const r = await run(['empty.txt', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ text: '', paragraphs: [], stats: { linesIn: 0 } });
  });

  it('a folder with no matching files is an error naming it', async () => {
    const r = await run(['empty-dir'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('article-clean: empty-dir: directory has no files matching **/*.txt\n');
  });

  it('a glob that matches nothing is an error naming it', async () => {
    const r = await run(['nothing-*.txt'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('article-clean: nothing-*.txt: no files match this pattern\n');
  });

  it('UTF-16 with a BOM and --encoding for legacy encodings are decoded', async () => {
    writeFileSync(path.join(tmp, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Source: Reuters\n\nКрасивый текст статьи о погоде в Москве сегодня.\n', 'utf16le')]));
    const r = await run(['utf16.txt'], { cwd: tmp });
    expect(r.stdout).toBe('Красивый текст статьи о погоде в Москве сегодня.\n');
    writeFileSync(path.join(tmp, 'cp1251.txt'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0a]));
    const legacy = await run(['cp1251.txt', '--encoding', 'windows-1251'], { cwd: tmp });
    expect(legacy.stdout).toBe('Привет\n');
    const unknown = await run(['cp1251.txt', '--encoding', 'klingon'], { cwd: tmp });
    expect(unknown.stderr).toBe('article-clean: cp1251.txt: unknown encoding "klingon"\n');
  });

  it('never modifies its inputs', async () => {
    const before = readFileSync(path.join(tmp, 'dumps/a.txt'));
    await run(['dumps', '--format', 'json'], { cwd: tmp });
    expect(readFileSync(path.join(tmp, 'dumps/a.txt')).equals(before)).toBe(true);
    expect(existsSync(path.join(tmp, 'dumps/a.json'))).toBe(false);
  });
});

describe('batch outputs: --out-dir, --in-place, --split, --ignore', () => {
  const seedText = (): string => readFileSync(path.join(root, seed), 'utf8');
  const seedClean = (): string => readFileSync(path.join(root, 'fixtures/gazette/expected.txt'), 'utf8');

  it('--out-dir mirrors the tree, with the format\'s extension, and writes nothing to stdout', async () => {
    const r = await run(['dumps', '--out-dir', 'out-json', '--format', 'json'], { cwd: tmp });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(tmp, 'out-json/a.json'), 'utf8')).text).toBe(seedClean());
    expect(JSON.parse(readFileSync(path.join(tmp, 'out-json/sub/b.json'), 'utf8')).source).toBe(path.join('dumps', 'sub/b.txt'));
  });

  it('--out-dir refuses to write two inputs into one file, and stdin', async () => {
    mkdirSync(path.join(tmp, 'twin/x'), { recursive: true });
    writeFileSync(path.join(tmp, 'twin/x/same.txt'), 'First file with this name, and one line.\n');
    writeFileSync(path.join(tmp, 'twin/same.txt'), 'Second file with this name, and one line.\n');
    const r = await run(['twin/same.txt', 'twin/x/same.txt', '--out-dir', 'twin-out'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article-clean: twin\/x\/same\.txt: its output .*twin-out\/same\.txt was already written for twin\/same\.txt; not written\n$/);
    expect(readFileSync(path.join(tmp, 'twin-out/same.txt'), 'utf8')).toBe('Second file with this name, and one line.\n');
    const piped = await run(['--out-dir', 'x'], { stdin: 'text' });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/^article-clean: -: --out-dir needs files/);
  });

  it('--in-place rewrites changed files (keeping a --backup), leaves clean ones untouched', async () => {
    mkdirSync(path.join(tmp, 'rewrite'), { recursive: true });
    writeFileSync(path.join(tmp, 'rewrite/dirty.txt'), seedText());
    writeFileSync(path.join(tmp, 'rewrite/clean.txt'), 'Nothing to remove in this one line of prose.\n');
    const r = await run(['rewrite', '--in-place', '--backup', '.bak'], { cwd: tmp });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(tmp, 'rewrite/dirty.txt'), 'utf8')).toBe(seedClean());
    expect(readFileSync(path.join(tmp, 'rewrite/dirty.txt.bak'), 'utf8')).toBe(seedText());
    expect(existsSync(path.join(tmp, 'rewrite/clean.txt.bak'))).toBe(false);
  });

  it('--split cuts at form-feed lines: one result per article, line numbers of the whole file', async () => {
    const text = `${seedText()}\n\f\nShare on Facebook\nA second article of a single line of prose.\n`;
    const r = await run(['--split', '--format', 'jsonl'], { stdin: text });
    const results = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(results.map((x) => x.source)).toEqual(['-#1', '-#2']);
    expect(results[0].text).toBe(seedClean());
    const firstLine = seedText().split('\n').length + 2; // the seed, the form-feed line
    expect(results[1].removed[0]).toMatchObject({ lines: [firstLine, firstLine], rule: 'social/share' });
    expect(results[1].paragraphs[0].lines).toEqual([firstLine + 1, firstLine + 1]);
    // Text output keeps the input's own separator line between articles.
    const asText = await run(['--split', '^=+$'], { stdin: 'One article, one line of prose.\n=====\nAnother article, one line.\n' });
    expect(asText.stdout).toBe('One article, one line of prose.\n=====\nAnother article, one line.\n');
  });

  it('--split streams: an article over --max-size is an error naming it, the others are cleaned', async () => {
    const r = await run(['--split', '--max-size', '0.0001', '--format', 'jsonl'], { stdin: `Short article.\n\f\n${'x'.repeat(500)}\n\f\nAnother short one.\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('article-clean: -#2: part is over the 100 B limit for one document (--max-size)\n');
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).text)).toEqual(['Short article.\n', 'Another short one.\n']);
  });

  it('JSONL: a record over --max-size is reported with its line and handled per --on-error; the others are cleaned', async () => {
    const stdin = `${JSON.stringify({ text: 'Short one.' })}\n${JSON.stringify({ text: 'x'.repeat(500) })}\n${JSON.stringify({ text: 'Another.' })}\n`;
    const failed = await run(['--input-format', 'jsonl', '--max-size', '0.0001'], { stdin });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe('article-clean: -:2: record is over the 100 B limit for one document (--max-size)\n');
    expect(failed.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).text)).toEqual(['Short one.', 'Another.']);
    const passed = await run(['--input-format', 'jsonl', '--max-size', '0.0001', '--on-error', 'pass'], { stdin });
    expect(passed.code).toBe(0);
    expect(passed.stdout.split('\n')[1]).toBe(JSON.stringify({ text: 'x'.repeat(500) }));
  });

  it('--split with a bad regular expression is a usage error', async () => {
    const r = await run(['--split', '(', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^article-clean: --split: invalid regular expression/);
  });

  it('--ignore and .articlecleanignore leave files out', async () => {
    mkdirSync(path.join(tmp, 'ign/drafts'), { recursive: true });
    for (const f of ['ign/keep.txt', 'ign/skip-me.txt', 'ign/drafts/d.txt', 'ign/other.txt']) writeFileSync(path.join(tmp, f), 'One line of prose for the ignore test.\n');
    writeFileSync(path.join(tmp, 'ign/.articlecleanignore'), '# drafts are not ready\ndrafts/\nskip-*.txt\n');
    const r = await run(['ign', '--ignore', '**/other.txt', '--format', 'jsonl'], { cwd: tmp });
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source)).toEqual([path.join('ign', 'keep.txt')]);
  });
});

describe('JSON Lines input', () => {
  const records = [
    JSON.stringify({ id: 1, text: 'Share on Facebook\nThe mayor opened the new bridge on Monday, officials said.' }),
    'not json',
    '',
    JSON.stringify({ id: 3, body: 'no text field' }),
    JSON.stringify({ id: 4, meta: { lang: 'en' }, doc: { text: 'Nested text field, one line of prose only.\n' } }),
    JSON.stringify({ id: 5, text: 'Second record, clean text, one line of prose only.' }),
  ].join('\n');

  it('cleans the text field of each record, in order, and adds the result under articleClean', async () => {
    const r = await run(['--input-format', 'jsonl', '--on-error', 'skip'], { stdin: records });
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, 5]);
    expect(out[0].text).toBe('The mayor opened the new bridge on Monday, officials said.');
    expect(out[0].articleClean).toMatchObject({ source: '-:1', removed: [{ lines: [1, 1], rule: 'social/share' }] });
    expect(out[0].articleClean.text).toBeUndefined();
    expect(r.stderr).toBe('article-clean: -:2: not valid JSON (Unexpected token \'o\', "not json" is not valid JSON); skipped\narticle-clean: -:4: has no "text" field; skipped\narticle-clean: -:5: has no "text" field; skipped\n');
  });

  it('--on-error pass writes malformed lines through unchanged; fail (the default) drops them and exits 2', async () => {
    const passed = await run(['--input-format', 'jsonl', '--on-error', 'pass'], { stdin: records });
    expect(passed.code).toBe(0);
    expect(passed.stdout.split('\n').slice(1, 3)).toEqual(['not json', JSON.stringify({ id: 3, body: 'no text field' })]);
    const failed = await run(['--input-format', 'jsonl'], { stdin: records });
    expect(failed.code).toBe(2);
    expect(failed.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(failed.stderr.trimEnd().split('\n')).toEqual(['article-clean: -:2: not valid JSON (Unexpected token \'o\', "not json" is not valid JSON)', 'article-clean: -:4: has no "text" field', 'article-clean: -:5: has no "text" field']);
  });

  it('--id-field names each result by the record\'s id (a string or number, nested with a.b); file:line when it has none', async () => {
    const lines = [
      { id: 'doc-7', text: 'First record, one line of prose only.' },
      { id: 42, text: 'Second record, one line of prose only.' },
      { text: 'Third record has no id at all, prose only.' },
      { id: null, text: 'Fourth record has a null id, prose only.' },
      { id: '', meta: { id: 'x-5' }, text: 'Fifth record has an empty id, prose only.' },
    ].map((r) => JSON.stringify(r));
    const sources = async (argv: string[]): Promise<string[]> => {
      const r = await run(['--input-format', 'jsonl', ...argv], { stdin: `${lines.join('\n')}\n` });
      expect(r.code).toBe(0);
      return r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).articleClean.source);
    };
    expect(await sources(['--id-field', 'id'])).toEqual(['doc-7', '42', '-:3', '-:4', '-:5']);
    expect(await sources(['--id-field', 'meta.id'])).toEqual(['-:1', '-:2', '-:3', '-:4', 'x-5']);
    expect(await sources([])).toEqual(['-:1', '-:2', '-:3', '-:4', '-:5']);
  });

  it('--text-field reaches a nested field; --format text gives the clean texts', async () => {
    const r = await run(['--input-format', 'jsonl', '--text-field', 'doc.text', '--on-error', 'skip'], { stdin: records });
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([4]);
    expect(out[0]).toMatchObject({ meta: { lang: 'en' }, doc: { text: 'Nested text field, one line of prose only.\n' } });
    const text = await run(['--input-format', 'jsonl', '--on-error', 'skip', '--format', 'text'], { stdin: records });
    expect(text.stdout).toBe('The mayor opened the new bridge on Monday, officials said.\n\f\nSecond record, clean text, one line of prose only.\n');
  });
});

describe('legacy encodings without --encoding', () => {
  // "Привет мир, это новости дня. В Москве сегодня хорошая погода." in Windows-1251.
  const cp1251 = Buffer.from('cff0e8e2e5f220ece8f02c20fdf2ee20edeee2eef1f2e820e4edff2e20c220cceef1eae2e520f1e5e3eee4edff20f5eef0eef8e0ff20efeee3eee4e02e', 'hex');
  // "你好世界，这是一条新闻。" in GBK.
  const gbk = Buffer.from('c4e3bac3cac0bde7a3acd5e2cac7d2bbccf5d0c2cec5a1a3', 'hex');

  it('are detected and decoded (the guess is reported with --explain), whole or streamed', async () => {
    writeFileSync(path.join(tmp, 'ru-1251.txt'), Buffer.concat([Buffer.from('Source: Reuters\n\n'), cp1251, Buffer.from('\n')]));
    const r = await run(['ru-1251.txt', '--explain'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Привет мир, это новости дня. В Москве сегодня хорошая погода.\n');
    expect(r.stderr).toMatch(/^ru-1251\.txt: not UTF-8; decoded as windows-1251 \(detected, \d+% sure; --encoding forces one\)\n/);
    const streamed = await run(['--split'], { stdin: Buffer.concat([cp1251, Buffer.from('\n')]) });
    expect(streamed.stdout).toBe('Привет мир, это новости дня. В Москве сегодня хорошая погода.\n');
    writeFileSync(path.join(tmp, 'zh-gbk.txt'), Buffer.concat([gbk, Buffer.from('\n')]));
    expect((await run(['zh-gbk.txt'], { cwd: tmp })).stdout).toBe('你好世界，这是一条新闻。\n');
  });

  it('Windows-1252 keeps its curly quotes, dashes, € and ™ (bytes 0x80-0x9F), detected, given or streamed', async () => {
    // Node 20's own windows-1252 decoder gives C1 controls there, which normalization would delete.
    const cp1252 = Buffer.from('\x93Le caf\xe9\x94 \x96 a long sentence about the caf\xe9 terrace, the prices in \x80 and the brand\x99 on the awning.\n', 'latin1');
    const expected = '“Le café” – a long sentence about the café terrace, the prices in € and the brand™ on the awning.\n';
    writeFileSync(path.join(tmp, 'cp1252.txt'), cp1252);
    expect((await run(['cp1252.txt', '--encoding', 'windows-1252'], { cwd: tmp })).stdout).toBe(expected);
    expect((await run(['cp1252.txt', '--encoding', 'latin1'], { cwd: tmp })).stdout).toBe(expected);
    expect((await run(['cp1252.txt'], { cwd: tmp })).stdout).toBe(expected);
    expect((await run(['--split', '--encoding', 'windows-1252'], { stdin: cp1252 })).stdout).toBe(expected);
  });

  it('--fix-mojibake repairs UTF-8 that was read as Windows-1252 upstream, and says so', async () => {
    const broken = Buffer.from('The new caf\u00c3\u00a9 \u00e2\u20ac\u0153Le Port\u00e2\u20ac\u009d opened on the quay on Tuesday morning.\n', 'utf8');
    writeFileSync(path.join(tmp, 'mojibake.txt'), broken);
    const plain = await run(['mojibake.txt'], { cwd: tmp });
    expect(plain.stdout).toContain('cafÃ©');
    const fixed = await run(['mojibake.txt', '--fix-mojibake', '--explain'], { cwd: tmp });
    expect(fixed.stdout).toBe('The new café “Le Port” opened on the quay on Tuesday morning.\n');
    expect(fixed.stderr).toMatch(/L1 +repaired +mojibake repaired: UTF-8 text that had been read as Windows-1252\/Latin-1/);
    const json = JSON.parse((await run(['mojibake.txt', '--fix-mojibake', '--format', 'json'], { cwd: tmp })).stdout);
    expect(json.changes).toEqual([expect.objectContaining({ lines: [1, 1], kind: 'mojibake', from: 'utf8-as-cp1252' })]);
  });
});
