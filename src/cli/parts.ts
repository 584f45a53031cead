/**
 * Reading an input as the documents it holds. Without --split a file is one
 * document, read whole. With --split it is streamed: bytes are decoded as they
 * arrive and cut at separator lines, so memory holds one article at a time
 * however large the file. JSON Lines input (jsonl.ts) is streamed the same way.
 */
import type { CleanResult, LineRange } from '../types.js';
import type { Guess } from './encoding.js';
import { decode, formatSize, InputError, readInput, type Input } from './inputs.js';
import { readRecords, type RecordRef } from './jsonl.js';
import { streamLines } from './lines.js';

/** One document of an input. */
export interface Part {
  text: string;
  /** 1-based: where the part starts in the input (line numbers in results are shifted by it). */
  firstLine: number;
  /** 1-based position among the input's parts. */
  index: number;
  /** The separator line that came before this part (undefined for the first). */
  separator?: string;
  /** The input's bytes, when it was read whole (--in-place compares them). */
  bytes?: Buffer;
  /** This part could not be cleaned (it is reported; the input's other parts go on). */
  error?: InputError;
  /** JSONL input: the line as read, for --on-error pass. */
  raw?: string;
  /** JSONL input: the record the text came from. */
  record?: RecordRef;
  /** The part's name in results and messages, when not the input's (a JSONL record: file:line, or its --id-field). */
  source?: string;
  /** The input was not UTF-8 and this encoding was guessed for it. */
  guess?: Guess;
}

export interface PartOptions {
  encoding?: string;
  maxBytes: number;
  /** Separator lines; undefined: the input is one document. */
  split?: RegExp;
  /** JSON Lines input: the path of the text field in each record. */
  textField?: readonly string[];
  /** JSON Lines input: the path of the field that names each record in results (--id-field). */
  idField?: readonly string[];
}

/** The default --split separator: a form-feed line, as between documents in our own text output. */
export const FORM_FEED_LINE = /^[^\S\f]*\f\s*$/; // not \s*\f: \s includes \f, which backtracks quadratically

export async function* readParts(input: Input, stdin: AsyncIterable<unknown>, options: PartOptions): AsyncGenerator<Part> {
  if (options.textField) {
    yield* readRecords(input, stdin, { ...options, textField: options.textField });
    return;
  }
  if (!options.split) {
    const bytes = await readInput(input, stdin, options.maxBytes);
    let guess: Guess | undefined;
    const text = decode(bytes, input.source, options.encoding, (g) => (guess = g));
    yield { text, firstLine: 1, index: 1, bytes, ...(guess ? { guess } : {}) };
    return;
  }
  yield* streamParts(input, stdin, options.split, options);
}

async function* streamParts(input: Input, stdin: AsyncIterable<unknown>, split: RegExp, options: PartOptions): AsyncGenerator<Part> {
  let lines: string[] = [];
  let size = 0; // characters in `lines`
  let lineNumber = 0;
  let firstLine = 1;
  let index = 1;
  let separator: string | undefined;
  let oversized = false;
  const finish = (): Part => {
    const part: Part = { text: lines.join('\n'), firstLine, index, ...(separator === undefined ? {} : { separator }) };
    if (oversized) part.error = new InputError(`${input.source}#${index}`, `part is over the ${formatSize(options.maxBytes)} limit for one document (--max-size)`);
    index++;
    lines = [];
    size = 0;
    oversized = false;
    return part;
  };
  for await (const line of streamLines(input, stdin, options.encoding, options.maxBytes)) {
    lineNumber++;
    if (split.test(line)) {
      yield finish();
      separator = line;
      firstLine = lineNumber + 1;
      continue;
    }
    size += line.length + 1;
    if (size > options.maxBytes) oversized = true;
    else lines.push(line);
  }
  yield finish();
}

/** A part's result with line numbers counted from the start of the whole input, and its name. */
export function placePart(result: CleanResult, part: Part, split: boolean): CleanResult {
  if (part.source !== undefined) return { ...result, source: part.source };
  if (!split) return result;
  const by = part.firstLine - 1;
  const shift = (r: LineRange): LineRange => [r[0] + by, r[1] + by];
  return {
    ...result,
    source: `${result.source ?? '-'}#${part.index}`,
    paragraphs: result.paragraphs.map((p) => ({ ...p, lines: shift(p.lines) })),
    removed: result.removed.map((r) => ({ ...r, lines: shift(r.lines) })),
    duplicates: result.duplicates.map((d) => ({ ...d, lines: shift(d.lines), of: { ...d.of, lines: shift(d.of.lines) } })),
  };
}
