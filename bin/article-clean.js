#!/usr/bin/env node
// Loads the built CLI, bundled into one file for a fast start (scripts/bundle.mjs).
// `npm install` builds it (the prepare script); a source checkout that skipped
// the build gets a one-line hint instead of a stack trace.
import { setFlagsFromString } from 'node:v8';

// Compile each regular expression straight to machine code, once. By default V8
// first compiles a regex to bytecode and recompiles it natively on its second
// use: for ~80 rule patterns that is twice the compile work, about a sixth of a
// one-file run, and a long run wants the native code anyway. (Worker threads share the flag.)
setFlagsFromString('--no-regexp-tier-up');

import('../dist/bundle/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('article-clean: not built yet: run `npm run build` (or `npm install`) first\n');
    process.exit(2);
  }
  throw err;
});
