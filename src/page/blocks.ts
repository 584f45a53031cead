/**
 * Blocks of a whole-page dump: paragraphs, split further at list markers so
 * each menu item or list entry is a block of its own (what an <li> was), with
 * the converter residue that tells navigation from prose.
 */
import type { ContentLine } from '../core/segment.js';

export type Marker = 'bullet' | 'number' | 'none';

export interface PageBlock {
  /** Indices into the document's content lines. */
  indices: number[];
  /** The block's normalized lines joined with spaces, markers removed. */
  text: string;
  /** The same lines, one by one. */
  lines: string[];
  marker: Marker;
  /** Search boxes, buttons, check boxes: form widgets rendered as text (in a block too short to be prose around them). */
  form: boolean;
  /** An image placeholder ([IMG], [photo.jpg]) opens the block. */
  image: boolean;
  /** Several short items on one line separated by | • · (an inline menu). */
  inlineMenu: boolean;
  /** The line rule that removed the content line just before the block, if any ("social/comment-prompt"). */
  after?: string;
}

// Converters' list markers: lynx "*" "+" "o" and numbers, html2text "*" "-", browsers "•".
const BULLET = /^\s*(?:[*+•·◦‣▪■□○►▸-]|o(?= \S))(?:\s+|$)/u;
const NUMBERED = /^\s*\d{1,3}[.)]\s+/u;
const FORM = /_{4,}|\((?:BUTTON|Submit|RADIO|Option)\)|\[(?:X| |_)\]|\(\*\)|\( \)|^(?:IFRAME|EMBED|OBJECT|APPLET):|^\[(?:EMBED|IFRAME|OBJECT|APPLET)\]$/u;
const IMAGE = /^\[(?:IMG|INLINE|[^\]\s]{1,80}\.(?:png|jpe?g|gif|svg|webp|bmp))\]|^[^\s/]{1,80}\.(?:png|jpe?g|gif|svg|webp|bmp)$|^[a-z]+(?:-[a-z0-9]+)*-\d{1,3}$/iu;
/** A widget with a label; a longer block that happens to contain "( )" is prose. */
const MAX_FORM_WORDS = 20;
const MAX_FORM_LENGTH = 400;
const MENU_CHARS = /[|•·]/u;
// A separator's spacing is matched from the start of its run only (the lookbehind): tried
// from every place inside a long run of spaces that no bar follows, it would cost the square of the run.
const MENU_SEPARATOR = /(?<!\s)\s+[|•·]\s+|(?<!\s)\s+[|•·]$|^[|•·]\s+/u;

function isInlineMenu(text: string): boolean {
  if (!MENU_CHARS.test(text)) return false;
  const items = text.split(MENU_SEPARATOR).filter((s) => s !== '');
  if (items.length < 3) return false;
  // Menu items are a few words each; prose with a stray "|" is not a menu.
  return items.filter((s) => s.split(' ').length <= 4).length >= items.length * 0.75;
}

/** Lines at least this share of the paragraph's longest line (and this long), not ending a sentence, were wrapped by the converter. */
const WRAP_SHARE = 0.75;
const MIN_WRAPPED = 40;
const ENDS_BLOCK = /[.!?。！？:：]["'”’»)]*$/u;

/**
 * Whether line i continues line i-1 of the same paragraph: converters wrap
 * paragraphs at a fixed width, so a wrapped line is long and ends mid-sentence.
 * Dumps with one block per line (browser copies, WET records) have no blank
 * lines between blocks: there each line stands alone.
 */
function continuesPrevious(lines: readonly ContentLine[], i: number, longest: number): boolean {
  const prev = lines[i - 1];
  if (!prev || prev.paragraph !== (lines[i] as ContentLine).paragraph) return false;
  return prev.text.length >= Math.max(MIN_WRAPPED, longest * WRAP_SHARE) && !ENDS_BLOCK.test(prev.text);
}

/**
 * The blocks of the standing lines. The wrap width is the longest line of the
 * whole paragraph, removed lines included (they were wrapped too), unless
 * `widthOfStanding`: then of each run of standing lines in a paragraph, which
 * is what a paragraph of the output holds when the text is cleaned again.
 */
export function pageBlocks(
  lines: readonly ContentLine[],
  standing: (index: number) => boolean,
  removedBy: (index: number) => string | undefined = () => undefined,
  widthOfStanding = false,
): PageBlock[] {
  const blocks: PageBlock[] = [];
  let current: { indices: number[]; parts: string[]; marker: Marker; paragraph: number } | undefined;
  const flush = (): void => {
    if (!current) return;
    const text = current.parts.join(' ');
    const after = removedBy((current.indices[0] as number) - 1);
    blocks.push({
      ...(after === undefined ? {} : { after }),
      indices: current.indices,
      text,
      lines: current.parts,
      marker: current.marker,
      form: text.length <= MAX_FORM_LENGTH && FORM.test(text) && text.split(' ').length <= MAX_FORM_WORDS,
      image: IMAGE.test(text),
      inlineMenu: isInlineMenu(text),
    });
    current = undefined;
  };
  // The converter's wrap width, per paragraph or per run of standing lines in one.
  const longest = new Array<number>(lines.length).fill(0);
  const together = (i: number, j: number): boolean =>
    (lines[j] as ContentLine).paragraph === (lines[i] as ContentLine).paragraph && (!widthOfStanding || (standing(i) && standing(j)));
  for (let i = 0; i < lines.length; ) {
    let end = i + 1;
    while (end < lines.length && together(i, end)) end++;
    let width = 0;
    for (let j = i; j < end; j++) width = Math.max(width, (lines[j] as ContentLine).text.length);
    longest.fill(width, i, end);
    i = end;
  }
  lines.forEach((line, i) => {
    if (!standing(i)) {
      flush();
      return;
    }
    // Markers are read from the normalized line: what the output holds, so a second cleaning reads the same.
    const marker: Marker = BULLET.test(line.text) ? 'bullet' : NUMBERED.test(line.text) ? 'number' : 'none';
    if (!current || marker !== 'none' || !continuesPrevious(lines, i, longest[i] as number)) {
      flush();
      current = { indices: [], parts: [], marker, paragraph: line.paragraph };
    }
    current.indices.push(i);
    current.parts.push(marker === 'none' ? line.text : line.text.replace(marker === 'bullet' ? BULLET : NUMBERED, ''));
  });
  flush();
  return blocks;
}
