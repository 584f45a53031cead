/**
 * Finding the article in a whole-page dump, from text alone.
 *
 * 1. Each block gets a class from its own features (the way jusText does it,
 *    with list markers and converter residue standing in for HTML links):
 *    good (long, many stop words), near-good, short, or bad.
 * 2. Context smoothing: a short block between good ones is content (a
 *    subheading, a one-line paragraph); a run of short blocks among bad ones
 *    is a menu.
 * 3. The article is the densest run of prose: the contiguous run of blocks
 *    with the largest score (good text counts for, bad text against, prose
 *    near the end of the page less). Reader comments end it. Good-looking
 *    blocks outside it (sidebars, teasers, footers) are dropped too.
 * 4. The headline just above the run is kept (unless `title: false`).
 *
 * Steps 1-4 are the hand-made reading (`readPage`). 5. The block model
 * (model.ts) reads it, with each block's features and its neighbours'
 * (features.ts), and decides: the reading is evidence, the trees the verdict.
 */
import { findDateTime } from '../core/datetime.js';
// A headline does not end like a sentence (abbreviations inside it, "U.S. Senate", are fine).
import { SENTENCE_END } from '../rules/patterns.js';
import type { PageBlock } from './blocks.js';
import { blockFeatures, type BlockClass, type PageReading } from './features.js';
import { decide, hasModel, reasonsAgainst, verdictInputs, type ModelDecision } from './model.js';
import { measureProse, type ProseMeasure, type ProseMemo } from './prose.js';
import type { Language } from './stopwords.js';


/** Why a block was removed: a page rule id and the features that decided. */
export interface BlockVerdict {
  rule: PageRuleId;
  detail: string;
}

export type PageRuleId = 'page/form' | 'page/caption' | 'page/navigation' | 'page/link-list' | 'page/low-prose' | 'page/outside-article';

export const PAGE_RULES: readonly { id: PageRuleId; description: string }[] = [
  { id: 'page/form', description: 'a form widget left by the converter (search box, button, check box)' },
  { id: 'page/caption', description: 'an image placeholder and its caption or credit' },
  { id: 'page/navigation', description: 'a menu: short link-like items, or several on one line' },
  { id: 'page/link-list', description: 'a run of short list items among non-article blocks (related stories, most read, archives)' },
  { id: 'page/low-prose', description: 'text that does not read as prose (few stop words, no sentences) where the article is not' },
  { id: 'page/outside-article', description: 'prose outside the densest run of article text (sidebar, teaser, comments, footer)' },
];

/** Thresholds, tuned on the train split of the dragnet-lynx set (docs/QUALITY.md). */
export const PAGE_TUNING = {
  /** Below this weight (characters, CJK counted ×3) a block is short. */
  lengthLow: 50,
  /** From this weight a block with enough stop words is good. */
  lengthHigh: 150,
  stopLow: 0.35,
  stopHigh: 0.45,
  /** How much a bad block's weight counts against the run it is in. */
  badWeight: 2,
  /** How much a near-good block's weight counts for it. */
  neargoodWeight: 0.5,
  /** Where the footer part of a page starts (share of its blocks), and how little prose there counts at the very end. */
  footerStart: 0.6,
  footerFloor: 0.2,
  /** Blocks looked back over for the headline (share buttons, bylines and dates stand between). */
  titleDistance: 8,
  /** Words a headline may have. */
  titleWords: 25,
};


interface Scored {
  block: PageBlock;
  measure: ProseMeasure;
  initial: BlockClass;
  final: BlockClass;
  /** Set when the initial class is bad for a specific reason. */
  reason?: PageRuleId;
}

function initialClass(block: PageBlock, m: ProseMeasure, t: typeof PAGE_TUNING): Pick<Scored, 'initial' | 'reason'> {
  if (block.form) return { initial: 'bad', reason: 'page/form' };
  if (block.image) return { initial: 'bad', reason: 'page/caption' };
  if (block.inlineMenu) return { initial: 'bad', reason: 'page/navigation' };
  if (m.weight < t.lengthLow) {
    // A short list item is a link more often than not; a short plain line may be a subheading.
    return block.marker === 'bullet' ? { initial: 'bad', reason: 'page/link-list' } : { initial: 'short' };
  }
  if (m.stopDensity >= t.stopHigh) return { initial: m.weight >= t.lengthHigh ? 'good' : 'neargood' };
  if (m.stopDensity >= t.stopLow) return { initial: 'neargood' };
  return { initial: 'bad', reason: 'page/low-prose' };
}

