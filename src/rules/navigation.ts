/** Navigation residue: read-more and related links, breadcrumbs, ads, page tools. */
import type { Rule } from '../types.js';
import { patternRule } from './define.js';
import { phraseLine, restOfLine, SENTENCE_END, SHORT_LINE, wordCount } from './patterns.js';

const readMore = patternRule({
  id: 'navigation/read-more',
  description: 'a "read more" or "continue reading" link',
  patterns: [
    new RegExp(String.raw`^(?:read\s+more|read\s+next|read\s+the\s+full\s+(?:story|article)|continue\s+reading|full\s+story|click\s+here\s+to\s+read(?:\s+more)?|more\s+on\s+this\s+story|阅读全文|查看全文|阅读原文|点击查看|читать\s+(?:далее|полностью|дальше)|подробнее|leer\s+más|seguir\s+leyendo|weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leia\s+mais|continua\s+a\s+leggere)\s*(?:(?:[:：»›>→…]|\.\.\.)\s*)?${restOfLine(0, 120)}`, 'iu'),
  ],
  lift: (m, line) => {
    const rest = (m[1] ?? '').trim();
    // "Read more: <headline>" is a link; a long sentence after "Read more" is prose.
    if (wordCount(rest) > 16 || (rest !== '' && SENTENCE_END.test(line) && wordCount(rest) > 10)) return null;
    return {};
  },
  examples: {
    removes: ['Read more', 'Read more: Kazakhstan braces for a cold winter', 'Continue reading', 'Read the full story', '阅读全文', 'Читать далее', 'Leer más', 'Weiterlesen'],
    keeps: ['Read more books, the teacher told the class, and you will write better.'],
  },
});

const LABEL_PART = /^[^:：]*[:：]?/u;
const COLON = /[:：]/u;

const related = patternRule({
  id: 'navigation/related',
  description: 'a "related articles" / "see also" heading',
  patterns: [
    new RegExp(String.raw`^(?:related(?:\s+(?:articles?|stories|posts|content|coverage|news|topics|links|reading|videos?))?|see\s+also|you\s+may\s+also\s+like|you\s+might\s+also\s+like|more\s+from\s+[\p{L} ]{1,30}|more\s+on\s+this\s+(?:topic|subject)|also\s+read|also\s+on\s+[\p{L} ]{1,30}|recommended(?:\s+for\s+you)?|相关(?:阅读|新闻|文章|推荐|链接)|延伸阅读|推荐阅读|читайте\s+также|смотрите\s+также|по\s+теме|lee\s+también|te\s+puede\s+interesar|mehr\s+zum\s+thema|lesen\s+sie\s+auch|das\s+könnte\s+sie\s+auch\s+interessieren|voir\s+aussi|à\s+lire\s+aussi|leia\s+também|leggi\s+anche)\s*(?:[:：]\s*)?${restOfLine(0, 120)}`, 'iu'),
  ],
  lift: (_m, line) => {
    const rest = line.replace(LABEL_PART, '');
    // "Related: <headline>" links a headline; "See also the report, which..." is prose.
    if (COLON.test(line) ? wordCount(rest) > 16 : wordCount(line) > 6) return null;
    return {};
  },
  liftPatterns: [LABEL_PART, COLON],
  examples: {
    removes: ['Related articles', 'Related articles:', 'Related: Kazakhstan braces for winter', 'See also', 'You may also like', '相关阅读', 'Читайте также', 'Mehr zum Thema', 'Lee también:'],
    keeps: ['Related articles appeared in three other papers that week, all of them wrong.', 'See also how the city handled the last flood.'],
  },
});

const HOME = String.raw`home|homepage|start|startseite|inicio|portada|accueil|главная|首页|首頁|ホーム|홈`;
const CRUMB = String.raw`[\p{L}\p{N}&'’.,-]+(?: [\p{L}\p{N}&'’.,-]+){0,4}`;
/**
 * Between crumbs: a separator and the spaces around it. The spaces before it
 * are matched only from the start of their run (the lookbehind): a plain
 * `\s*` in front would be tried from every place inside a long run of spaces
 * that no separator follows, at the cost of the square of the run's length.
 */
const SEPARATOR = /(?:(?<!\s)\s+)?[>»›→/|\\]\s*/u;
const ARROWS = /[>»›→]/gu;
const HOME_START = new RegExp(`^(?:${HOME})\\b`, 'iu');

