/**
 * Duplicates across documents (--dedupe-scope corpus): every kept paragraph
 * of a document is compared with the paragraphs kept from the documents
 * before it, in input order, so results are deterministic.
 *
 * Candidates never go quadratic: exact copies are found by their canonical
 * form; near copies through MinHash LSH bands (minhash.ts), and copies cut
 * short through a key of their first 64 canonical characters. Candidates
 * are then verified with the Dice coefficient that the document scope uses
 * (similarity.ts), so --threshold means the same thing in both scopes.
 *
 * The index is plain data that can be saved and loaded (--state), so a corpus
 * can be deduplicated in increments and shards merged.
 */
import type { CleanResult, Duplicate, DuplicateKind, LineRange, Paragraph } from '../types.js';
import { toWellFormed, splitLines } from '../core/normalize.js';
import { canonicalize, shingles, tokenize, utf8Length } from './canonical.js';
import { DEFAULT_CONTAINMENT, DEFAULT_MIN_BYTES, DEFAULT_THRESHOLD, isVerseOrList } from './document.js';
import { BANDS, bandKeys, estimatedJaccard, signature, SIGNATURE_SIZE } from './minhash.js';
import { bigramProfile, dice, profileDice, type BigramProfile } from './similarity.js';

export interface CorpusOptions {
  /** Dice similarity at which two paragraphs are near copies (as in the document scope). */
  threshold: number;
  /** Paragraphs under this many bytes (canonical) are never compared. */
  minBytes: number;
  /** Share of a shorter copy's word 3-shingles found in a longer paragraph that makes it a contained copy. */
  containment: number;
  /** Share of a document's comparable text copied from one earlier document that makes the document a copy of it. */
  articleShare: number;
}

export const DEFAULT_ARTICLE_SHARE = 0.5;

export const DEFAULT_CORPUS_OPTIONS: CorpusOptions = {
  threshold: DEFAULT_THRESHOLD,
  minBytes: DEFAULT_MIN_BYTES,
  containment: DEFAULT_CONTAINMENT,
  articleShare: DEFAULT_ARTICLE_SHARE,
};

/** What corpus dedupe needs of a kept paragraph; computed where the document was cleaned (a worker thread). */
export interface CorpusParagraph {
  /** Index into result.paragraphs. */
  index: number;
  canonical: string;
  signature: Uint32Array;
  /** Its key in each band's index, then its prefix key (-1: too short for one): see indexKeys. */
  keys: Int32Array;
}

/** A paragraph kept earlier in the corpus. */
export interface CorpusEntry {
  source: string;
  lines: LineRange;
  canonical: string;
}

/** Characters of the canonical form that key a copy cut short (a teaser, a truncated paragraph). */
const PREFIX = 64;
/** Below this estimated Jaccard similarity (of 5-gram sets) a candidate is neither a near copy (≥ 0.57 measured) nor worth a containment check. */
const MIN_ESTIMATE = 0.2;

/** The kept paragraphs of a result that take part in corpus dedupe, with their canonical form and signature. */
export function corpusParagraphs(result: CleanResult, minBytes = DEFAULT_MIN_BYTES): CorpusParagraph[] {
  const chosen: { index: number; canonical: string }[] = [];
  result.paragraphs.forEach((p, index) => {
    const lines = p.text.split('\n');
    // The same paragraphs the document scope compares: not verse or lists, not shorter than minBytes.
    if (isVerseOrList(lines) || utf8Length(p.text) < minBytes) return;
    const canonical = canonicalize(lines.join(' '));
    if (utf8Length(canonical) >= minBytes) chosen.push({ index, canonical });
  });
  // One buffer each for the document's signatures and keys: they cross from a worker as one piece, not one per paragraph.
  const signatures = new Uint32Array(chosen.length * SIGNATURE_SIZE);
  const keys = new Int32Array(chosen.length * KEYS);
  return chosen.map(({ index, canonical }, k) => {
    const sig = signature(canonical, signatures.subarray(k * SIGNATURE_SIZE, (k + 1) * SIGNATURE_SIZE));
    return { index, canonical, signature: sig, keys: indexKeys(canonical, sig, keys.subarray(k * KEYS, (k + 1) * KEYS)) };
  });
}

/** Keys per paragraph: one per band, and the prefix key. */
const KEYS = BANDS + 1;

/** A paragraph's keys in the band indexes and the prefix index (-1 when it is shorter than a prefix). */
export function indexKeys(canonical: string, sig: Uint32Array, into: Int32Array = new Int32Array(KEYS)): Int32Array {
  into.set(bandKeys(sig));
  into[BANDS] = canonical.length >= PREFIX ? prefixKey(canonical) : -1;
  return into;
}