/** The nearest class before (step -1) or after (step 1) index i that is not short (nor near-good, if asked); the page edge counts as bad. */
function neighbour(classes: readonly BlockClass[], i: number, step: -1 | 1, skipNeargood: boolean): BlockClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j] as BlockClass;
    if (c === 'short' || (skipNeargood && c === 'neargood')) continue;
    return c;
  }
  return 'bad';
}

/** jusText's context-sensitive pass: short, then near-good blocks take their class from their neighbours. */
function smooth(initial: readonly BlockClass[]): BlockClass[] {
  const classes = [...initial];
  const shorts = initial.map((c, i) => (c === 'short' ? i : -1)).filter((i) => i >= 0);
  const resolved = [...classes];
  for (const i of shorts) {
    const prev = neighbour(classes, i, -1, true);
    const next = neighbour(classes, i, 1, true);
    if (prev === 'good' && next === 'good') resolved[i] = 'good';
    else if (prev === 'bad' && next === 'bad') resolved[i] = 'bad';
    else if ((prev === 'bad' && neighbour(classes, i, -1, false) === 'neargood') || (next === 'bad' && neighbour(classes, i, 1, false) === 'neargood')) resolved[i] = 'good';
    else resolved[i] = 'bad';
  }
  for (let i = 0; i < resolved.length; i++) {
    if (resolved[i] !== 'neargood') continue;
    const prev = neighbour(resolved, i, -1, true);
    const next = neighbour(resolved, i, 1, true);
    resolved[i] = prev === 'bad' && next === 'bad' ? 'bad' : 'good';
  }
  return resolved;
}

/** How much a block counts for (prose) or against (anything else) the run it stands in. */
function runScore(s: Scored, t: typeof PAGE_TUNING): number {
  const w = s.measure.weight;
  switch (s.initial) {
    case 'good':
      return w;
    case 'neargood':
      return w * t.neargoodWeight;
    case 'short':
      return s.final === 'good' ? 0 : -w * t.badWeight;
    case 'bad':
      return -w * t.badWeight;
  }
}

/** The contiguous run of blocks with the largest score (Kadane), ending before any comment section. */
function densestRun(scored: readonly Scored[], t: typeof PAGE_TUNING, end: number): [number, number] | undefined {
  let best = 0;
  let bestRun: [number, number] | undefined;
  let sum = 0;
  let start = 0;
  const n = scored.length;
  scored.slice(0, end).forEach((s, i) => {
    // Footers end pages: prose in the last part of the page counts for less ("about us" blurbs).
    const score = runScore(s, t);
    const position = i / n;
    const damp = score > 0 && position > t.footerStart ? 1 - (1 - t.footerFloor) * ((position - t.footerStart) / (1 - t.footerStart)) : 1;
    sum += score * damp;
    if (sum <= 0) {
      sum = 0;
      start = i + 1;
    } else if (sum > best) {
      best = sum;
      bestRun = [start, i];
    }
  });
  return bestRun;
}

/**
 * Reader comments: blocks like "by james on January 31, 2011 at 9:59 am. Reply"
 * or "Anna says:". Where two or more follow the article, the comments begin at
 * the first; prose there is not the article.
 */
