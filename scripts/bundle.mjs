#!/usr/bin/env node
/**
 * Bundles the built CLI (dist/bin.js) and its worker (dist/cli/worker.js) into
 * one file each under dist/bundle/, for startup: in pipelines the tool is
 * started once per file, and resolving and loading ~40 ES modules one by one
 * cost about a third of a one-file run. The library (dist/index.js) is not
 * bundled: importers get the plain modules and their own bundler's choices.
 *
 * Dependencies loaded on demand stay on demand: dynamic import()s become lazy
 * sections of the bundle, and createRequire() calls (chardet, stopwords-iso)
 * still resolve from node_modules at run time.
 */
import path from 'node:path';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/**
 * commander requires node:child_process when it loads, for git-style
 * subcommands run as separate programs, which article-clean has none of:
 * loading it (and node:net behind it) cost a one-file run ~8 ms. Inside
 * commander it is replaced by an object that loads the real module on first use.
 */
/**
 * Node's own modules through require(), not import: an ESM import of
 * node:fs builds a facade of every export, and reading fs.ReadStream for it
 * loads all of node:stream (~7 ms), which a one-file run otherwise never needs.
 */
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(?:node:)?(?:${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`) }, (args) =>
      // The require() inside the stand-in module itself is left to Node.
      args.namespace === 'builtin' ? { path: args.path, external: true } : args.namespace === 'lazy' ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require('node:${args.path}');`, loader: 'js' }));
  },
};

const lazyChildProcess = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(?:node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};
// Chunk names carry content hashes: start from an empty folder so no stale chunk is left (or packed).
rmSync(path.join(root, 'dist/bundle'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/bin.js', worker: 'dist/cli/worker.js' },
  outdir: 'dist/bundle',
  // The CLI finds its worker as ./worker.js beside itself (pool.ts), in dist/cli/ and here alike.
  entryNames: '[name]',
  outExtension: { '.js': '.js' },
  bundle: true,
  // Code behind a dynamic import() (the --explain report and chalk, fast-glob) goes to chunks of its own, loaded when used.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies (commander, fast-glob, string-similarity) call require() for node's own modules.
  banner: { js: "import { createRequire as __articleCleanRequire } from 'node:module'; const require = __articleCleanRequire(import.meta.url);" },
  plugins: [lazyChildProcess, builtinsViaRequire],
  legalComments: 'none',
  // Less to parse at each start; identifiers are kept, so stack traces (ARTICLE_CLEAN_DEBUG=1) still name functions.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
