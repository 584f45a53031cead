// Shared by the benchmarks: a word-bigram model of the fixtures' clean prose
// (Latin, Cyrillic and CJK alike), from which they generate varied sentences.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** next: word → the words that follow it in the fixtures; starts: paragraph openings. */
export function learnProseModel(root) {
  const next = new Map();
  const starts = [];
  for (const name of readdirSync(path.join(root, 'fixtures'))) {
    const text = readFileSync(path.join(root, 'fixtures', name, 'expected.txt'), 'utf8');
    for (const paragraph of text.split('\n\n')) {
      const words = paragraph.split(/\s+/).filter(Boolean);
      if (words.length < 12) continue;
      starts.push(words[0]);
      for (let i = 0; i + 1 < words.length; i++) {
        const list = next.get(words[i]) ?? [];
        list.push(words[i + 1]);
        next.set(words[i], list);
      }
    }
  }
  return { next, starts };
}
