/**
 * Wires the real process to main() and its signals. A closed stdout (`| head -1`) is a normal
 * end for a filter, so EPIPE exits 0 quietly; any other surprise is one line
 * on stderr, not a stack trace (ARTICLE_CLEAN_DEBUG=1 shows the stack).
 */
import { availableParallelism } from 'node:os';
import { main } from './cli/main.js';
import { removeLiveTemps } from './cli/outputs.js';

// Ctrl-C or a scheduler's TERM: stop now. Finished files are complete (each
// was renamed into place whole); the file being written is a temporary one,
// removed here, so no half-written output is left. Exit 128 + signal number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    removeLiveTemps();
    process.exit(code);
  });
}
process.once('exit', removeLiveTemps);

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`article-clean: cannot write output: ${err.message}\n`);
  process.exit(2);
});

// Not a top-level await: the CLI bundle is CommonJS (scripts/bundle.mjs), which has none.
main({
  argv: process.argv.slice(2),
  // Created on first use: process.stdin costs a run that reads only files ~7 ms to set up.
  stdin: {
    get isTTY() {
      return process.stdin.isTTY;
    },
    [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
  },
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  cores: availableParallelism(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const debug = process.env.ARTICLE_CLEAN_DEBUG;
    process.stderr.write(`article-clean: internal error: ${debug ? (err as Error).stack : (err as Error).message} (please report it)\n`);
    process.exitCode = 2;
  },
);