const breadcrumb = patternRule({
  id: 'navigation/breadcrumb',
  description: 'a breadcrumb trail ("Home > World > Asia")',
  patterns: [
    // Arrow-like separators are unambiguous: two of them make a trail.
    new RegExp(`^${CRUMB}(?:\\s*[>»›→/]\\s*${CRUMB}){1,8}\\s*[>»›→]?$`, 'u'),
    // Slashes and bars are ambiguous: only when the trail starts at Home.
    new RegExp(`^(?:${HOME})(?:\\s*[>»›→/|\\\\]\\s*${CRUMB}){1,8}$`, 'iu'),
  ],
  lift: (_m, line) => {
    const crumbs = line.split(SEPARATOR).filter((c) => c !== '');
    const arrows = (line.match(ARROWS) ?? []).length;
    if (crumbs.length < 2 || (arrows < 2 && !HOME_START.test(line))) return null;
    if (SENTENCE_END.test(line) || crumbs.some((c) => wordCount(c) > 5)) return null;
    return { category: crumbs[crumbs.length - 1] };
  },
  liftPatterns: [SEPARATOR, ARROWS, HOME_START],
  examples: {
    removes: ['Home > World > Asia', 'Home / News / Politics', 'Главная > Новости > Политика', '首页 > 新闻 > 国际', 'News » Europe » Germany', 'Home | Business'],
    keeps: ['Prices rose > 5% in May.', 'Inflation > wages > savings is the order of pain, he said.', 'He went home / she stayed.'],
  },
});

const advertisement = patternRule({
  id: 'navigation/advertisement',
  maxLength: SHORT_LINE,
  description: 'an advertisement marker',
  patterns: [
    /^[-–—\s[(]*(?:advertisement|advertising|ad|ads|sponsored(?:\s+content)?|promoted|paid\s+content|story\s+continues\s+below(?:\s+(?:advertisement|this\s+ad))?|article\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+(?:the\s+main\s+story|below)|广告|推广|реклама|publicidad|anuncio|anzeige|werbung|publicité|publicidade|pubblicità)[-–—\s\])]*$/iu,
  ],
  examples: {
    removes: ['Advertisement', 'ADVERTISEMENT', '- Advertisement -', 'Story continues below advertisement', 'Sponsored', '广告', 'Реклама', 'Publicidad', 'Anzeige'],
    keeps: ['Advertisement spending fell by a third during the crisis.', 'Ad revenue is down.'],
  },
});

const PAGE_TOOLS = [
  'Print', 'Print this article', 'Print article', 'Email', 'E-mail', 'Email this', 'Save', 'Save article', 'Bookmark',
  'Back to top', 'Top', 'Jump to recipe', 'Jump to Recipe', 'Skip to content', 'Skip to main content', 'Listen',
  'Listen to article', 'Listen to this article', 'Gift this article', 'Rate this recipe', 'Font size', 'Text size',
  'A A A', 'A+', 'A-', 'Zoom', 'Copy link', 'Toggle navigation', 'Menu', 'Search', 'Close', 'Open', 'Log in',
  'Sign in', 'Login', 'Download', 'Download PDF', 'PDF', 'Feedback', 'Report an error', 'Report a typo',
  'RSS', 'RSS Feed', 'RSS feeds', 'Subscribe via RSS', 'Syndicate content', 'Atom', 'Skip to end of sidebar',
  'Start of sidebar', 'End of sidebar', 'Skip to navigation', 'Skip to search',
  '打印', '返回顶部', '字号', '大 中 小', '收藏', 'Печать', 'Наверх', 'Imprimir', 'Drucken', 'Imprimer',
];

const poweredBy = patternRule({
  id: 'navigation/powered-by',
  maxLength: SHORT_LINE,
  description: 'a "powered by" platform credit',
  patterns: [/^(?:(?:blog|site|website|proudly|this site is)\s+)?(?:powered|hosted|built)\s+(?:by|with|on)\s+[\p{L}\p{N}.&' -]{2,40}\.?$/iu],
  examples: {
    removes: ['Blog powered by TypePad', 'Powered by WordPress', 'Proudly powered by WordPress.', 'Hosted by Example Hosting'],
    keeps: ['The plant is powered by wind turbines on the hill behind the village.'],
  },
});

const pageTools = patternRule({
  id: 'navigation/page-tools',
  maxLength: SHORT_LINE,
  description: 'page tool links (print, email, font size, back to top)',
  patterns: [phraseLine(PAGE_TOOLS)],
  examples: {
    removes: ['Print', 'Print | Email', 'Back to top', '↑ Back to top', 'Jump to Recipe', 'Font size A A A', 'Skip to main content', 'Syndicate content RSS', '打印 | 返回顶部'],
    keeps: ['Print media is not dead yet.', 'Email remains the main way staff talk.'],
  },
});

export const navigationRules: Rule[] = [readMore, related, breadcrumb, advertisement, pageTools, poweredBy];
