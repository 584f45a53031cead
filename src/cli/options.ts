/**
 * Command-line options (commander). Parsing never exits the process: help,
 * version and usage errors come back as values for main() to act on.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CleanMode, KeepPolicy } from '../types.js';
import { DEFAULT_TEMPLATE, type TemplateThresholds } from '../core/template-count.js';
import { DEFAULT_THRESHOLD } from '../dedupe/document.js';
import { ruleSelectors } from '../rules/index.js';
import { fieldPath } from './jsonl.js';
import { FORM_FEED_LINE } from './parts.js';
import { isValidNow } from '../core/relative-time.js';

export type OutputFormat = 'text' | 'json' | 'jsonl';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  output?: string;
  /** One output file per input under this folder. */
  outDir?: string;
  /** Rewrite each input with its clean text. */
  inPlace: boolean;
  /** With --in-place: keep the original as path + this suffix. */
  backup?: string;
  /** Glob patterns left out of folders and globs (with each folder's .articlecleanignore). */
  ignore: string[];
  explain: boolean;
  check: boolean;
  dedupe: boolean;
  /** document: repeated paragraphs within each document; corpus: also across the documents of the run (and of --state). */
  dedupeScope: 'document' | 'corpus';
  /** Corpus scope: write nothing for a document that mostly copies an earlier one. */
  dropDuplicateArticles: boolean;
  /** Corpus scope: load and save what earlier runs kept. */
  state?: string;
  disable: string[];
  /** Relative times are resolved against this ISO time, or each file's modification time ("mtime"). */
  now?: string;
  /** Config file with rules of your own; undefined: find one; null: --no-config. */
  config?: string | null;
  threshold: number;
  keep: KeepPolicy;
  glob: string;
  mode: CleanMode;
  title: boolean;
  /** Repair lines of UTF-8 that were read as Windows-1252/Latin-1 or GBK upstream. */
  fixMojibake: boolean;
  /** Learn template lines across the files of each folder (null: --no-template). */
  template: TemplateThresholds | null;
  encoding?: string;
  /** JSON Lines input: the path of the text field of each record. */
  textField?: string[];
  /** JSON Lines input: the path of the field whose value names each record in results (instead of file:line). */
  idField?: string[];
  /** JSON Lines input: what to do with a line that is not a usable record. */
  onError: 'pass' | 'skip' | 'fail';
  /** Cut inputs into documents at lines matching this (--split). */
  split?: RegExp;
  /** Largest input, in bytes, cleaned as one document. */
  maxBytes: number;
  listRules: boolean;
  /** true/false when --progress/--no-progress was given, undefined to follow whether stderr is a terminal. */
  progress?: boolean;
  /** Print a one-line summary on stderr at the end. */
  stats: boolean;
  /** Documents cleaned at once, each in a worker thread (undefined: one per core). */
  jobs?: number;
  /** true/false when --color/--no-color was given, undefined to decide from the environment. */
  color?: boolean;
}

export type ParseOutcome =
  | { kind: 'run'; options: CliOptions }
  /** Help or version was printed: exit 0. */
  | { kind: 'done' }
  /** A usage error was printed: exit 2. */
  | { kind: 'usage-error' };

