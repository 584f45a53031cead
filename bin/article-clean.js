#!/usr/bin/env node
// Loads the built CLI, bundled into one file for a fast start (scripts/bundle.mjs).
// `npm install` builds it (the prepare script); a source checkout that skipped
// the build gets a one-line hint instead of a stack trace.
import('../dist/bundle/cli.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('article-clean: not built yet: run `npm run build` (or `npm install`) first\n');
    process.exit(2);
  }
  throw err;
});
