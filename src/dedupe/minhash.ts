/**
 * MinHash signatures and LSH band keys for near-duplicate candidates across
 * a corpus (docs/DEDUPE.md has the parameters and what they trade).
 *
 * Shingles are character 5-grams of the canonical form, so every script is
 * treated alike (CJK text has no spaces to cut words at). The signature is
 * one-permutation MinHash: each shingle is hashed once and kept as the
 * minimum of one of SIGNATURE_SIZE bins, and an empty bin (a short
 * paragraph) borrows from the next filled one. That costs O(shingles +
 * bins) per paragraph instead of O(shingles × permutations), with the same
 * collision probability per bin: the Jaccard similarity of the two shingle sets.
 */

/** Characters per shingle. Near copies (Dice ≥ 0.85) keep a 5-gram Jaccard of at least 0.57 in our measurements. */
export const SHINGLE = 5;
/** Rows per band: two signatures collide in a band when all its rows agree (probability J^ROWS). */
export const ROWS = 4;
/** Bands: a pair is a candidate when any band collides, probability 1 − (1 − J^ROWS)^BANDS. */
export const BANDS = 30;
export const SIGNATURE_SIZE = ROWS * BANDS;

const EMPTY = 0xffffffff;

/** Murmur3's finaliser: spreads a rolling hash's bits over all 32. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Base of the rolling hash, and its power for the character leaving the window. */
const BASE = 0x01000193;
const BASE_OUT = (() => {
  let p = 1;
  for (let i = 1; i < SHINGLE; i++) p = Math.imul(p, BASE);
  return p;
})();

/**
 * The MinHash signature of a canonical text (see canonical.ts), SIGNATURE_SIZE
 * values, written into `into` when given (several paragraphs' signatures in
 * one buffer cross to the main thread as one piece).
 */
export function signature(canonical: string, into: Uint32Array = new Uint32Array(SIGNATURE_SIZE)): Uint32Array {
  const sig = into.fill(EMPTY);
  const add = (rolling: number): void => {
    const h = mix(rolling);
    const bin = h % SIGNATURE_SIZE;
    // The bin takes the low part; the value compared is what is left, so bin and value are independent.
    const value = (h - bin) / SIGNATURE_SIZE;
    if (value < (sig[bin] as number)) sig[bin] = value;
  };
  // A polynomial hash of the window, rolled one character at a time (O(1) per shingle).
  let rolling = 0;
  const n = canonical.length;
  for (let i = 0; i < n; i++) {
    if (i >= SHINGLE) rolling = (rolling - Math.imul(canonical.charCodeAt(i - SHINGLE), BASE_OUT)) | 0;
    rolling = (Math.imul(rolling, BASE) + canonical.charCodeAt(i)) | 0;
    if (i >= SHINGLE - 1) add(rolling);
  }
  // A text shorter than a shingle is one shingle.
  if (n > 0 && n < SHINGLE) add(rolling);
  densify(sig);
  return sig;
}

/**
 * An empty bin takes the value of the next filled bin (going round), marked
 * by the distance so that two signatures agree on a borrowed bin only when
 * they borrowed from the same place with the same value.
 */
function densify(sig: Uint32Array): void {
  const n = sig.length;
  if (sig.every((v) => v === EMPTY)) return;
  const out = Uint32Array.from(sig);
  for (let i = 0; i < n; i++) {
    if (sig[i] !== EMPTY) continue;
    let d = 1;
    while (sig[(i + d) % n] === EMPTY) d++;
    out[i] = Math.imul((sig[(i + d) % n] as number) ^ d, 0x9e3779b1) >>> 0;
  }
  sig.set(out);
}

/**
 * One key per band, for one inverted index per band. Keys are 30-bit, so
 * V8 keeps them as small integers (no heap number per key); a rare collision
 * only adds a candidate, which verification turns away.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) {
      h ^= sig[r] as number;
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    }
    keys.push((h ^ (h >>> 12)) & 0x3fffffff);
  }
  return keys;
}

/**
 * The share of bins on which two signatures agree: an estimate of the
 * shingle sets' Jaccard similarity. `b` may be a stored signature's low 16
 * bits (a chance agreement of 1 in 65,536 per bin does not move the estimate).
 */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array | Uint16Array): number {
  const mask = b instanceof Uint16Array ? 0xffff : 0xffffffff;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (((a[i] as number) & mask) >>> 0 === b[i]) same++;
  return same / a.length;
}
