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
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/bin.js', worker: 'dist/cli/worker.js' },
  outdir: 'dist/bundle',
  // The CLI finds its worker as ./worker.js beside itself (pool.ts), in dist/cli/ and here alike.
  entryNames: '[name]',
  outExtension: { '.js': '.js' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies (commander, fast-glob, string-similarity) call require() for node's own modules.
  banner: { js: "import { createRequire as __articleCleanRequire } from 'node:module'; const require = __articleCleanRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
