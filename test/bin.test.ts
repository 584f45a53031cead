/** The built binary, spawned as a user runs it: pipes, exit codes, broken pipes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');
const seed = path.join(root, 'fixtures/gazette/input.txt');
const expected = readFileSync(path.join(root, 'fixtures/gazette/expected.txt'), 'utf8');

function spawn(args: string[], input?: string | Buffer) {
  return spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-bin-'));
});

describe('bin/article-clean.js', () => {
  it('cleans a file given as argument', () => {
    const r = spawn([seed]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(r.stderr).toBe('');
  });

  it('gives the same text from stdin', () => {
    const r = spawn([], readFileSync(seed));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it('reports a missing file in one line, no stack trace, exit 2', () => {
    const r = spawn(['missing.txt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('article-clean: missing.txt: no such file or directory\n');
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(spawn(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('exits 0 without an EPIPE trace when stdout closes early (| head -1)', () => {
    // Enough distinct paragraphs (random words) to overflow the pipe buffer many times over.
    let state = 7;
    const word = (): string => {
      state = (state * 1103515245 + 12345) >>> 0;
      return (state >>> 8).toString(36).slice(0, 3 + (state % 6));
    };
    const paragraphs = Array.from({ length: 5000 }, () => Array.from({ length: 25 }, word).join(' ') + '.');
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, paragraphs.join('\n\n') + '\n');
    const script = `"${process.execPath}" "${bin}" "${big}" | head -1; echo "status:\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(r.stdout).toBe(`${paragraphs[0]}\n`);
    expect(r.stderr).toBe('status:0\n');
  });

  it('is usable as a filter in a shell pipeline', () => {
    const out = execFileSync('bash', ['-c', `cat "${seed}" | "${process.execPath}" "${bin}" - | wc -l`], { encoding: 'utf8' });
    expect(Number(out.trim())).toBe(expected.split('\n').length - 1);
  });
});