const EXAMPLES = `
Examples:
  $ article-clean dump.txt                    clean one dump, clean text to stdout
  $ cat dump.txt | article-clean              the same from a pipe (or: article-clean -)
  $ article-clean dump.txt --format json      result with metadata, removals and duplicates
  $ article-clean dumps/ --format jsonl > clean.jsonl
                                              every *.txt under dumps/, one JSON line each
  $ article-clean dump.txt --explain >/dev/null
                                              only the report: what was removed and why
  $ article-clean dumps/ --check              exit 1 if anything would be removed
  $ article-clean dumps/ --out-dir clean/     one clean file per dump, same tree
  $ article-clean dumps/ --in-place --backup .bak
                                              rewrite the dumps, keeping the originals
  $ article-clean dump.txt --disable social,counters/views --keep longest
  $ article-clean corpus.txt --split '^={5,}$' --format jsonl
                                              a file of many articles, streamed
  $ article-clean corpus.jsonl --input-format jsonl --text-field body > clean.jsonl
                                              records in, records out, streamed, in order
  $ article-clean dumps/ --dedupe-scope corpus --state seen.state --format jsonl > clean.jsonl
                                              drop paragraphs seen in earlier files (and runs)
  $ article-clean state merge a.state b.state -o all.state
                                              merge the states of shards cleaned apart
  $ article-clean dumps/ -j 8 --stats --format jsonl > clean.jsonl
                                              8 worker threads, same output as -j 1
  $ parallel --pipe -k article-clean --input-format jsonl --id-field id <in.jsonl
                                              the same on every core (named by id, not line)
  $ article-clean dumps/ --config site-rules.json
                                              rules of your own (see README: Your own rules)
  $ lynx -dump https://example.org/news/1 | article-clean --mode page
                                              a whole page: keep only the article

Exit codes:
  0    success
  1    --check found something to remove
  2    usage error, or an input could not be read or written (the other inputs are still cleaned)
  130  interrupted (Ctrl-C); finished outputs are complete, no partial file is left
`;

/** A fraction in (0, 1]: --threshold, --template-share. */
function parseFraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('must be a number greater than 0 and at most 1.');
  return n;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError('must be a whole number of at least 2.');
  return n;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1.');
  return n;
}

function parseMegabytes(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number of megabytes.');
  return n;
}

