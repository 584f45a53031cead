/**
 * The CLI: main(io) → exit code. No process.* here, so tests run it in-process
 * with fake streams; src/bin.ts wires it to the real process.
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PAGE_RULES, rules, TEMPLATE_RULE, TemplateCounter, type CleanOptions, type TemplateThresholds } from '../index.js';
import { useColor } from './color.js';
import { decode, InputError, readInput, reasonFor, resolveInputs, type Input } from './inputs.js';
import { placePart, readParts, type Part } from './parts.js';
import { Progress } from './progress.js';
import { parseArgs, type CliOptions } from './options.js';
import { inPlaceDestination, outDirDestination, streamDestination, type Destination, type DocumentWriter } from './destinations.js';
import { cleanerFor, type Cleaned, type Cleaner } from './pool.js';
import { ConfigFileError, ConfigFinder, type LoadedConfig } from './config.js';
import { indexFromState, mergeStates, readState, StateError, writeState } from './state.js';
import { DEFAULT_CORPUS_OPTIONS, type CorpusIndex } from '../dedupe/corpus.js';
import { atomicFileSink, streamSink, type OutStream } from './outputs.js';

export interface CliIO {
  /** Arguments after the program name. */
  argv: readonly string[];
  stdin: AsyncIterable<unknown> & { isTTY?: boolean };
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Cores to use when -j is not given (bin.ts: the machine's; tests: 1 unless set). */
  cores?: number;
}

export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_ERROR = 2;

