/**
 * Automatic mode: is this an article-only dump (like the seed) or a whole page
 * (menus, link lists and widgets around the article)? Decided from the blocks
 * left after the line rules: a page has many blocks that are navigation-shaped.
 */
import type { PageBlock } from './blocks.js';

/** A page has at least this many navigation-shaped blocks... */
const MIN_NAVIGATION_BLOCKS = 8;
/** ...making up at least this share of its blocks. */
const MIN_NAVIGATION_SHARE = 0.3;
const MENU_ITEM_WORDS = 6;
const ENDS_LIKE_TEXT = /[.,;:!?。，；：！？…"'”’»)]$/u;

/** Converter residue no article text has: form widgets, image placeholders, inline menus. */
const isWidget = (b: PageBlock): boolean => b.form || b.image || b.inlineMenu;
/** Two widgets, or this many bulleted items, make a page whatever else it holds (a long comment thread is still a page). */
const MIN_WIDGETS = 2;
const MIN_BULLETS = 10;

function navigationShaped(b: PageBlock): boolean {
  if (isWidget(b) || b.marker === 'bullet') return true;
  // A lone menu item: a few capitalised words (or CJK), no punctuation at the end.
  return b.marker === 'none' && b.indices.length === 1 && !ENDS_LIKE_TEXT.test(b.text) && STARTS_CAPITALISED.test(b.text) && hasAtMostWords(b.text, MENU_ITEM_WORDS);
}

const STARTS_CAPITALISED = /^[\p{Lu}\p{Lo}]/u;

/** Whether text has at most n space-separated words, without splitting it (this runs on every block, every round). */
function hasAtMostWords(text: string, n: number): boolean {
  let spaces = 0;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) if (++spaces >= n) return false;
  return true;
}

export function looksLikePage(blocks: readonly PageBlock[]): boolean {
  if (blocks.filter(isWidget).length >= MIN_WIDGETS) return true;
  if (blocks.filter((b) => b.marker === 'bullet').length >= MIN_BULLETS) return true;
  const navigation = blocks.filter(navigationShaped).length;
  return navigation >= MIN_NAVIGATION_BLOCKS && navigation >= blocks.length * MIN_NAVIGATION_SHARE;
}
