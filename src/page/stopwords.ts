/**
 * Stop words per language, from the stopwords-iso package (a maintained,
 * MIT-licensed collection: better lists than we would type by hand). Loaded
 * on first use, only by page mode.
 */
import { createRequire } from 'node:module';

/** The languages page mode scores prose in. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'ru', 'id', 'zh', 'ja', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

let lists: Map<Language, Set<string>> | undefined;

export function stopwords(language: Language): Set<string> {
  if (!lists) {
    const all = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
    lists = new Map(LANGUAGES.map((l) => [l, new Set(all[l] ?? [])]));
  }
  return lists.get(language) as Set<string>;
}