const COMMENT_META = /(?:^|\s)(?:Reply|Permalink|Report abuse|Report comment|Flag)(?:\s*#)?$|\b(?:says|said|wrote|writes)\s*:(?:\s|$)|\(Score:\s*-?\d|^(?:Comments?|Responses?|Discussion)(?:\s*\(\d+\))?$|\b\d+ (?:comments|responses|replies)$/iu;
/** "Michael Crosby said," on a line of its own: a comment's signature. */
const COMMENT_SIGNATURE = /^\S+(?: \S+){0,4} (?:says|said|wrote|writes)\s*[:,]?$/iu;
/** "Dr. Pete November 1, 2012 at 12:17 pm": a short name, a date and a time, on a line of its own. */
function isDatedSignature(line: string): boolean {
  if (line.length > 80) return false;
  const found = findDateTime(line);
  return found !== null && found.iso.includes('T') && found.rest.trim().split(/\s+/).length <= 5;
}
// A signature the line rules already removed ("Peter Flom 07.08.12 at 13:24" is a metadata line) still marks a comment.
const isCommentMark = (b: PageBlock): boolean =>
  b.after === 'dates/metadata-line' || b.lines.some((line) => COMMENT_META.test(line) || COMMENT_SIGNATURE.test(line) || isDatedSignature(line));
/** A comment section's heading ("53 Responses to ...", "Comments (4)", "Leave a Reply"): one is enough. */
const COMMENTS_HEADING = /^[^\p{L}\p{N}]*(?:\d+\s+(?:users?\s+|people\s+|readers?\s+)?(?:comments?|responses?|responded|replies|reactions?)\b.{0,80}|(?:comments?|responses?|reader comments|discussion)(?:\s*\(\d+\))?\s*[:»]?|leave a (?:reply|comment)|join the (?:discussion|conversation))$/iu;
const MIN_COMMENT_MARKS = 2;

/** Where a run of article text turns into reader comments: the first of two or more comment marks after its first good block. */
function commentsStart(scored: readonly Scored[], [first, last]: [number, number]): number {
  const firstGood = scored.findIndex((s, i) => i >= first && s.initial === 'good');
  const marks: number[] = [];
  for (let i = Math.max(first, firstGood + 1); i <= last; i++) {
    if (isCommentMark((scored[i] as Scored).block)) marks.push(i);
  }
  for (let i = Math.max(first, firstGood + 1); i <= last; i++) {
    const b = (scored[i] as Scored).block;
    // The heading may already be gone, removed by a line rule ("12 comments", "Leave a comment").
    if (COMMENTS_HEADING.test(b.text) || b.after === 'counters/comments' || b.after === 'social/comment-prompt') return Math.min(i, marks[0] ?? i);
  }
  return marks.length >= MIN_COMMENT_MARKS ? (marks[0] as number) : last + 1;
}

function mostProseLike(scored: readonly Scored[]): [number, number] | undefined {
  let best = -1;
  let bestScore = 0;
  scored.forEach((s, i) => {
    const b = s.block;
    const score = b.form || b.inlineMenu ? 0 : s.measure.weight * (0.1 + s.measure.stopDensity);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best < 0 ? undefined : [best, best];
}

/** Lines between a headline and its text that are not the headline: bylines, dates, "updated". */
const HEADLINE_NEIGHBOUR = /^(?:by|von|por|par|от|автор|posted|published|updated|last (?:modified|updated))\b/iu;
const MIN_TITLE_WORDS = 3;

function looksLikeTitle(s: Scored, t: typeof PAGE_TUNING): boolean {
  const b = s.block;
  if (b.form || b.image || b.inlineMenu || b.marker !== 'none' || SENTENCE_END.test(b.text)) return false;
  if (HEADLINE_NEIGHBOUR.test(b.text) || findDateTime(b.text)) return false;
  return s.measure.words >= MIN_TITLE_WORDS && s.measure.words <= t.titleWords;
}

const describe = (s: Pick<Scored, 'block' | 'measure' | 'initial' | 'final'>): string =>
  `${s.measure.words} words, stop words ${s.measure.stopDensity.toFixed(2)}, ${s.block.marker === 'none' ? 'no list marker' : `${s.block.marker} item`}; ${s.initial}${s.final !== s.initial ? ` → ${s.final} by context` : ''}`;

export interface PageOptions {
  language: Language;
  /** Keep the headline above the article (default true). */
  title?: boolean;
  tuning?: Partial<typeof PAGE_TUNING>;
  /** Measures of block texts already judged in an earlier round. */
  memo?: ProseMemo;
  /** Let the learned block model decide (default true); false keeps the hand-made reading's verdicts. */
  model?: boolean;
}

/** The hand-made reading of a page: classes, smoothing, the densest run, comments and headline. */
export function readPage(blocks: readonly PageBlock[], options: PageOptions): { reading: PageReading; heuristic: (BlockVerdict | undefined)[] } {
  const t = { ...PAGE_TUNING, ...options.tuning };
  const scored: Scored[] = blocks.map((block) => {
    const measure = measureProse(block.text, options.language, options.memo);
    const { initial, reason } = initialClass(block, measure, t);
    return { block, measure, initial, final: initial, ...(reason ? { reason } : {}) };
  });
  const finals = smooth(scored.map((s) => s.initial));
  scored.forEach((s, i) => (s.final = finals[i] as BlockClass));

  // No good block at all (a very short article): let near-good prose count.
  if (!scored.some((s) => s.initial === 'good')) {
    for (const s of scored) if (s.initial === 'neargood') s.initial = 'good';
  }
  // Never nothing: when no run scores above zero, the most prose-like block is the article.
  let run = densestRun(scored, t, scored.length) ?? mostProseLike(scored);
  // Comments below an article read like prose: end the article where they begin, and look again before that.
  let comments = scored.length;
  if (run) {
    const cut = commentsStart(scored, run);
    if (cut <= run[1]) {
      comments = cut;
      run = densestRun(scored, t, cut);
    }
  }
  let first = run?.[0] ?? scored.length;
  const last = run?.[1] ?? -1;
  let title = -1;
  if (run && options.title !== false) {
    for (let i = first - 1; i >= 0 && i >= first - t.titleDistance; i--) {
      const s = scored[i] as Scored;
      if (looksLikeTitle(s, t)) {
        s.final = 'good';
        first = title = i;
        break;
      }
    }
  }
  const heuristic = scored.map((s, i): BlockVerdict | undefined => {
    const inRun = i >= first && i <= last;
    // Inside the article, near-good prose stays whatever its neighbours are (and a lone chosen block stays).
    if (inRun && (s.final === 'good' || s.initial === 'good' || s.initial === 'neargood' || first === last)) return undefined;
    const detail = describe(s);
    if (!inRun && s.final === 'good') return { rule: 'page/outside-article', detail: `${detail}; outside the article run (blocks ${first + 1}-${last + 1})` };
    return { rule: ruleFor(s), detail };
  });
  const reading: PageReading = {
    blocks: scored.map((s, i) => ({
      block: s.block,
      measure: s.measure,
      initial: s.initial,
      final: s.final,
      kept: heuristic[i] === undefined,
      commentMark: isCommentMark(s.block),
      title: i === title,
      ...(s.reason ? { reason: s.reason } : {}),
    })),
    first,
    last,
    comments,
  };
  return { reading, heuristic };
}

/** The rule that names what a removed block is (a widget, a list item, a short line, or text that is not prose). */
function ruleFor(s: Pick<Scored, 'block' | 'initial' | 'reason'>): PageRuleId {
  if (s.reason) return s.reason;
  if (s.block.marker === 'bullet') return 'page/link-list';
  if (s.initial === 'short') return 'page/navigation';
  return 'page/low-prose';
}

/** Whether the shipped trees were trained on the current features (checked once, not per page and round). */
const MODEL_FITS = hasModel();

/** Returns, for each block, why it is removed (or undefined when it is part of the article). */
export function classifyBlocks(blocks: readonly PageBlock[], options: PageOptions): (BlockVerdict | undefined)[] {
  if (options.model === false || !MODEL_FITS) return readPage(blocks, options).heuristic;
  // The model was trained with the headline found; `title: false` drops it afterwards.
  const { reading } = readPage(blocks, { ...options, title: true });
  const features = blockFeatures(reading);
  const inputs = verdictInputs(features);
  const decisions = decide(features, undefined, inputs);
  if (options.title === false) reading.blocks.forEach((r, i) => r.title && ((decisions[i] as ModelDecision).keep = false));
  return reading.blocks.map((r, i) => {
    const d = decisions[i] as ModelDecision;
    if (d.keep) return undefined;
    if (r.title && options.title === false) return { rule: ruleFor({ block: r.block, initial: r.initial }), detail: `${describe(r)}; the headline, dropped (title: false)` };
    const against = reasonsAgainst(inputs[i] as number[]);
    const why = `p(article) ${d.probability.toFixed(2)}${against ? ` (${against})` : ''}`;
    const outside = r.final === 'good' && !(i >= reading.first && i <= reading.last);
    const rule = outside ? 'page/outside-article' : ruleFor({ block: r.block, initial: r.initial, ...(r.reason ? { reason: r.reason } : {}) });
    return { rule, detail: `${describe(r)}; ${why}` };
  });
}