/**
 * An inverted index from small-integer keys to entries, newest first: a map
 * holds each key's latest entry and a typed array chains the earlier ones,
 * so a posting costs one map entry at most and 4 bytes (not an array each).
 */
class Postings {
  private readonly heads = new Map<number, number>();
  private next = new Int32Array(4096);

  add(key: number, entry: number): void {
    if (entry >= this.next.length) {
      const grown = new Int32Array(Math.max(entry + 1, this.next.length * 2));
      grown.set(this.next);
      this.next = grown;
    }
    this.next[entry] = this.heads.get(key) ?? -1;
    this.heads.set(key, entry);
  }

  collect(key: number, into: Set<number>): void {
    for (let id = this.heads.get(key) ?? -1; id !== -1; id = this.next[id] as number) into.add(id);
  }
}

/** A 30-bit hash of a prefix key (a small integer for V8). */
function prefixKey(canonical: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < PREFIX; i++) h = Math.imul(h ^ canonical.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** Stored signatures keep their low 16 bits, in blocks (no doubling of one huge array as the corpus grows). */
const BLOCK = 4096;

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The share of a's word 3-shingles that b has too (canonical texts). */
export function coverage(a: string, b: string): number {
  const sa = shingles(tokenize(a));
  const sb = shingles(tokenize(b));
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return sa.size === 0 ? 0 : shared / sa.size;
}

export class CorpusIndex {
  readonly entries: CorpusEntry[] = [];
  private readonly exact = new Map<string, number>();
  private readonly prefixes = new Postings();
  private readonly bands: Postings[] = Array.from({ length: BANDS }, () => new Postings());
  private readonly signatureBlocks: Uint16Array[] = [];
  /** The bigram profile of the paragraph being checked (find), built on first need. */
  private profile: BigramProfile | undefined;
  /** Documents checked, and those reported as copies of an earlier one. */
  documents = 0;
  duplicateDocuments = 0;

  constructor(readonly options: CorpusOptions = DEFAULT_CORPUS_OPTIONS) {}

  /**
   * Drop the paragraphs of `result` that copy a paragraph of an earlier
   * document, and add the others to the index. `input` is the text the result
   * was cleaned from (a dropped paragraph is reported as it was there), whose
   * first line is line `firstLine` of the result's numbering (a --split part);
   * `prepared` is corpusParagraphs(result), when a worker computed it.
   */
  apply(result: CleanResult, input: string, firstLine = 1, prepared: CorpusParagraph[] = corpusParagraphs(result, this.options.minBytes)): CleanResult {
    this.documents++;
    const source = result.source ?? '-';
    const verdicts = new Map<number, { entry: number; kind: DuplicateKind; similarity: number }>();
    const adds: CorpusParagraph[] = [];
    for (const p of prepared) {
      const found = this.find(p);
      if (found) verdicts.set(p.index, found);
      else adds.push(p);
    }
    // Added after the whole document is checked: copies inside one document are the document scope's business.
    for (const p of adds) this.add(p, source, (result.paragraphs[p.index] as Paragraph).lines);
    if (verdicts.size === 0) return result;
    return this.rewrite(result, input, firstLine, prepared, verdicts);
  }

  /** The best earlier paragraph that p copies, if any. */
  private find(p: CorpusParagraph): { entry: number; kind: DuplicateKind; similarity: number } | undefined {
    const same = this.exact.get(p.canonical);
    if (same !== undefined) return { entry: same, kind: 'exact', similarity: 1 };
    const candidates = new Set<number>();
    const keys = p.keys;
    if ((keys[BANDS] as number) >= 0) this.prefixes.collect(keys[BANDS] as number, candidates);
    for (let band = 0; band < BANDS; band++) (this.bands[band] as Postings).collect(keys[band] as number, candidates);
    let best: { entry: number; kind: DuplicateKind; similarity: number } | undefined;
    this.profile = undefined;
    const rank = (v: { kind: DuplicateKind; similarity: number }): number => (v.kind === 'near' ? 2 : 1) + v.similarity;
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const verdict = this.relate(p, id);
      if (verdict && (!best || rank(verdict) > rank(best))) best = { entry: id, ...verdict };
    }
    return best;
  }

  /** Whether p is a near or contained copy of entry `id` (never when the entry is the one contained: p is fuller). */
  private relate(p: CorpusParagraph, id: number): { kind: DuplicateKind; similarity: number } | null {
    const kept = (this.entries[id] as CorpusEntry).canonical;
    const { threshold, containment } = this.options;
    if (p.canonical.length <= kept.length && kept.includes(p.canonical)) return { kind: 'contained', similarity: 1 };
    if (estimatedJaccard(p.signature, this.signatureOf(id)) < MIN_ESTIMATE) return null;
    const [short, long] = p.canonical.length <= kept.length ? [p.canonical, kept] : [kept, p.canonical];
    // Dice ≤ 2·min/(min+max): below this length ratio the threshold cannot be reached.
    // p's bigram profile is built once for all its candidates.
    const mine = (this.profile ??= bigramProfile(p.canonical));
    const theirs = bigramProfile(kept);
    if (short.length / long.length >= threshold / (2 - threshold) && profileDice(mine, theirs) >= threshold) {
      const similarity = dice(short, long);
      if (similarity >= threshold) return { kind: 'near', similarity: round(similarity) };
    }
    if (p.canonical.length < kept.length) {
      const covered = coverage(p.canonical, kept);
      if (covered >= containment) return { kind: 'contained', similarity: round(covered) };
    }
    return null;
  }

  private signatureOf(id: number): Uint16Array {
    const at = (id % BLOCK) * SIGNATURE_SIZE;
    return (this.signatureBlocks[Math.floor(id / BLOCK)] as Uint16Array).subarray(at, at + SIGNATURE_SIZE);
  }

  /** Add a kept paragraph to the index. */
  add(p: Pick<CorpusParagraph, 'canonical' | 'signature' | 'keys'>, source: string, lines: LineRange): void {
    const id = this.entries.length;
    this.entries.push({ source, lines, canonical: p.canonical });
    if (!this.exact.has(p.canonical)) this.exact.set(p.canonical, id);
    const keys = p.keys;
    if ((keys[BANDS] as number) >= 0) this.prefixes.add(keys[BANDS] as number, id);
    for (let band = 0; band < BANDS; band++) (this.bands[band] as Postings).add(keys[band] as number, id);
    if (id % BLOCK === 0) this.signatureBlocks.push(new Uint16Array(BLOCK * SIGNATURE_SIZE));
    // Uint16Array.set keeps the low 16 bits of each value.
    (this.signatureBlocks[this.signatureBlocks.length - 1] as Uint16Array).set(p.signature, (id % BLOCK) * SIGNATURE_SIZE);
  }

  /** The result with the copies moved from paragraphs to duplicates, and duplicateOf when most of it is one earlier document. */
  private rewrite(
    result: CleanResult,
    input: string,
    firstLine: number,
    prepared: readonly CorpusParagraph[],
    verdicts: ReadonlyMap<number, { entry: number; kind: DuplicateKind; similarity: number }>,
  ): CleanResult {
    const originals = splitLines(toWellFormed(input));
    const paragraphs: Paragraph[] = [];
    const duplicates: Duplicate[] = [...result.duplicates];
    result.paragraphs.forEach((p, index) => {
      const verdict = verdicts.get(index);
      if (!verdict) {
        paragraphs.push(p);
        return;
      }
      const kept = this.entries[verdict.entry] as CorpusEntry;
      duplicates.push({
        lines: p.lines,
        of: { lines: kept.lines, source: kept.source },
        kind: verdict.kind,
        similarity: verdict.similarity,
        text: originals.slice(p.lines[0] - firstLine, p.lines[1] - firstLine + 1).join('\n'),
      });
    });
    duplicates.sort((a, b) => a.lines[0] - b.lines[0]);

    // A copy of an earlier article: most of its comparable paragraphs, and most of their text, copy one earlier document.
    const total = prepared.reduce((n, p) => n + p.canonical.length, 0);
    const bySource = new Map<string, { paragraphs: number; chars: number }>();
    for (const p of prepared) {
      const verdict = verdicts.get(p.index);
      if (!verdict) continue;
      const from = (this.entries[verdict.entry] as CorpusEntry).source;
      const copied = bySource.get(from) ?? { paragraphs: 0, chars: 0 };
      copied.paragraphs++;
      copied.chars += p.canonical.length;
      bySource.set(from, copied);
    }
    let duplicateOf: CleanResult['duplicateOf'];
    for (const [from, copied] of bySource) {
      const share = round(copied.chars / total);
      const most = copied.paragraphs * 2 > prepared.length && share > this.options.articleShare;
      if (most && (!duplicateOf || share > duplicateOf.share)) duplicateOf = { source: from, share };
    }
    if (duplicateOf) this.duplicateDocuments++;

    const text = paragraphs.length === 0 ? '' : paragraphs.map((p) => p.text).join('\n\n') + '\n';
    const linesOut = paragraphs.reduce((n, p) => n + p.lines[1] - p.lines[0] + 1, 0);
    return {
      ...result,
      ...(duplicateOf ? { duplicateOf } : {}),
      text,
      paragraphs,
      duplicates,
      stats: {
        ...result.stats,
        linesOut,
        paragraphsOut: paragraphs.length,
        duplicates: duplicates.length,
        duplicateLines: duplicates.reduce((n, d) => n + d.lines[1] - d.lines[0] + 1, 0),
      },
    };
  }
}
