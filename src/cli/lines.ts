/**
 * An input as a stream of decoded lines, for the streamed modes (--split and
 * JSON Lines): memory holds one chunk and one line, however large the input.
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { guessEncoding, mendDecoded } from './encoding.js';
import { detectEncoding, formatSize, InputError, reasonFor, type Input } from './inputs.js';

/** Whether a first chunk is valid UTF-8 (a character cut at its end is allowed). */
function startsAsUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The lines of an input, decoded as the bytes arrive (a streaming, fatal
 * TextDecoder), cut as splitLines cuts them (CRLF, CR, LF). A line that grows
 * past `maxChars` before its end arrives is an error: it would have to be held whole.
 */
export async function* streamLines(input: Input, stdin: AsyncIterable<unknown>, encoding: string | undefined, maxChars: number): AsyncGenerator<string> {
  const chunks: AsyncIterable<unknown> = input.kind === 'stdin' ? stdin : createReadStream(input.path);
  let decoder: TextDecoder | undefined;
  let utf16 = false;
  let offset = 0; // bytes decoded so far, for error messages
  let pending = ''; // text after the last line break
  let lineNumber = 0;
  const tooLong = (n: number): InputError => new InputError(input.source, `line ${n} is over the ${formatSize(maxChars)} limit (--max-size)`);
  try {
    for await (const chunk of chunks) {
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      if (!decoder) {
        const detected = detectEncoding(bytes, encoding);
        if (!encoding && detected.bomLength === 0 && !startsAsUtf8(bytes)) {
          // Not UTF-8 from the first chunk on: guess from it (a later surprise is an error).
          const { accepted } = guessEncoding(bytes);
          if (accepted) detected.label = accepted.label;
        }
        utf16 = /^utf-?16/i.test(detected.label);
        try {
          decoder = new TextDecoder(detected.label, { fatal: true });
        } catch {
          throw new InputError(input.source, `unknown encoding "${detected.label}"`);
        }
        bytes = bytes.subarray(detected.bomLength);
        offset = detected.bomLength;
      }
      if (!utf16 && bytes.includes(0)) throw new InputError(input.source, 'binary file (contains NUL bytes); not cleaned');
      let text: string;
      try {
        text = mendDecoded(decoder, decoder.decode(bytes, { stream: true }));
      } catch {
        throw new InputError(input.source, `not valid ${encoding ?? 'UTF-8'} (in the bytes after offset ${offset}); give its encoding with --encoding`);
      }
      offset += bytes.length;
      // A CR kept from the last chunk ended a line; with an LF here, it was a CRLF.
      if (pending.endsWith('\r')) {
        lineNumber++;
        yield pending.slice(0, -1);
        pending = '';
        if (text.startsWith('\n')) text = text.slice(1);
      }
      // Only the new text is split (a long line arriving in many chunks is not re-split each time).
      // A CR at the very end may be the first half of a CRLF: keep it pending.
      const cut = text.split(/\r\n|\n|\r(?!$)/);
      cut[0] = pending + (cut[0] as string);
      pending = cut.pop() as string;
      for (const line of cut) {
        lineNumber++;
        yield line;
      }
      // A line still growing past the limit would have to be held whole: the input stops here.
      // A complete line over it is the caller's to judge (an oversized article or record).
      if (pending.length > maxChars) throw tooLong(lineNumber + 1);
    }
    try {
      pending += decoder ? mendDecoded(decoder, decoder.decode()) : '';
    } catch {
      throw new InputError(input.source, `not valid ${encoding ?? 'UTF-8'} (it ends inside a character)`);
    }
    if (pending !== '') yield pending.replace(/\r$/, '');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(input.source, reasonFor(err));
  }
}
