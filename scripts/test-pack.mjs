#!/usr/bin/env node
/**
 * Packaged-install test (npm run test:pack): pack the package as npm would
 * publish it, install the tarball into an empty project, and run it there the
 * way a user would: `npx article-clean` on the seed dump, `--version`, and the
 * library import. Catches a file missing from "files", a wrong "bin" path, or
 * a dependency listed under devDependencies by mistake.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'article-clean-pack-'));
const quiet = { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' };
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { ...quiet, cwd });

function check(name, actual, expected) {
  if (actual !== expected) {
    console.error(`FAIL ${name}\n--- expected\n${expected}\n--- actual\n${actual}`);
    process.exit(1);
  }
  console.log(`ok   ${name}`);
}

try {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  const tarball = path.join(work, packed[0].filename);
  console.log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${packed[0].size} bytes`);

  const project = path.join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'pack-test', version: '1.0.0', private: true, type: 'module' }));
  npm(['install', '--prefer-offline', tarball], project);

  const seed = path.join(root, 'fixtures/gazette/input.txt');
  const expected = readFileSync(path.join(root, 'fixtures/gazette/expected.txt'), 'utf8');
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  check('npx article-clean <seed> prints the expected clean text', execFileSync('npx', ['--no-install', 'article-clean', seed], { ...quiet, cwd: project }), expected);
  check('npx article-clean --version', execFileSync('npx', ['--no-install', 'article-clean', '--version'], { ...quiet, cwd: project }).trim(), version);
  const listed = execFileSync('npx', ['--no-install', 'article-clean', '--list-rules', '--format', 'json'], { ...quiet, cwd: project });
  check('npx article-clean --list-rules lists rules', JSON.parse(listed).length > 20, true);
  // Worker threads load dist/bundle/worker.js from the installed package.
  const folder = path.join(root, 'fixtures');
  const inline = execFileSync('npx', ['--no-install', 'article-clean', folder, '--glob', '**/input.txt', '--format', 'jsonl', '-j', '1'], { ...quiet, cwd: project, maxBuffer: 1 << 26 });
  const pooled = execFileSync('npx', ['--no-install', 'article-clean', folder, '--glob', '**/input.txt', '--format', 'jsonl', '-j', '2'], { ...quiet, cwd: project, maxBuffer: 1 << 26 });
  check('npx article-clean <folder> -j 2 (worker threads) writes what -j 1 writes', pooled === inline && inline.length > 0, true);
  const script = `import { clean } from 'article-clean'; import { readFileSync } from 'node:fs'; process.stdout.write(clean(readFileSync(${JSON.stringify(seed)}, 'utf8')).text);`;
  check('import { clean } from "article-clean"', execFileSync(process.execPath, ['--input-type=module', '-e', script], { ...quiet, cwd: project }), expected);
  console.log('packaged install: all checks passed');
} catch (err) {
  console.error(`FAIL packaged install: ${err.message}${err.stderr ? `\n${err.stderr}` : ''}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