const PROGRAM = 'article-clean';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(io: CliIO): Promise<number> {
  let progress: Progress | undefined;
  const fail = (source: string | undefined, message: string): void => {
    progress?.clear();
    io.stderr.write(`${PROGRAM}: ${source === undefined ? '' : `${source}: `}${message}\n`);
  };
  if (io.argv[0] === 'state') return stateCommand(io, fail);
  const parsed = parseArgs(io.argv, packageVersion(), { out: (s) => io.stdout.write(s), err: (s) => io.stderr.write(s) });
  if (parsed.kind === 'done') return EXIT_OK;
  if (parsed.kind === 'usage-error') return EXIT_ERROR;
  const options = parsed.options;
  const color = useColor(options.color, io.env, io.stderr.isTTY);

  /** A path as the user would write it from the current folder. */
  const shown = (file: string): string => path.relative(io.cwd, file) || file;
  const finder = new ConfigFinder();
  /** The config for an input (none with --no-config); null when it is unusable, which is reported: the run stops before cleaning anything. */
  const configFor = async (input: Input): Promise<LoadedConfig | undefined | null> => {
    if (options.config === null) return undefined;
    try {
      return await finder.forInput(input, io.cwd, options.config);
    } catch (err) {
      if (!(err instanceof ConfigFileError)) throw err;
      fail(shown(err.file), err.message);
      return null;
    }
  };

  if (options.listRules) {
    const user = await configFor({ kind: 'stdin', source: '-' });
    if (user === null) return EXIT_ERROR;
    const origin = user ? shown(user.file) : undefined;
    const listed = [
      ...(user?.config.rules ?? []).map(({ id, description, zone, examples }) => ({ id, description, zone: zone ?? 'anywhere', examples: { removes: examples?.removes ?? [], keeps: examples?.keeps ?? [] }, origin })),
      ...rules.map(({ id, description, zone, examples }) => ({ id, description, zone: zone as string, examples, origin: undefined })),
      ...PAGE_RULES.map(({ id, description }) => ({ id, description, zone: 'page', origin: undefined })),
      { id: TEMPLATE_RULE.id, description: TEMPLATE_RULE.description, zone: 'batch', origin: undefined },
    ];
    if (options.format === 'text') {
      const { renderRuleList } = await import('../render/report.js');
      io.stdout.write(renderRuleList(listed, useColor(options.color, io.env, io.stdout.isTTY)));
    } else {
      io.stdout.write(JSON.stringify(listed.map((r) => ({ ...r, origin: r.origin ?? 'built-in' })), null, 2) + '\n');
    }
    return EXIT_OK;
  }

  const args = options.paths.length > 0 ? options.paths : ['-'];
  if (options.paths.length === 0 && io.stdin.isTTY) {
    fail(undefined, 'no input: give a file or folder, or pipe text in (see --help)');
    return EXIT_ERROR;
  }
  if (args.filter((a) => a === '-').length > 1) {
    fail(undefined, 'stdin ("-") can be read only once');
    return EXIT_ERROR;
  }
  const resolved = await resolveInputs(args, io.cwd, options.glob, options.ignore);
  let exit = EXIT_OK;
  for (const w of resolved.warnings) fail(w.source, `warning: ${w.message}`);
  for (const e of resolved.errors) {
    fail(e.source, e.message);
    exit = EXIT_ERROR;
  }
  const outDir = options.outDir === undefined ? undefined : path.resolve(io.cwd, options.outDir);
  // An --out-dir inside an input folder holds the outputs of an earlier run: never read them as inputs.
  const inputs = outDir === undefined ? resolved.inputs : resolved.inputs.filter((i) => i.kind !== 'file' || !isInside(i.path, outDir));
  if (options.output !== undefined) {
    const target = path.resolve(io.cwd, options.output);
    if (inputs.some((i) => i.kind === 'file' && i.path === target)) {
      fail(options.output, 'is also an input; refusing to overwrite it');
      return EXIT_ERROR;
    }
  }
  if ((outDir !== undefined || options.inPlace) && inputs.some((i) => i.kind === 'stdin')) {
    fail('-', `${options.inPlace ? '--in-place' : '--out-dir'} needs files; stdin cannot be written back (see --help)`);
    return EXIT_ERROR;
  }

  // Configs with rules of your own: all read and checked before anything is cleaned.
  const configs = new Map<Input, LoadedConfig>();
  for (const input of inputs) {
    const config = await configFor(input);
    if (config === null) return EXIT_ERROR;
    if (config) configs.set(input, config);
  }

  const destination = destinationFor(options, io, outDir, inputs);
  const showProgress = options.progress ?? io.stderr.isTTY === true;
  progress = new Progress(io.stderr, showProgress, showProgress ? await totalSize(inputs) : undefined, isStreamed(options));
  // Template lines are learnt per folder of whole files; a streamed input is read once.
  const templates = options.template && !isStreamed(options) ? await learnTemplates(inputs, options, io) : new Map<string, TemplateForFolder>();
  let corpus: CorpusIndex | undefined;
  if (options.dedupeScope === 'corpus') {
    const corpusOptions = { ...DEFAULT_CORPUS_OPTIONS, threshold: options.threshold };
    try {
      corpus = indexFromState(options.state === undefined ? undefined : await readState(path.resolve(io.cwd, options.state)), corpusOptions);
    } catch (err) {
      if (!(err instanceof StateError)) throw err;
      fail(options.state, err.message);
      return EXIT_ERROR;
    }
  }
  let found = false;
  const cleaner = cleanerFor({ ...(options.jobs === undefined ? {} : { asked: options.jobs }), cores: io.cores ?? 1 }, inputs.length > 1 || isStreamed(options));
  try {
    let writer: DocumentWriter | undefined;
    // Inputs whose output could not be opened, or whose reading failed: the rest of their items are ignored.
    let skipped: Input | undefined;
    for await (const item of readAhead(workItems(inputs, io, options, templates, configs, cleaner, corpus?.options.minBytes), cleaner)) {
      if (item.input === skipped) continue;
      if (item.kind === 'start') {
        writer = undefined;
        if (destination) {
          writer = await destination.open(item.input).catch(reported);
          if (!writer) skipped = item.input;
        }
        continue;
      }
      if (item.kind === 'end') {
        await closeWriter(writer);
        progress.inputDone();
        continue;
      }
      if (item.kind === 'failed') {
        await writer?.abort();
        reported(item.error);
        skipped = item.input;
        progress.inputDone();
        continue;
      }
      try {
        const { part } = item;
        if (part.error) {
          if (part.raw !== undefined && options.onError !== 'fail') {
            // A malformed JSONL line, passed through or skipped as asked: reported, not an error.
            fail(part.error.source, `${part.error.message}; ${options.onError === 'pass' ? 'passed through' : 'skipped'}`);
            if (options.onError === 'pass') await writer?.passThrough(part.raw);
          } else {
            reported(part.error);
          }
          continue;
        }
        const cleaned = await (item.result as Promise<Cleaned>);
        let result = placePart(cleaned.result, part, options.split !== undefined);
        // Corpus scope: here, in input order, so which earlier copy is kept never depends on the jobs.
        if (corpus) result = corpus.apply(result, part.text, part.firstLine, cleaned.corpus);
        const changed = result.removed.length > 0 || result.duplicates.length > 0;
        found ||= changed;
        progress.document(part.bytes?.length ?? Buffer.byteLength(part.text), result.stats.removed, result.stats.duplicates);
        if (result.duplicateOf) progress.stats.duplicateArticles++;
        if (options.explain) {
          progress.clear();
          if (part.guess) io.stderr.write(`${result.source}: not UTF-8; decoded as ${part.guess.label} (detected, ${part.guess.confidence}% sure; --encoding forces one)\n`);
          const { renderReport } = await import('../render/report.js');
          io.stderr.write(renderReport(result, color));
        } else if (options.check && changed) {
          progress.clear();
          io.stderr.write(`${result.source}: ${result.stats.removed} lines would be removed, ${result.stats.duplicates} duplicate paragraphs dropped\n`);
        }
        if (result.duplicateOf && options.dropDuplicateArticles) {
          // Nothing is written for it; a file of its own (--out-dir) is not created at all.
          if (!isStreamed(options) && writer) {
            await writer.abort();
            writer = undefined;
          }
          continue;
        }
        await writer?.write(result, part);
      } catch (err) {
        await writer?.abort();
        writer = undefined;
        reported(err);
        skipped = item.input;
        progress.inputDone();
      }
    }
    await destination?.finish();
    if (corpus && options.state !== undefined) {
      try {
        await writeState(path.resolve(io.cwd, options.state), { documents: corpus.documents, entries: corpus.entries });
      } catch (err) {
        if (!(err instanceof StateError)) throw err;
        fail(options.state, err.message);
        exit = EXIT_ERROR;
      }
    }
    progress.clear();
    if (options.stats) io.stderr.write(`${PROGRAM}: ${progress.summary()}\n`);
  } catch (err) {
    await destination?.abort();
    if (options.output === undefined || !isSystemError(err)) throw err;
    fail(options.output, `cannot write: ${reasonFor(err)}`);
    return EXIT_ERROR;
  } finally {
    await cleaner.close();
  }
  if (exit === EXIT_OK && options.check && found) exit = EXIT_FOUND;
  return exit;

  /** Closing an output can fail for that input alone (its folder vanished): reported, the batch goes on. */
  async function closeWriter(writer: DocumentWriter | undefined): Promise<void> {
    try {
      await writer?.close();
    } catch (err) {
      await writer?.abort();
      reported(err);
    }
  }

  /** An InputError concerns one input: say so and go on with the others. */
  function reported(err: unknown): undefined {
    if (!(err instanceof InputError)) throw err;
    progress?.failure();
    fail(err.source, err.message);
    exit = EXIT_ERROR;
    return undefined;
  }
}