function parseRuleList(value: string, previous: string[]): string[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const known = ruleSelectors();
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown rule ${unknown.map((u) => `"${u}"`).join(', ')} (see --list-rules).`);
  return [...previous, ...names];
}

export function buildProgram(version: string, write: { out(s: string): void; err(s: string): void }): Command {
  return new Command()
    .name('article-clean')
    .description('Clean scraped article dumps: strip boilerplate (and say why), lift metadata, drop repeated paragraphs.')
    .version(version, '-V, --version')
    .argument('[paths...]', 'files, folders or globs; "-" or nothing reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'jsonl']).default('text'))
    .addOption(new Option('-o, --output <file>', 'write the output to a file instead of stdout').conflicts(['outDir', 'inPlace']))
    .addOption(new Option('--out-dir <dir>', 'write one file per input under <dir>, mirroring the input tree (.txt, .json or .jsonl)').conflicts(['inPlace', 'check']))
    .addOption(new Option('--in-place', 'rewrite each input with its clean text (atomically; text format only)').conflicts(['check']))
    .option('--backup <suffix>', 'with --in-place, keep each original as <file><suffix> (e.g. .bak)')
    .option('--explain', 'report every removal and duplicate, with line numbers and reasons, on stderr')
    .option('--check', 'write nothing; exit 1 if anything would be removed')
    .option('--no-dedupe', 'keep repeated paragraphs')
    .addOption(new Option('--dedupe-scope <scope>', 'document: repeated paragraphs within each document; corpus: also across all documents of the run, in input order (and of --state)').choices(['document', 'corpus']).default('document'))
    .option('--drop-duplicate-articles', 'with --dedupe-scope corpus, write nothing for a document that mostly copies an earlier one (counted in --stats)')
    .option('--state <file>', 'with --dedupe-scope corpus, start from what earlier runs kept (read from <file> if it exists) and save it, updated, at the end')
    .addOption(new Option('--disable <rules>', 'rule ids or families to turn off, comma-separated (repeatable)').argParser(parseRuleList).default([], 'none'))
    .option('--threshold <n>', 'similarity (Dice, 0-1) at which two paragraphs are near duplicates', parseFraction, DEFAULT_THRESHOLD)
    .addOption(new Option('--keep <policy>', 'which copy of a duplicate stays (a truncated copy always yields to the full one)').choices(['first', 'longest']).default('first'))
    .addOption(new Option('--mode <mode>', 'article: line rules only; page: also find the article among menus and link lists; auto: decide per input').choices(['auto', 'article', 'page']).default('auto'))
    .option('--no-title', 'in page mode, drop the headline above the article')
    .option('--fix-mojibake', 'repair lines of UTF-8 that were read as Windows-1252/Latin-1 or GBK upstream ("CafÃ©" → "Café"), only where unambiguous; each repair is listed (JSON: changes, --explain)')
    .option('--no-template', 'do not remove lines that many files of a folder share')
    .option('--template-min-files <n>', 'files of one folder that must share a line for it to be a template line', parsePositiveInt, DEFAULT_TEMPLATE.minFiles)
    .option('--template-share <x>', 'share (0-1) of a folder\'s files that must share a line', parseFraction, DEFAULT_TEMPLATE.minShare)
    .option('--glob <pattern>', 'files to take from folders', '**/*.txt')
    .option('--ignore <pattern>', 'leave out files matching this glob (repeatable; a folder\'s .articlecleanignore adds more)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .addOption(new Option('--input-format <format>', 'text: each input is a dump; jsonl: each line is a record whose --text-field is cleaned (output: the records, as JSON Lines)').choices(['text', 'jsonl']).default('text'))
    .option('--text-field <path>', 'with --input-format jsonl, the field that holds the text (a.b for a nested one)', 'text')
    .option('--id-field <path>', 'with --input-format jsonl, name each result by this field (a string or number) instead of file:line, so chunked runs give the same output')
    .addOption(new Option('--on-error <action>', 'with --input-format jsonl, a line that is not a record with that field: pass it through, skip it, or fail it (exit 2); always reported').choices(['pass', 'skip', 'fail']).default('fail'))
    .option('--split [regex]', 'cut each input into articles at lines matching regex (default: a form-feed line) and stream it')
    .option('--max-size <MB>', 'largest input (in MB) to clean as one document; larger ones are errors', parseMegabytes, 64)
    .option('--encoding <name>', 'decode inputs with this encoding (e.g. gb18030, windows-1251) instead of UTF-8')
    .option('-j, --jobs <n>', 'documents cleaned at once, each in a worker thread (default: one per core; 1: no workers). Output order and content do not depend on it', parseJobs)
    .option('--progress', 'show a progress line on stderr (default: only when stderr is a terminal)')
    .option('--no-progress', 'never show the progress line')
    .option('--stats', 'print a one-line summary on stderr at the end')
    .option('--now <time>', 'resolve relative times ("3 hours ago") against this ISO 8601 time with an offset, or "mtime" (each file\'s modification time); without it they are kept as printed')
    .option('--config <file>', 'rules of your own from this file (default: the nearest article-clean.config.json or .articlecleanrc above each input)')
    .option('--no-config', 'use no config file')
    .option('--list-rules', 'print the boilerplate rules (built-in and your own) and exit')
    .option('--color', 'color the report even when stderr is not a terminal')
    .option('--no-color', 'never color the report')
    .addHelpText('after', EXAMPLES)
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: write.out,
      writeErr: write.err,
      // One line, named like every other message of ours: "article-clean: option ... is invalid".
      outputError: (message, out) => out(`article-clean: ${message.replace(/^error: /, '').trimEnd()} (see --help)\n`),
    })
    .exitOverride();
}

export function parseArgs(argv: readonly string[], version: string, write: { out(s: string): void; err(s: string): void }): ParseOutcome {
  const program = buildProgram(version, write);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code);
      return done ? { kind: 'done' } : { kind: 'usage-error' };
    }
    throw err;
  }
  const o = program.opts();
  const misuse = (message: string): ParseOutcome => {
    write.err(`article-clean: ${message} (see --help)\n`);
    return { kind: 'usage-error' };
  };
  const jsonlInput = o.inputFormat === 'jsonl';
  // JSONL in gives JSONL out unless a format was asked for.
  const format = (jsonlInput && program.getOptionValueSource('format') === 'default' ? 'jsonl' : o.format) as OutputFormat;
  if (o.inPlace && format !== (jsonlInput ? 'jsonl' : 'text')) return misuse('--in-place writes what it read (text, or records for JSONL input); it cannot be combined with another --format');
  if (jsonlInput && o.split !== undefined) return misuse('--split cuts text inputs; JSONL input is already one record per line');
  if (!jsonlInput && o.idField !== undefined) return misuse('--id-field names JSONL records; it needs --input-format jsonl');
  if (o.idField !== undefined && fieldPath(o.idField as string).length === 0) return misuse('--id-field needs a field name');
  const corpusScope = o.dedupeScope === 'corpus';
  if (corpusScope && o.dedupe === false) return misuse('--dedupe-scope corpus and --no-dedupe contradict each other');
  if (!corpusScope && o.dropDuplicateArticles) return misuse('--drop-duplicate-articles needs --dedupe-scope corpus');
  if (!corpusScope && o.state !== undefined) return misuse('--state needs --dedupe-scope corpus');
  if (o.dropDuplicateArticles && o.inPlace) return misuse('--drop-duplicate-articles cannot drop a file that --in-place rewrites; use --out-dir');
  if (o.now !== undefined && o.now !== 'mtime' && !isValidNow(o.now as string)) return misuse(`--now: "${o.now as string}" is not an ISO 8601 time with an offset (2026-11-25T10:00:00+01:00, or Z) nor "mtime"`);
  if (o.backup !== undefined && !o.inPlace) return misuse('--backup needs --in-place');
  if (o.backup === '') return misuse('--backup needs a non-empty suffix');
  let split: RegExp | undefined;
  if (o.split === true) split = FORM_FEED_LINE;
  else if (typeof o.split === 'string') {
    try {
      split = new RegExp(o.split, 'u');
    } catch (err) {
      return misuse(`--split: invalid regular expression: ${(err as Error).message}`);
    }
  }
  return {
    kind: 'run',
    options: {
      paths: program.args,
      format,
      ...(o.output === undefined ? {} : { output: o.output as string }),
      ...(o.outDir === undefined ? {} : { outDir: o.outDir as string }),
      inPlace: Boolean(o.inPlace),
      ...(o.backup === undefined ? {} : { backup: o.backup as string }),
      ignore: o.ignore as string[],
      explain: Boolean(o.explain),
      check: Boolean(o.check),
      dedupe: o.dedupe !== false,
      dedupeScope: corpusScope ? 'corpus' : 'document',
      dropDuplicateArticles: Boolean(o.dropDuplicateArticles),
      ...(o.state === undefined ? {} : { state: o.state as string }),
      disable: o.disable as string[],
      ...(o.now === undefined ? {} : { now: o.now as string }),
      ...(o.config === false ? { config: null } : o.config === undefined || o.config === true ? {} : { config: o.config as string }),
      threshold: o.threshold as number,
      keep: o.keep as KeepPolicy,
      glob: o.glob as string,
      mode: o.mode as CleanMode,
      title: o.title !== false,
      fixMojibake: Boolean(o.fixMojibake),
      template: o.template === false ? null : { minFiles: o.templateMinFiles as number, minShare: o.templateShare as number },
      ...(o.encoding === undefined ? {} : { encoding: o.encoding as string }),
      ...(split === undefined ? {} : { split }),
      ...(jsonlInput ? { textField: fieldPath(o.textField as string) } : {}),
      ...(o.idField === undefined ? {} : { idField: fieldPath(o.idField as string) }),
      onError: o.onError as CliOptions['onError'],
      maxBytes: Math.round((o.maxSize as number) * 1e6),
      listRules: Boolean(o.listRules),
      ...(o.progress === undefined ? {} : { progress: o.progress as boolean }),
      stats: Boolean(o.stats),
      ...(o.jobs === undefined ? {} : { jobs: o.jobs as number }),
      ...(o.color === undefined ? {} : { color: o.color as boolean }),
    },
  };
}
