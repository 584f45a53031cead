/** Metadata helpers: reading counts as printed, and merging what rules lifted. */
import type { Metadata } from '../types.js';

const MULTIPLIERS: Record<string, number> = {
  k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9,
  千: 1e3, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8,
  тыс: 1e3, млн: 1e6,
  // Spanish and Portuguese "1,5 mil" (thousand).
  mil: 1e3,
};

/**
 * Read a count as sites print it: "1518", "1,518", "1 518", "1.2K", "2.3万",
 * "1,2 тыс.". Returns undefined when the text is not a count.
 */
export function parseCount(text: string): number | undefined {
  const m = /^(\d{1,3}(?:[,.\s\u202F]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|K|m|M|b|B|千|万|萬|亿|億|тыс|млн|mil)?\.?\+?$/u.exec(text.trim());
  if (!m) return undefined;
  const digits = m[1] as string;
  const unit = m[2];
  if (unit) {
    const value = Number.parseFloat(digits.replace(',', '.')) * (MULTIPLIERS[unit] ?? 1);
    return Number.isFinite(value) ? Math.round(value) : undefined;
  }
  // Without a multiplier, separators are thousands separators ("1,518", "1.518", "1 518").
  const value = Number.parseInt(digits.replace(/[,.\s\u202F]/g, ''), 10);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Merge lifted fields in document order: the first value a document gives for a field wins. */
export function mergeMetadata(target: Metadata, found: Metadata | undefined): void {
  if (!found) return;
  for (const key of Object.keys(found) as (keyof Metadata)[]) {
    const value = found[key];
    if (value === undefined || value === '' || target[key] !== undefined) continue;
    (target as Record<string, unknown>)[key] = value;
  }
}

/** Drop undefined and empty values so a rule can build its match without branching. */
export function compact(metadata: Metadata): Metadata {
  const out: Metadata = {};
  mergeMetadata(out, metadata);
  return out;
}

// The order fields are listed in, whatever order the dump gave them.
const FIELD_ORDER: (keyof Metadata)[] = [
  'published', 'updated', 'publishedText', 'updatedText', 'category', 'tags', 'views', 'comments', 'likes', 'shares',
  'source', 'byline', 'authors', 'editor', 'photoCredit',
];

/** The same metadata with its fields in the documented order. */
export function orderMetadata(metadata: Metadata): Metadata {
  const out: Metadata = {};
  for (const key of FIELD_ORDER) {
    if (metadata[key] !== undefined) (out as Record<string, unknown>)[key] = metadata[key];
  }
  return out;
}
