/** Category and tag lines, and the link residue ("Latest News", "Most Read") pages leave around an article. */
import type { Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { phraseLine, restOfLine, SHORT_LINE, wordCount } from './patterns.js';

/**
 * Link-residue labels that head a list (most read, tags, rankings): the headlines or
 * tags under them go with them (navigation/related-list). Not "News" or "Home",
 * which a site menu leaves right above the article's own headline.
 */
export const LIST_HEADING_LABELS = [
  'Most Read', 'Most Popular', 'Most Viewed', 'Popular', 'Trending', 'Trending Now', 'Top Stories', "Editor's Picks", 'Editors Picks',
  'More News', 'More Stories', 'Les plus lus', 'Lo más leído', 'Mais lidas', 'Mais lidas da semana', 'Mais vistas', 'Meistgelesen', 'Популярное',
  'Temas', 'Temas relacionados', 'Tags', 'Tópicos', 'Themen', 'Schlagwörter', 'Mots-clés', 'Sujets associés', 'Теги', 'Темы',
  'タグ', '関連キーワード', 'ランキング', 'アクセスランキング', '標籤', '标签',
  '热门', '热门新闻', '热门推荐', '熱門', '熱門新聞', '熱門推薦', '图片新闻', '圖片新聞', '直播回放', '热点专题', '视频新闻',
];

const LINK_LABELS = [
  ...LIST_HEADING_LABELS,
  'Latest News', 'Latest', 'Top News', 'Breaking News',
  'Recommended', 'Headlines', 'News', 'Home', 'Back', 'Next', 'Previous', 'Next Article', 'Previous Article',
  'About the author', 'About the authors', 'About us', 'More from this author', 'Archives', 'Categories', 'Blogroll',
  '最新新闻', '最新消息', '热点', '推荐', '返回首页', '上一篇', '下一篇', '上一則', '下一則',
  'Последние новости', 'Новости', 'Главное',
  'Últimas noticias', 'Neueste Nachrichten', 'Dernières nouvelles', 'Últimas notícias',
  '最新ニュース', '新着記事', '最新新聞', '即時新聞',
];

const categoryFooter = patternRule({
  id: 'footers/category',
  description: 'a category label or "<category> Category ..." footer',
  patterns: [
    // "international Category Latest News2926": the category name comes first.
    /^(\p{L}[\p{L}\p{M}&' -]{0,40}?)\s+Category(?:\s+(?:Latest|More|Top|Related)\s+\p{L}+(?:\s*\d{1,7})?)?$/u,
    new RegExp(`^(?:categor(?:y|ies)|section|filed under|posted in|rubric|分类|栏目|频道|カテゴリー?|分類|欄目|專題|专题|рубрика|раздел|тема|categoría|sección|kategorie|rubrik|ressort|rubrique|catégorie|categoria|editoria)\\s*[:：]\\s*${restOfLine(1, 60)}`, 'iu'),
  ],
  lift: (m) => {
    const category = trimValue(m[1]);
    if (!category || wordCount(category) > 6) return null;
    return { category };
  },
  examples: {
    removes: ['international Category Latest News2926', 'international Category Latest News', 'Category: World', 'Filed under: Business', '分类：国际', '分類：社會', '专题：两会', 'Рубрика: Политика', 'Тема: Протесты в Грузии', 'Ressort: Inland'],
    keeps: ['The category of the award was changed last year.', 'Section: the first part of the law concerns taxes, and it is long.'],
  },
});

// Spacing before a separator is matched from the start of its run only (see SEPARATOR in navigation.ts).
const TAG_SEPARATOR = /(?:(?<!\s)\s+)?[,，、;；|#·•]\s*/u;
// CJK tags are often separated by spaces only: "標籤：市場改建 攤商 桐林市".
const CJK_TAGS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\d]+(?: [\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\d]+)+$/u;

const TAG_LABELS =
  'tags?|tagged(?: with| as)?|topics?|keywords?|more on|filed (?:under|in)|标签|標籤|关键词|關鍵詞|关键字|關鍵字|タグ|キーワード|теги|темы|метки|ключевые слова|etiquetas|palabras clave|temas|archivado en|schlagwörter|schlagworte|themen|mehr zu|mots-clés|sujets associés|sujets|palavras-chave|arquivado em';
const INNER_TAG_LABEL = new RegExp(`^(?:${TAG_LABELS})\\s*[:：]\\s*`, 'iu');

const tags = patternRule({
  id: 'footers/tags',
  description: 'a tag or keyword list',
  patterns: [
    new RegExp(`^(?:${TAG_LABELS})\\s*[:：]\\s*${restOfLine(1, 200)}`, 'iu'),
    // The label alone, its tags on the lines below (each a short link line): "Archivado en:".
    new RegExp(`^(?:${TAG_LABELS})\\s*[:：]$`, 'iu'),
  ],
  lift: (m) => {
    const value = m[1];
    if (value === undefined) return {};
    const list = (CJK_TAGS.test(value) ? value.split(' ') : value.split(TAG_SEPARATOR))
      // A second label inside the list: "Filed under: Diary, Failures | Tagged: badgers".
      .map((t) => t.replace(INNER_TAG_LABEL, '').trim())
      .filter((t) => t !== '');
    // A tag list is short items; a sentence after "Topics:" is prose.
    if (list.length === 0 || list.some((t) => wordCount(t) > 5)) return null;
    return { tags: list };
  },
  liftPatterns: [TAG_SEPARATOR, CJK_TAGS, INNER_TAG_LABEL],
  examples: {
    removes: [
      'Tags: economy, trade, tariffs', 'Topics: Russia | Kazakhstan', 'More on: Elections, Congress', '标签：经济，贸易', '標籤：市場改建 攤商 桐林市', 'キーワード：地方創生', 'Теги: политика, выборы', 'Темы: Выборы, Госдума',
      'Themen: Bundesregierung, Haushalt, Schuldenbremse', 'Mots-clés : FC Val-de-Brenne · National · Ligue 2', 'Temas: Lisboa, Habitação, Autarquias', 'Arquivado em: Economia',
      'Filed under: Allotment diary, Failures | Tagged: badgers, plot 14, sweetcorn', 'Archivado en:', 'Tags:',
    ],
    keeps: ['Topics: the meeting covered the budget, the new school and a long dispute about parking fees.', 'Filed under: the papers he left behind, which the family has kept since the war in a locked drawer.'],
  },
});

const linkResidue = patternRule({
  id: 'footers/link-residue',
  maxLength: SHORT_LINE,
  description: 'leftover link labels such as "Latest News" or "Most Read", sometimes glued to a count',
  patterns: [phraseLine(LINK_LABELS, { glueDigits: true })],
  examples: {
    removes: ['Latest News', 'Latest News2926', 'Most Read', 'Top Stories | Most Popular', 'Next Article', '上一篇', 'Последние новости'],
    keeps: ['Latest news from the front was grim.', 'News travels fast in a small town.'],
  },
});

export const footerRules: Rule[] = [categoryFooter, tags, linkResidue];