/**
 * `article-clean state merge A B ... -o OUT`: one state file from the states
 * of shards cleaned apart (their paragraphs in the order given, exact copies
 * once). A path named "state" is still a path when written ./state.
 */
async function stateCommand(io: CliIO, fail: (source: string | undefined, message: string) => void): Promise<number> {
  const [, verb, ...rest] = io.argv;
  const usage = 'usage: article-clean state merge A.state B.state ... -o OUT.state';
  if (verb === '--help' || verb === '-h') {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const out = rest.indexOf('-o') === -1 ? rest.indexOf('--output') : rest.indexOf('-o');
  const target = out === -1 ? undefined : rest[out + 1];
  const files = rest.filter((_, i) => out === -1 || (i !== out && i !== out + 1));
  if (verb !== 'merge' || target === undefined || files.length === 0 || files.some((f) => f.startsWith('-'))) {
    fail(undefined, `${usage} (see --help)`);
    return EXIT_ERROR;
  }
  try {
    const merged = await mergeStates(files.map((f) => path.resolve(io.cwd, f)));
    await writeState(path.resolve(io.cwd, target), merged);
    io.stderr.write(`${PROGRAM}: merged ${files.length} state files: ${merged.documents} documents, ${merged.entries.length} paragraphs\n`);
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    fail(path.relative(io.cwd, err.file) || err.file, err.message);
    return EXIT_ERROR;
  }
}

function destinationFor(options: CliOptions, io: CliIO, outDir: string | undefined, inputs: readonly Input[]): Destination | undefined {
  if (options.check) return undefined;
  if (options.inPlace) return inPlaceDestination(options.backup, options.format);
  if (outDir !== undefined) {
    const inputPaths = new Set(inputs.flatMap((i) => (i.kind === 'file' ? [i.path] : [])));
    return outDirDestination(outDir, options.format, !isStreamed(options), inputPaths);
  }
  const sink = options.output === undefined ? streamSink(io.stdout) : atomicFileSink(path.resolve(io.cwd, options.output));
  return streamDestination(sink, options.format, inputs.length === 1 && !isStreamed(options));
}

/** Inputs streamed as many documents each (--split, JSONL records), rather than read whole as one. */
const isStreamed = (options: CliOptions): boolean => options.split !== undefined || options.textField !== undefined;

/** Total size of the file inputs, for the progress bar (undefined with stdin: unknown). */
async function totalSize(inputs: readonly Input[]): Promise<{ inputs: number; bytes: number } | undefined> {
  if (inputs.some((i) => i.kind === 'stdin')) return undefined;
  let bytes = 0;
  for (const input of inputs) bytes += input.kind === 'file' ? await stat(input.path).then((s) => s.size, () => 0) : 0;
  return { inputs: inputs.length, bytes };
}

const isInside = (file: string, folder: string): boolean => {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

const isSystemError = (err: unknown): boolean => typeof (err as NodeJS.ErrnoException)?.code === 'string';

type TemplateForFolder = NonNullable<CleanOptions['template']>;

const folderOf = (input: Input): string => (input.kind === 'file' ? path.dirname(input.path) : '-');

/**
 * Template learning: count the lines the files of each folder share, in a
 * first pass over the files (read again, one at a time, when cleaning: memory
 * holds the counts, not the texts). Unreadable files are skipped here and
 * reported by the cleaning pass.
 */
async function learnTemplates(inputs: readonly Input[], options: CliOptions, io: CliIO): Promise<Map<string, TemplateForFolder>> {
  const thresholds = options.template as TemplateThresholds;
  const byFolder = new Map<string, Input[]>();
  for (const input of inputs) {
    if (input.kind !== 'file') continue;
    const list = byFolder.get(folderOf(input)) ?? [];
    list.push(input);
    byFolder.set(folderOf(input), list);
  }
  const templates = new Map<string, TemplateForFolder>();
  for (const [folder, list] of byFolder) {
    if (list.length < thresholds.minFiles) continue;
    const counter = new TemplateCounter({ fixMojibake: options.fixMojibake });
    for (const input of list) {
      try {
        counter.add(decode(await readInput(input, io.stdin, options.maxBytes), input.source, options.encoding));
      } catch {
        // Reported when the file is cleaned.
      }
    }
    const lines = counter.templateLines(thresholds);
    if (lines.size > 0) templates.set(folder, { lines, files: counter.files });
  }
  return templates;
}

/**
 * What main() consumes, in input order: each input's start, its parts (each
 * with its result already being computed), and its end, or its failure.
 */
type WorkItem =
  | { kind: 'start'; input: Input }
  | { kind: 'end'; input: Input }
  | { kind: 'part'; input: Input; part: Part; result?: Promise<Cleaned> }
  | { kind: 'failed'; input: Input; error: unknown };

/**
 * Read the inputs and hand each document to the cleaner as it is read. Items
 * are produced as fast as readAhead() asks, so up to the cleaner's width of
 * documents are being cleaned while main() writes the earlier ones.
 */
async function* workItems(
  inputs: readonly Input[],
  io: CliIO,
  options: CliOptions,
  templates: ReadonlyMap<string, TemplateForFolder>,
  configs: ReadonlyMap<Input, LoadedConfig>,
  cleaner: Cleaner,
  corpusMinBytes: number | undefined,
): AsyncGenerator<WorkItem> {
  for (const input of inputs) {
    yield { kind: 'start', input };
    const now = await nowFor(input, options);
    try {
      for await (const part of readParts(input, io.stdin, options)) {
        if (part.error) {
          yield { kind: 'part', input, part };
          continue;
        }
        const result = cleaner.clean(part.text, { ...cleanOptions(input, options, templates.get(folderOf(input)), configs.get(input)), ...(now === null ? {} : { now }) }, corpusMinBytes);
        // Awaited in order by main(); a rejection seen later must not count as unhandled meanwhile.
        result.catch(() => undefined);
        yield { kind: 'part', input, part, result };
      }
    } catch (err) {
      yield { kind: 'failed', input, error: err };
      continue;
    }
    yield { kind: 'end', input };
  }
}

/** The time relative times of an input are resolved against: --now, its modification time (--now mtime; none for stdin), or none (null). */
async function nowFor(input: Input, options: CliOptions): Promise<string | null> {
  if (options.now === undefined) return null;
  if (options.now !== 'mtime') return options.now;
  if (input.kind !== 'file') return null;
  return stat(input.path).then((s) => s.mtime.toISOString(), () => null);
}

/** Read items ahead of the consumer: up to the cleaner's width of documents (it can grow as a pool starts), and no more than READ_AHEAD_BYTES of text. */
async function* readAhead(items: AsyncGenerator<WorkItem>, cleaner: Pick<Cleaner, 'width'>): AsyncGenerator<WorkItem> {
  const buffer: WorkItem[] = [];
  let documents = 0;
  let bytes = 0;
  let done = false;
  const size = (item: WorkItem): number => (item.kind === 'part' && item.result ? item.part.text.length : 0);
  try {
    for (;;) {
      while (!done && (buffer.length === 0 || (documents < cleaner.width && bytes < READ_AHEAD_BYTES))) {
        const next = await items.next();
        if (next.done) done = true;
        else {
          buffer.push(next.value);
          if (size(next.value) > 0) documents++;
          bytes += size(next.value);
        }
      }
      const item = buffer.shift();
      if (!item) return;
      if (size(item) > 0) documents--;
      bytes -= size(item);
      yield item;
    }
  } finally {
    await items.return(undefined);
  }
}

/** Text read ahead of the output (in UTF-16 units): bounds memory when documents are large. */
const READ_AHEAD_BYTES = 32 * 2 ** 20;

function cleanOptions(input: Input, options: CliOptions, template: TemplateForFolder | undefined, user: LoadedConfig | undefined): CleanOptions {
  return {
    ...(template ? { template } : {}),
    ...(user && user.config.rules.length > 0 ? { userRules: user.config.rules } : {}),
    source: input.source,
    dedupe: options.dedupe,
    disable: user ? [...options.disable, ...user.config.disable] : options.disable,
    threshold: options.threshold,
    keep: options.keep,
    mode: options.mode,
    title: options.title,
    ...(options.fixMojibake ? { fixMojibake: true } : {}),
  };
}
