/**
 * Boilerplate and near-boilerplate lines in eight languages (test/lines/<lang>.tsv:
 * `removes<TAB>family<TAB>line` or `keeps<TAB>-<TAB>line`), in the house styles
 * of real sites, each cleaned where it would stand: after a headline, before
 * the article's first paragraphs. Every `keeps` line must stay; of the
 * `removes` lines, at least MIN_RECALL per language must go (the misses are
 * listed when it fails, so a change that loses some shows which).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const MIN_RECALL = 0.95;
const dir = path.resolve(import.meta.dirname, 'lines');

const TITLE: Record<string, string> = {
  en: 'Harbour wall work to begin after summer', de: 'Brückensanierung beginnt im Sommer', fr: 'Les travaux du port débuteront après l’été',
  es: 'Las obras del muelle empezarán tras el verano', pt: 'Obras do cais começam depois do verão', ru: 'Строительство набережной начнётся после лета',
  zh: '新港口防波堤工程将于夏季后开工', ja: '新港防波堤工事、夏以降に着工へ',
};
const PROSE: Record<string, string[]> = {
  en: ['The council met on Tuesday evening to discuss the new harbour wall, which has been delayed by two years.', 'Residents said they were relieved that the work would finally begin after the summer.'],
  de: ['Der Gemeinderat hat am Dienstag über die neue Brücke beraten, die seit zwei Jahren gesperrt ist.', 'Die Anrainer zeigten sich erleichtert, dass die Arbeiten nun im Sommer beginnen sollen.'],
  fr: ['Le conseil municipal s’est réuni mardi soir pour examiner le projet du nouveau port, retardé de deux ans.', 'Les habitants se disent soulagés que les travaux commencent enfin après l’été.'],
  es: ['El consejo municipal se reunió el martes por la noche para debatir el nuevo muelle, que lleva dos años de retraso.', 'Los vecinos dijeron sentirse aliviados de que las obras empiecen por fin después del verano.'],
  pt: ['A câmara municipal reuniu-se na terça-feira à noite para discutir o novo cais, que está atrasado há dois anos.', 'Os moradores disseram estar aliviados por as obras começarem finalmente depois do verão.'],
  ru: ['Городская дума во вторник вечером обсудила строительство новой набережной, которое задерживается уже два года.', 'Жители сказали, что рады тому, что работы наконец начнутся после лета.'],
  zh: ['市议会周二晚间召开会议，讨论已推迟两年的新港口防波堤工程。', '居民表示，工程终于将在夏季之后开工，他们感到松了一口气。'],
  ja: ['市議会は火曜日の夜に会合を開き、2年遅れている新しい港の防波堤工事について協議した。', '住民らは、工事が夏以降にようやく始まることに安堵していると話した。'],
};

/** Whether cleaning removes the line when it stands third in a short article (line 3 of the input). */
function removed(lang: string, line: string): boolean {
  const input = [TITLE[lang], '', line, '', ...(PROSE[lang] as string[]).flatMap((p) => [p, ''])].join('\n');
  return clean(input, { mode: 'article' }).removed.some((r) => r.lines[0] <= 3 && r.lines[1] >= 3);
}

const languages = readdirSync(dir).filter((f) => f.endsWith('.tsv')).map((f) => f.slice(0, -4)).sort();

describe('boilerplate lines in eight languages', () => {
  it('covers en, zh, ru, es, de, fr, pt and ja', () => {
    expect(languages).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'ru', 'zh']);
  });

  for (const lang of languages) {
    const rows = readFileSync(path.join(dir, `${lang}.tsv`), 'utf8').split('\n').filter((r) => r.trim() !== '').map((r) => r.split('\t') as [string, string, string]);
    const removes = rows.filter(([want]) => want === 'removes').map(([, , line]) => line);
    const keeps = rows.filter(([want]) => want === 'keeps').map(([, , line]) => line);

    describe(lang, () => {
      it(`has 40+ boilerplate lines and 15+ look-alike prose lines`, () => {
        expect(removes.length).toBeGreaterThanOrEqual(40);
        expect(keeps.length).toBeGreaterThanOrEqual(15);
      });
      it('keeps every prose line that only looks like boilerplate', () => {
        expect(keeps.filter((line) => removed(lang, line))).toEqual([]);
      });
      it(`removes at least ${MIN_RECALL * 100}% of the boilerplate lines`, () => {
        const missed = removes.filter((line) => !removed(lang, line));
        const recall = 1 - missed.length / removes.length;
        expect(recall, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
      });
    });
  }
});
