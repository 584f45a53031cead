/**
 * Hostile input, through the built binary as a user meets it: every case ends
 * with the documented exit code and, when something is wrong, exactly one
 * stderr line per problem that names the path and the reason, with no stack
 * trace. The rest of a batch goes on.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');
const seedText = readFileSync(path.join(root, 'fixtures/gazette/input.txt'), 'utf8');
const seedClean = readFileSync(path.join(root, 'fixtures/gazette/expected.txt'), 'utf8');
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const hasShell = spawnSync('sh', ['-c', 'exit 0']).status === 0;

let tmp: string;

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}): Outcome {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...options });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The stderr lines, each checked to be one of ours: "article-clean: ...", no stack frames. */
function stderrLines(r: Outcome): string[] {
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  for (const line of lines) {
    expect(line).toMatch(/^article-clean: /);
    expect(line).not.toMatch(/^\s+at |Error:|node:internal/);
  }
  return lines;
}

const write = (relative: string, content: string | Buffer): string => {
  const file = path.join(tmp, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
};

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-hostile-'));
  chmodSync(tmp, 0o755); // readable by the unprivileged user of the permission test
});

describe('hostile inputs: one line naming the path, documented exit code', () => {
  const table: { name: string; args: () => string[]; status: number; stderr: RegExp[] }[] = [
    { name: 'missing file', args: () => ['no-such.txt'], status: 2, stderr: [/^article-clean: no-such\.txt: no such file or directory$/] },
    {
      name: 'a directory with no matching files',
      args: () => (mkdirSync(path.join(tmp, 'only-md'), { recursive: true }), write('only-md/x.md', 'text'), ['only-md']),
      status: 2,
      stderr: [/^article-clean: only-md: directory has no files matching \*\*\/\*\.txt$/],
    },
    { name: 'binary file (NUL bytes)', args: () => (write('bin.txt', Buffer.from([0x41, 0x00, 0x42, 0x0a])), ['bin.txt']), status: 2, stderr: [/^article-clean: bin\.txt: binary file \(contains NUL bytes\); not cleaned$/] },
    {
      name: 'an image',
      args: () => (write('photo.txt', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')), ['photo.txt']),
      status: 2,
      stderr: [/^article-clean: photo\.txt: binary file/],
    },
    {
      name: 'undecodable bytes (not UTF-8, and no encoding guess is confident)',
      args: () => (write('latin1.txt', Buffer.from('Caf\xe9 au lait, a long enough line of text.\n', 'latin1')), ['latin1.txt']),
      status: 2,
      stderr: [/^article-clean: latin1\.txt: not valid UTF-8 \(byte 0xe9 at offset 3\); no other encoding fits well \(best guess iso-8859-1, \d+% sure\); give its encoding with --encoding$/],
    },
    {
      name: 'high bytes that are no text at all',
      args: () => (write('noise.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 127)))), ['noise.txt']),
      status: 2,
      stderr: [/^article-clean: noise\.txt: not valid UTF-8 \(byte 0x80 at offset 0\)(; no other encoding fits well \(best guess [\w-]+, \d+% sure\))?; give its encoding with --encoding$/],
    },
    { name: 'unknown --encoding', args: () => (write('plain.txt', 'Plain text.\n'), ['plain.txt', '--encoding', 'klingon']), status: 2, stderr: [/^article-clean: plain\.txt: unknown encoding "klingon"$/] },
    { name: 'file over --max-size', args: () => (write('big.txt', 'x'.repeat(3000) + '\n'), ['big.txt', '--max-size', '0.001']), status: 2, stderr: [/^article-clean: big\.txt: 3 kB is over the 1 kB limit for one document \(--max-size\)$/] },
    { name: '--threshold 2', args: () => ['x.txt', '--threshold', '2'], status: 2, stderr: [/^article-clean: option '--threshold <n>' argument '2' is invalid\. .*\(see --help\)$/] },
    { name: '--format xml', args: () => ['x.txt', '--format', 'xml'], status: 2, stderr: [/^article-clean: option '-f, --format <format>' argument 'xml' is invalid\. .*\(see --help\)$/] },
    { name: 'unknown rule in --disable', args: () => ['x.txt', '--disable', 'no/such-rule'], status: 2, stderr: [/^article-clean: .*unknown rule "no\/such-rule" \(see --list-rules\)\. \(see --help\)$/] },
    { name: 'unknown option', args: () => ['--frobnicate'], status: 2, stderr: [/^article-clean: unknown option '--frobnicate' \(see --help\)$/] },
    { name: '--in-place with JSON', args: () => ['x.txt', '--in-place', '--format', 'json'], status: 2, stderr: [/^article-clean: --in-place writes what it read .*\(see --help\)$/] },
    { name: '--out-dir with --check', args: () => ['x.txt', '--out-dir', 'o', '--check'], status: 2, stderr: [/^article-clean: option '--out-dir <dir>' cannot be used with option '--check' \(see --help\)$/] },
  ];

  it.each(table)('$name', ({ args, status, stderr }) => {
    const r = run(args());
    expect(r.status).toBe(status);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(stderr.length);
    stderr.forEach((re, i) => expect(lines[i]).toMatch(re));
    expect(r.stdout).toBe('');
  });

  it('an empty file cleans to empty output, exit 0, nothing on stderr', () => {
    write('empty.txt', '');
    expect(run(['empty.txt'])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('a file without a trailing newline is cleaned, and the output ends with one', () => {
    write('no-eol.txt', 'The council met on Tuesday to discuss the budget for next year.');
    expect(run(['no-eol.txt'])).toEqual({ status: 0, stdout: 'The council met on Tuesday to discuss the budget for next year.\n', stderr: '' });
  });

  it('a path with spaces and Unicode is read and named as given', () => {
    write('dossier été/статья 新闻.txt', seedText);
    const r = run(['dossier été', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source).toBe(path.join('dossier été', 'статья 新闻.txt'));
    expect(JSON.parse(r.stdout).text).toBe(seedClean);
  });

  it('a batch with bad files among good ones cleans every good file, lists every bad one, exits 2', () => {
    write('batch/1-good.txt', seedText);
    write('batch/2-binary.txt', Buffer.from([0, 1, 2, 3]));
    write('batch/3-empty.txt', '');
    write('batch/4-noise.txt', Buffer.from(Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 37) % 127))));
    write('batch/5-good.txt', 'A second good file with one line of plain prose in it.\n');
    const r = run(['batch', 'batch/missing.txt', '--format', 'jsonl']);
    expect(r.status).toBe(2);
    const sources = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source as string);
    expect(sources).toEqual(['batch/1-good.txt', 'batch/3-empty.txt', 'batch/5-good.txt']);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/batch\/missing\.txt: no such file/);
    expect(lines.join('\n')).toMatch(/batch\/2-binary\.txt: binary file/);
    expect(lines.join('\n')).toMatch(/batch\/4-noise\.txt: not valid UTF-8/);
  });

  it('a symbolic-link loop in a folder is reported as a warning, every file is cleaned once, exit 0', () => {
    write('looped/inner/a.txt', 'The only file in this folder, with one line of prose.\n');
    symlinkSync('..', path.join(tmp, 'looped/inner/up'));
    const r = run(['looped', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source)).toEqual(['looped/inner/a.txt']);
    expect(stderrLines(r)).toEqual(['article-clean: looped/inner/up: warning: symbolic link loop; not followed']);
  });

  it.skipIf(isRoot && !hasSetpriv)('permission denied: an unreadable file and an unreadable folder are named, the rest is cleaned', () => {
    write('locked/readable.txt', 'This file can be read by anyone, and it has prose.\n');
    const secret = write('locked/secret.txt', 'Nobody may read this one.\n');
    write('locked/closed/inner.txt', 'Inside a folder nobody may open.\n');
    chmodSync(secret, 0o000);
    chmodSync(path.join(tmp, 'locked/closed'), 0o000);
    // root reads everything, so run as an unprivileged user when we are root.
    const r = isRoot
      ? (() => {
          const s = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, 'locked', '--format', 'jsonl'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
          return { status: s.status, stdout: s.stdout, stderr: s.stderr };
        })()
      : run(['locked', '--format', 'jsonl']);
    expect(r.status).toBe(2);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source)).toEqual(['locked/readable.txt']);
    const lines = stderrLines(r);
    expect(lines).toEqual(['article-clean: locked/closed: cannot read folder (permission denied); its files were skipped', 'article-clean: locked/secret.txt: permission denied']);
  });

  it('--in-place on a read-only file refuses, leaves it as it was, and still rewrites the others', () => {
    const ro = write('inplace/ro.txt', seedText);
    const rw = write('inplace/rw.txt', seedText);
    chmodSync(ro, 0o444);
    const r = run(['inplace', '--in-place']);
    expect(r.status).toBe(2);
    expect(stderrLines(r)).toEqual(['article-clean: inplace/ro.txt: read-only file; not modified']);
    expect(readFileSync(ro, 'utf8')).toBe(seedText);
    expect(statSync(ro).mode & 0o777).toBe(0o444);
    expect(readFileSync(rw, 'utf8')).toBe(seedClean);
    expect(r.stdout).toBe('');
  });

  it('an --out-dir inside the input folder is never read back as input', () => {
    write('nested/a.txt', seedText);
    write('nested/b.txt', 'Just one plain line of prose for the second file.\n');
    for (let round = 0; round < 2; round++) {
      const r = run(['nested', '--out-dir', 'nested/clean']);
      expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    }
    expect(readdirSync(path.join(tmp, 'nested/clean')).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(path.join(tmp, 'nested/clean/a.txt'), 'utf8')).toBe(seedClean);
  });

  it('stdin closed early: what arrived is cleaned, exit 0', async () => {
    const child = spawn(process.execPath, [bin], { cwd: tmp, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stdin.write('Share on Facebook\nThe first half of an article that was cut off in the middle of');
    child.stdin.end();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stdout).toBe('The first half of an article that was cut off in the middle of\n');
  });

  it.skipIf(!hasShell)('many files in one folder with a low open-file limit: no EMFILE', () => {
    for (let i = 0; i < 1500; i++) write(`many/${String(i).padStart(5, '0')}.txt`, `Note number ${i}, a short line of prose in a tiny file.\n`);
    const r = spawnSync('sh', ['-c', `ulimit -n 40 && "${process.execPath}" "${bin}" many --out-dir many-out`], { cwd: tmp, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(path.join(tmp, 'many-out'))).toHaveLength(1500);
  });

  it('SIGINT mid-batch: exit 130, no temporary or half-written file left', async () => {
    // Files big enough that each takes a while, so the signal lands mid-batch.
    const big = Array.from({ length: 60 }, (_, i) => seedText.replace(/Krasnov/g, `Krasnov${i}`)).join('\n\n');
    for (let i = 0; i < 40; i++) write(`interrupt/${String(i).padStart(2, '0')}.txt`, big);
    const expected = run([path.join('interrupt', '00.txt'), '--no-template']).stdout;
    const out = path.join(tmp, 'interrupt-out');
    const child = spawn(process.execPath, [bin, 'interrupt', '--out-dir', out, '--no-template'], { cwd: tmp });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Wait for the first finished output, then interrupt.
    while (!(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.txt')))) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toBe('');
    const files = readdirSync(out);
    expect(files.filter((f) => !/^\d\d\.txt$/.test(f))).toEqual([]); // no .tmp leftovers
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(40);
    for (const f of files) expect(readFileSync(path.join(out, f), 'utf8')).toBe(expected);
  });
});
