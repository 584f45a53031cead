/**
 * JSON Lines input (--input-format jsonl): each line is a record whose text
 * field is cleaned; the record goes back out with the clean text in that field
 * and the result under "articleClean". Streamed line by line, in order, so
 * memory holds the records in flight (a few per worker), however large the corpus.
 */
import type { CleanResult } from '../types.js';
import { formatSize, InputError, type Input } from './inputs.js';
import { streamLines } from './lines.js';
import type { Part, PartOptions } from './parts.js';

export type JsonObject = { [key: string]: unknown };

/** A record and the path of its text field ("text", or "a.b" for a nested one). */
export interface RecordRef {
  value: JsonObject;
  field: readonly string[];
}

/** The field path of --text-field and --id-field: dot-separated keys. */
export const fieldPath = (spec: string): string[] => spec.split('.').filter((k) => k !== '');

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function getField(record: JsonObject, field: readonly string[]): unknown {
  let at: unknown = record;
  for (const key of field) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of `record` with `value` at `field` (copies only the objects on the path). */
function withField(record: JsonObject, field: readonly string[], value: unknown): JsonObject {
  const [key, ...rest] = field as [string, ...string[]];
  return { ...record, [key]: rest.length === 0 ? value : withField(record[key] as JsonObject, rest, value) };
}

/** The output line for a cleaned record. */
export function renderRecord(ref: RecordRef, result: CleanResult): string {
  const { text, paragraphs: _paragraphs, schemaVersion, ...rest } = result;
  // The clean text ends in a newline; a field that had none gets none back.
  const original = getField(ref.value, ref.field) as string;
  const out = withField(ref.value, ref.field, original.endsWith('\n') ? text : text.replace(/\n$/, ''));
  return JSON.stringify({ ...out, articleClean: { schemaVersion, ...rest } }) + '\n';
}

/**
 * A record's name in results (--id-field): its id, a non-empty string or a
 * number, as a string; undefined (so `file:line` is used) for a record without
 * one. Unlike a line number it does not change when the corpus is cut into
 * chunks, so chunked runs give the output of one run.
 */
function recordId(record: JsonObject, field: readonly string[] | undefined): string | undefined {
  if (field === undefined) return undefined;
  const id = getField(record, field);
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number') return String(id);
  return undefined;
}

/**
 * The records of a JSONL input as parts. A line that is not a JSON object with
 * a string at the text field becomes a part with `error` and `raw` (the line as
 * read), so the caller can pass it through, skip it, or fail it (--on-error).
 * Blank lines are ignored. A record is named `file:line`, or by its id with
 * --id-field (messages about bad lines always give `file:line`).
 */
export async function* readRecords(input: Input, stdin: AsyncIterable<unknown>, options: PartOptions & { textField: readonly string[] }): AsyncGenerator<Part> {
  let lineNumber = 0;
  let index = 0;
  for await (const line of streamLines(input, stdin, options.encoding, options.maxBytes)) {
    lineNumber++;
    if (line.trim() === '') continue;
    index++;
    const where = `${input.source}:${lineNumber}`;
    const bad = (reason: string): Part => ({ text: '', firstLine: 1, index, raw: line, error: new InputError(where, reason) });
    if (line.length > options.maxBytes) {
      yield bad(`record is over the ${formatSize(options.maxBytes)} limit for one document (--max-size)`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield bad(`not valid JSON (${(err as Error).message})`);
      continue;
    }
    if (!isObject(value)) {
      yield bad('not a JSON object');
      continue;
    }
    const text = getField(value, options.textField);
    if (typeof text !== 'string') {
      yield bad(text === undefined ? `has no "${options.textField.join('.')}" field` : `"${options.textField.join('.')}" is not a string`);
      continue;
    }
    yield { text, firstLine: 1, index, source: recordId(value, options.idField) ?? where, record: { value, field: options.textField } };
  }
}
