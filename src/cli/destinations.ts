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

export interface Destination {
  /** Write one input's result. A failure that concerns only this input throws InputError. */
  deliver(input: Input, result: CleanResult, original: Buffer): Promise<void>;
  /** The run is over: move a pending file into place. */
  finish(): Promise<void>;
  /** The run failed: leave no partial output behind. */
  abort(): Promise<void>;
}

/**
 * Every result into one sink. One input in JSON is one indented document;
 * several are JSON Lines, one object per input. Text documents are separated
 * by a form-feed line.
 */
export function streamDestination(sink: Sink, format: OutputFormat, inputCount: number): Destination {
  let position = 0;
  const render = (r: CleanResult): string => {
    if (format === 'text') return position === 0 ? r.text : DOCUMENT_SEPARATOR + r.text;
    return format === 'json' && inputCount === 1 ? renderJson(r) : renderJsonLine(r);
  };
  return {
    async deliver(_input, result) {
      const chunk = render(result);
      position++;
      await sink.write(chunk);
    },
    finish: () => sink.close(),
    abort: () => sink.abort(),
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
export function outDirDestination(outDir: string, format: OutputFormat, inputPaths: ReadonlySet<string>): Destination {
  const written = new Map<string, string>();
  const render = (r: CleanResult): string => (format === 'text' ? r.text : format === 'json' ? renderJson(r) : renderJsonLine(r));
  return {
    async deliver(input, result) {
      const target = outDirTarget(outDir, input, format);
      if (inputPaths.has(target)) throw new InputError(input.source, `its output ${target} is an input; not written`);
      const earlier = written.get(target);
      if (earlier !== undefined) throw new InputError(input.source, `its output ${target} was already written for ${earlier}; not written`);
      written.set(target, input.source);
      await writeAtomically(input, target, render(result));
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
export function inPlaceDestination(backup: string | undefined): Destination {
  return {
    async deliver(input, result, original) {
      if (input.kind !== 'file') throw new InputError(input.source, '--in-place needs a file, not stdin');
      const rendered = Buffer.from(result.text, 'utf8');
      if (rendered.equals(original)) return;
      let target: string;
      let mode: number;
      try {
        target = await realpath(input.path); // write through a symlink, not over it
        mode = (await stat(target)).mode & 0o7777;
      } catch (err) {
        throw new InputError(input.source, `cannot rewrite: ${reasonFor(err)}`);
      }
      if ((mode & 0o222) === 0) throw new InputError(input.source, 'read-only file; not modified');
      if (backup !== undefined) {
        try {
          await atomicCopy(target, target + backup);
        } catch (err) {
          throw new InputError(input.source, `cannot write backup ${input.source}${backup}: ${reasonFor(err)}; not modified`);
        }
      }
      await writeAtomically(input, target, result.text, mode);
    },
    finish: async () => {},
    abort: async () => {},
  };
}

/** Write one file through a temporary file; a failure names the input and leaves nothing behind. */
async function writeAtomically(input: Input, target: string, content: string, mode?: number): Promise<void> {
  let sink: Sink | undefined;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    sink = atomicFileSink(target, mode);
    await sink.write(content);
    await sink.close();
  } catch (err) {
    await sink?.abort();
    throw new InputError(input.source, `cannot write ${target}: ${reasonFor(err)}`);
  }
}
