/**
 * Stop words per language, from the stopwords-iso package (a maintained,
 * MIT-licensed collection: better lists than we would type by hand). Loaded
 * on first use, only by page mode.
 */
import { createRequire } from 'node:module';
import { traditionalForm } from './traditional.js';

/** The languages page mode scores prose in. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'ru', 'id', 'zh', 'ja', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

let lists: Map<Language, Set<string>> | undefined;

export function stopwords(language: Language): Set<string> {
  if (!lists) {
    const all = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
    lists = new Map(LANGUAGES.map((l) => [l, new Set(all[l] ?? [])]));
    // The Chinese list is simplified only: add each word's traditional form.
    const zh = lists.get('zh') as Set<string>;
    for (const word of [...zh]) {
      const traditional = traditionalForm(word);
      if (traditional) zh.add(traditional);
    }
  }
  return lists.get(language) as Set<string>;
}
