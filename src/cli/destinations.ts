/**
 * Where each cleaned input goes: one stream (stdout or -o), one file per input
 * under --out-dir (mirroring the input tree), or back over the input
 * (--in-place). Every file is written atomically (see outputs.ts).
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CleanResult } from '../types.js';
import { renderJson, renderJsonLine } from '../render/json.js';
import { DOCUMENT_SEPARATOR } from '../render/text.js';
import { InputError, reasonFor, type Input } from './inputs.js';
import type { OutputFormat } from './options.js';
import { atomicCopy, atomicFileSink, type Sink } from './outputs.js';
import { renderRecord } from './jsonl.js';
import type { Part } from './parts.js';

/** Where the documents of one input go. */
export interface DocumentWriter {
  /** Write one document (a part of the input when --split cuts it, or a JSONL record). */
  write(result: CleanResult, part: Part): Promise<void>;
  /** Write a malformed JSONL line as it was read (--on-error pass). */
  passThrough(line: string): Promise<void>;
  /** The input is done: move its file into place. A failure throws InputError. */
  close(): Promise<void>;
  /** The input failed: leave no partial output behind. */
  abort(): Promise<void>;
}

export interface Destination {
  /** Start one input. A failure that concerns only this input throws InputError. */
  open(input: Input): Promise<DocumentWriter>;
  /** The run is over: move a pending file into place. */
  finish(): Promise<void>;
  /** The run failed: leave no partial output behind. */
  abort(): Promise<void>;
}

/** Text between two documents of one output: the input's own separator line, or a form-feed line. */
const separatorBefore = (part: Part): string => (part.separator === undefined ? DOCUMENT_SEPARATOR : `${part.separator}\n`);

/**
 * How one document is written into an output: text after the separator that
 * stood before it (none for the first); a JSONL record back as a record; JSON
 * for one document per output, JSON Lines when there may be several.
 */
const documentRenderer =
  (format: OutputFormat, single: boolean) =>
  (r: CleanResult, part: Part, first: boolean): string => {
    if (format === 'text') return first ? r.text : separatorBefore(part) + r.text;
    if (part.record) return renderRecord(part.record, r);
    return format === 'json' && single ? renderJson(r) : renderJsonLine(r);
  };

/**
 * Every result into one sink. One input in JSON (not split) is one indented
 * document; otherwise JSON Lines, one object per document. Text documents are
 * separated by a form-feed line (or, within a split input, its own separator).
 */
export function streamDestination(sink: Sink, format: OutputFormat, single: boolean): Destination {
  let position = 0;
  const render = documentRenderer(format, single);
  const writer: DocumentWriter = {
    async write(result, part) {
      const chunk = render(result, part, position === 0);
      position++;
      await sink.write(chunk);
    },
    async passThrough(line) {
      position++;
      await sink.write(`${line}\n`);
    },
    close: async () => {},
    abort: async () => {},
  };
  return {
    open: async () => writer,
    finish: () => sink.close(),
    abort: () => sink.abort(),
  };
}

/** A writer into one atomic file: text documents joined by their separators, or JSON (Lines). */
function fileWriter(input: Input, target: string, format: OutputFormat, single: boolean, mode?: number): DocumentWriter {
  const render = documentRenderer(format, single);
  let sink: Sink | undefined;
  let count = 0;
  /** Run a step against the file (created on first use); a failure names the input and leaves nothing behind. */
  const step = async (action: (sink: Sink) => Promise<void>): Promise<void> => {
    try {
      if (!sink) {
        await mkdir(path.dirname(target), { recursive: true });
        sink = atomicFileSink(target, mode);
      }
      await action(sink);
    } catch (err) {
      await sink?.abort();
      throw new InputError(input.source, `cannot write ${target}: ${reasonFor(err)}`);
    }
  };
  return {
    write: (result, part) =>
      step(async (file) => {
        await file.write(render(result, part, count === 0));
        count++;
      }),
    passThrough: (line) =>
      step(async (file) => {
        await file.write(`${line}\n`);
        count++;
      }),
    close: () => step((file) => file.close()),
    abort: async () => {
      await sink?.abort();
    },
  };
}

const EXTENSION: Record<OutputFormat, string> = { text: '.txt', json: '.json', jsonl: '.jsonl' };

/** The output path for an input under --out-dir: its relative path, with the format's extension. */
export function outDirTarget(outDir: string, input: Input, format: OutputFormat): string {
  const relative = input.kind === 'file' ? input.relative : 'stdin';
  // A glob such as ../x/*.txt gives paths that climb; they must not escape the output folder.
  const inside = relative.split(/[\\/]+/).filter((part) => part !== '..' && part !== '.' && part !== '').join(path.sep);
  const parsed = path.parse(inside);
  return path.join(outDir, parsed.dir, parsed.name + EXTENSION[format]);
}

/** One file per input under `outDir`, never over an input, never two inputs into one file. */
export function outDirDestination(outDir: string, format: OutputFormat, single: boolean, inputPaths: ReadonlySet<string>): Destination {
  const written = new Map<string, string>();
  return {
    async open(input) {
      const target = outDirTarget(outDir, input, format);
      if (inputPaths.has(target)) throw new InputError(input.source, `its output ${target} is an input; not written`);
      const earlier = written.get(target);
      if (earlier !== undefined) throw new InputError(input.source, `its output ${target} was already written for ${earlier}; not written`);
      written.set(target, input.source);
      return fileWriter(input, target, format, single);
    },
    finish: async () => {},
    abort: async () => {},
  };
}

/**
 * Each input rewritten with its clean text, keeping its permissions; with
 * `backup` the original is first copied to path + backup. An unchanged file is
 * not touched, and a read-only file is refused (the rename would succeed, but
 * the user asked that file not to change).
 */
export function inPlaceDestination(backup: string | undefined, format: OutputFormat): Destination {
  return {
    async open(input) {
      if (input.kind !== 'file') throw new InputError(input.source, '--in-place needs a file, not stdin');
      let target: string;
      let mode: number;
      try {
        target = await realpath(input.path); // write through a symlink, not over it
        mode = (await stat(target)).mode & 0o7777;
      } catch (err) {
        throw new InputError(input.source, `cannot rewrite: ${reasonFor(err)}`);
      }
      if ((mode & 0o222) === 0) throw new InputError(input.source, 'read-only file; not modified');
      const file = fileWriter(input, target, format, true, mode);
      let changed = false;
      return {
        async write(result, part) {
          // A document changed if the clean text is not the part as it was.
          changed ||= part.record !== undefined || result.removed.length > 0 || result.duplicates.length > 0 || (part.bytes !== undefined && !Buffer.from(result.text, 'utf8').equals(part.bytes));
          await file.write(result, part);
        },
        async close() {
          if (!changed) return file.abort();
          if (backup !== undefined) {
            try {
              await atomicCopy(target, target + backup);
            } catch (err) {
              await file.abort();
              throw new InputError(input.source, `cannot write backup ${input.source}${backup}: ${reasonFor(err)}; not modified`);
            }
          }
          await file.close();
        },
        passThrough: (line) => file.passThrough(line),
        abort: () => file.abort(),
      };
    },
    finish: async () => {},
    abort: async () => {},
  };
}

