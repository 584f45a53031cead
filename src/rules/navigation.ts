/** Navigation residue: read-more and related links, breadcrumbs, ads, page tools. */
import type { Rule } from '../types.js';
import { LIST_HEADING_LABELS } from './footers.js';
import { patternRule } from './define.js';
import { phraseLine, restOfLine, SENTENCE_END, SHORT_LINE, wordCount } from './patterns.js';

const readMore = patternRule({
  id: 'navigation/read-more',
  description: 'a "read more" or "continue reading" link',
  patterns: [
    new RegExp(String.raw`^(?:read\s+more|read\s+next|read\s+the\s+full\s+(?:story|article)|continue\s+reading|full\s+story|click\s+here\s+to\s+read(?:\s+more)?|more\s+on\s+this\s+story|阅读全文|查看全文|阅读原文|点击查看|читать\s+(?:далее|полностью|дальше)|подробнее|leer\s+más|seguir\s+leyendo|weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leia\s+mais|continuar\s+a\s+ler|continue\s+a\s+ler|continua\s+a\s+leggere|(?:この記事の)?続きを読む|展开全文|看更多|閱讀全文)\s*(?:(?:[:：»›>→…]|\.\.\.)\s*)?${restOfLine(0, 120)}`, 'iu'),
  ],
  lift: (m, line) => {
    const rest = (m[1] ?? '').trim();
    // "Read more: <headline>" is a link; a long sentence after "Read more" is prose.
    if (wordCount(rest) > 16 || (rest !== '' && SENTENCE_END.test(line) && wordCount(rest) > 10)) return null;
    return {};
  },
  examples: {
    removes: ['Read more', 'Read more: Kazakhstan braces for a cold winter', 'Continue reading', 'Read the full story', '阅读全文', '看更多', '展开全文', 'Читать далее', 'Leer más', 'Weiterlesen', 'Continuar a ler', '続きを読む'],
    keeps: ['Read more books, the teacher told the class, and you will write better.'],
  },
});

const LABEL_PART = /^[^:：|]*[:：|]?/u;
const COLON = /[:：|]/u;

const related = patternRule({
  id: 'navigation/related',
  description: 'a "related articles" / "see also" heading',
  patterns: [
    new RegExp(String.raw`^(?:related(?:\s+(?:articles?|stories|posts|content|coverage|news|topics|links|reading|videos?))?|see\s+also|you\s+may\s+also\s+like|you\s+might\s+also\s+like|more\s+from\s+[\p{L} ]{1,30}|more\s+on\s+this\s+(?:topic|subject)|also\s+read|also\s+on\s+[\p{L} ]{1,30}|recommended(?:\s+for\s+you)?|相关(?:阅读|新闻|文章|推荐|链接)|延伸阅读|推荐阅读|читайте\s+также|смотрите\s+также|по\s+теме|lee\s+también|te\s+puede\s+interesar|mehr\s+zum\s+thema|lesen\s+sie\s+auch|das\s+könnte\s+sie\s+auch\s+interessieren|voir\s+aussi|à\s+lire\s+aussi|lire\s+aussi(?:\s+(?:l['’]enquête|notre\s+\p{L}+|le\s+récit|l['’]entretien|l['’]analyse|la\s+tribune|le\s+reportage|le\s+décryptage))?|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|la\s+rédaction\s+vous\s+conseille|nos\s+articles\s+sur\s+le\s+sujet|leia\s+também|veja\s+também|veja\s+mais(?:\s+notícias\s+.{1,50})?|saiba\s+mais|notícias\s+relacionadas|mais\s+notícias|mirá\s+también|más\s+noticias|más\s+información|notas\s+relacionadas|noticias\s+relacionadas|te\s+recomendamos|más\s+leídas(?:\s+de\s+[\p{L} ]{1,30})?|mehr\s+(?:aus|zu)\s+diesem\s+(?:ressort|thema)|mehr\s+nachrichten\s+aus\s+[\p{L} ]{1,30}|материалы\s+по\s+теме|новости\s+сми2|следующая\s+новость|ещё\s+по\s+теме|関連記事|関連ニュース|あわせて読みたい|合わせて読みたい|おすすめ記事|この記事を読んだ人におすすめ|アクセスランキング|人気記事|延伸閱讀|相關新聞|相關文章|推薦閱讀|熱門新聞|猜你喜欢|喜欢此内容的人还喜欢|leggi\s+anche)\s*(?:[:：|]\s*)?${restOfLine(0, 120)}`, 'iu'),
  ],
  lift: (_m, line) => {
    const rest = line.replace(LABEL_PART, '');
    // "Related: <headline>" links a headline; "See also the report, which..." is prose, and so is "延伸閱讀的習慣，要從小培養。".
    if (COLON.test(line) ? wordCount(rest) > 16 : wordCount(line) > 6 || SENTENCE_END.test(line)) return null;
    return {};
  },
  liftPatterns: [LABEL_PART, COLON],
  examples: {
    removes: [
      'Related articles', 'Related articles:', 'Related: Kazakhstan braces for winter', 'See also', 'You may also like', '相关阅读', '延伸閱讀', '関連記事', 'あわせて読みたい', 'Читайте также', 'Материалы по теме',
      'Mehr zum Thema', 'Mehr aus diesem Ressort', 'Lee también:', 'Mirá también', 'Más noticias', 'Lire aussi : Déserts médicaux : les petites maternités sous pression', 'Lire aussi | Les librairies face aux loyers',
      'Sur le même sujet', 'Veja também', 'Saiba mais', 'Notícias relacionadas',
    ],
    keeps: ['Related articles appeared in three other papers that week, all of them wrong.', 'See also how the city handled the last flood.'],
  },
});

/**
 * Headings a list of links follows: a bare "Related articles", "Mehr zum Thema", "関連記事";
 * of the link residue only the labels of lists ("Most Read", "Temas"), not "News" or "Home",
 * which a site menu leaves right above the headline.
 */
const RELATED_HEADING = 'navigation/related';
const LIST_RESIDUE = 'footers/link-residue';
const LIST_LABEL = new Set(LIST_HEADING_LABELS.map((label) => label.toLowerCase()));
const TRAILING_COLON = /[:：]$/u;
/** What may stand between the heading and a listed headline: other headlines, and their times. */
const IN_LIST = new Set(['navigation/related-list', 'dates/relative-time', 'dates/timestamp']);
/** How far back the heading may be (a "most read" list of ten, with ranks, is twenty lines). */
const LIST_REACH = 40;
const LABEL_WITH_TEXT = /[:：|]\s*\S/u;
// Not a headline: a comment-section heading ("{ 18 comments… read them below }"), which page
// mode needs to see where comments begin, or a bracketed note.
const NOT_A_HEADLINE = /^[{(\[]|\b(?:comments?|responses?|replies)\b|kommentar|commentaire|comentario|comentário|коммент|评论|評論|留言|コメント/iu;
// A rank in a "most read" list: "1", "2.", "3)".
const RANK = /^\d{1,2}[.)]?$/u;
const MIN_HEADLINE_CHARS = 8;

/**
 * "Leia também" and then three headlines on their own lines: the heading is a
 * rule's, the headlines come with it. A headline is short and does not end
 * like a sentence; the list runs from a bare heading (not "Read more: <title>")
 * through headlines and their times, and stops at the first line of prose.
 */
export const relatedList: Rule = {
  id: 'navigation/related-list',
  maxLength: SHORT_LINE,
  description: 'a headline listed under a related-articles or most-read heading',
  zone: 'anywhere',
  contextual: true,
  examples: {
    removes: [
      { lines: ['The council met on Tuesday to discuss the harbour wall, delayed by two years.', 'Related articles', 'Harbour wall delayed again', 'Council to vote on budget'], target: 2 },
      { lines: ['Os moradores disseram estar aliviados por as obras começarem depois do verão.', 'Leia também', 'Rendas subiram 18% num ano', 'Governo prepara novo pacote'], target: 3 },
      { lines: ['Der Gemeinderat hat am Dienstag über die neue Brücke beraten.', 'Mehr zum Thema', 'Gesäuse-Straße: Sanierung dauert länger', 'vor 3 Stunden', 'Pendlerticket wird teurer'], target: 4 },
    ],
    keeps: [
      { lines: ['News', 'Local', 'Harbour wall work to begin after summer', 'The council met on Tuesday to discuss the harbour wall, delayed by two years.'], target: 2 },
      { lines: ['Related: Harbour wall delayed again', 'The vote', 'The council met on Tuesday to discuss the harbour wall, delayed by two years.'], target: 1 },
      { lines: ['Related articles', 'The council met on Tuesday to discuss the harbour wall, which has been delayed.'], target: 1 },
    ],
  },
  patterns: [LABEL_WITH_TEXT, TRAILING_COLON, NOT_A_HEADLINE, RANK],
  test(line, ctx) {
    // Most lines have no removed line above them: that answer is the cheapest, so it comes first.
    if (ctx.removedBy(-1) === undefined) return null;
    if (!RANK.test(line) && (SENTENCE_END.test(line) || line.length < MIN_HEADLINE_CHARS || wordCount(line) > 16 || NOT_A_HEADLINE.test(line))) return null;
    for (let k = 1; k <= LIST_REACH; k++) {
      const by = ctx.removedBy(-k);
      if (by === undefined) return null;
      const heading = ctx.line(-k) ?? '';
      if (by === RELATED_HEADING) return LABEL_WITH_TEXT.test(heading) ? null : {};
      if (by === LIST_RESIDUE) return LIST_LABEL.has(heading.replace(TRAILING_COLON, '').toLowerCase()) ? {} : null;
      if (!IN_LIST.has(by)) return null;
    }
    return null;
  },
};

const HOME = String.raw`home|homepage|start|startseite|inicio|início|portada|accueil|главная|首页|首頁|ホーム|トップ|홈`;
const CRUMB = String.raw`[\p{L}\p{N}&'’.,-]+(?: [\p{L}\p{N}&'’.,-]+){0,4}`;
/**
 * Between crumbs: a separator and the spaces around it. The spaces before it
 * are matched only from the start of their run (the lookbehind): a plain
 * `\s*` in front would be tried from every place inside a long run of spaces
 * that no separator follows, at the cost of the square of the run's length.
 */
const SEPARATOR = /(?:(?<!\s)\s+)?[>＞»›→/|\\]\s*/u;
const ARROWS = /[>＞»›→]/gu;
// Not `\b`, which knows only ASCII letters: "Главная", "首頁".
const HOME_START = new RegExp(`^(?:${HOME})(?![\\p{L}\\p{N}])`, 'iu');
// "当前位置：首页 > 国内", "您当前的位置：首页 > 时政"
const YOU_ARE_HERE = String.raw`(?:(?:您)?(?:当前|當前|现在)的?位置\s*[:：]\s*|you\s+are\s+here\s*:\s*|вы\s+здесь\s*:\s*)?`;
const YOU_ARE_HERE_PREFIX = new RegExp(`^${YOU_ARE_HERE}`, 'iu');

const breadcrumb = patternRule({
  id: 'navigation/breadcrumb',
  maxLength: SHORT_LINE,
  description: 'a breadcrumb trail ("Home > World > Asia")',
  patterns: [
    // Arrow-like separators are unambiguous: two of them make a trail.
    new RegExp(`^${YOU_ARE_HERE}${CRUMB}(?:\\s*[>＞»›→/]\\s*${CRUMB}){1,8}\\s*[>＞»›→]?$`, 'iu'),
    // Slashes and bars are ambiguous: only when the trail starts at Home.
    new RegExp(`^${YOU_ARE_HERE}(?:${HOME})(?:\\s*[>＞»›→/|\\\\]\\s*${CRUMB}){1,8}$`, 'iu'),
  ],
  lift: (_m, whole) => {
    const line = whole.replace(YOU_ARE_HERE_PREFIX, '');
    const crumbs = line.split(SEPARATOR).filter((c) => c !== '');
    const arrows = (line.match(ARROWS) ?? []).length;
    if (crumbs.length < 2 || (arrows < 2 && !HOME_START.test(line) && line.length === whole.length)) return null;
    if (SENTENCE_END.test(line) || crumbs.some((c) => wordCount(c) > 5)) return null;
    return { category: crumbs[crumbs.length - 1] };
  },
  liftPatterns: [SEPARATOR, ARROWS, HOME_START, YOU_ARE_HERE_PREFIX],
  examples: {
    removes: [
      'Home > World > Asia', 'Home / News / Politics', 'Главная > Новости > Политика', 'Главная / Новости / ЖКХ', '首页 > 新闻 > 国际', '首頁 > 社會', '當前位置：首页 > 国内',
      'トップ ＞ ビジネス ＞ 地方創生', 'Início / Local / Grande Lisboa', 'News » Europe » Germany', 'Home | Business',
    ],
    keeps: ['Prices rose > 5% in May.', 'Inflation > wages > savings is the order of pain, he said.', 'He went home / she stayed.'],
  },
});

const advertisement = patternRule({
  id: 'navigation/advertisement',
  maxLength: SHORT_LINE,
  description: 'an advertisement marker',
  patterns: [
    // A sponsored headline: "【PR】老後資金、いくら必要？"
    /^[【\[](?:PR|AD|広告|Sponsored|Anzeige|Publicité)[】\]].{0,80}$/u,
    /^[-–—\s[(]*(?:advertisement|advertising|ad|ads|sponsored(?:\s+content)?|promoted|paid\s+content|story\s+continues\s+below(?:\s+(?:advertisement|this\s+ad))?|article\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+(?:the\s+main\s+story|below)|content\s+continues\s+below|广告|推广|広告|スポンサーリンク|pr|реклама|publicidad|anuncio|anzeige|werbung|publicité|passer\s+la\s+publicité|contenus?\s+sponsorisés?|publicidade|continua\s+(?:após|depois)\s+d?[ao]\s+publicidade|continue\s+a\s+ler\s+(?:depois|após)\s+da\s+publicidade|pubblicità)[-–—\s\])]*$/iu,
  ],
  examples: {
    removes: ['Advertisement', 'ADVERTISEMENT', '- Advertisement -', 'Story continues below advertisement', 'Sponsored', '广告', 'PR', 'スポンサーリンク', 'Реклама', 'Publicidad', 'Anzeige', 'Passer la publicité', 'Continua após a publicidade'],
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
  '打印', '返回顶部', '字号', '大 中 小', '收藏', '【打印】', '【关闭】', '【關閉】', '【纠错】', '【糾錯】', '【打印本页】', '【关闭窗口】',
  'Печать', 'Распечатать', 'Наверх', 'Слушать', 'Imprimir', 'Escuchar', 'Escuchar artículo', 'Drucken', 'Artikel drucken', 'Vorlesen', 'Artikel anhören',
  'Hören Sie sich diesen Artikel an', 'Ihr Browser unterstützt kein Audio', 'Zum Seitenanfang', 'Zur Startseite', 'Nach oben',
  'Imprimer', 'Écouter cet article', 'Écouter', 'Ajouter à vos sélections', 'Réutiliser ce contenu', 'Signaler une erreur', 'Contribuer',
  'Voltar ao topo', 'Ouvir este artigo', 'Ouvir', 'Ouça este conteúdo',
  '印刷する', '印刷', 'この記事をスクラップ', 'スクラップ', '保存', 'ページの先頭へ戻る', 'ページの先頭へ', 'ページトップへ', '次のページへ', '前のページへ', '次の記事', '前の記事', '音声で聞く',
];
// Chinese portals' bracketed tool links, glued: "【打印】【关闭】".
const BRACKETED_TOOLS = /^(?:【(?:打印|关闭|關閉|纠错|糾錯|打印本页|关闭窗口|收藏|返回顶部)】\s?){1,6}$/u;
// Found-a-typo boxes: "Нашли ошибку? Выделите её и нажмите Ctrl+Enter".
const TYPO_BOX = /^(?:нашли\s+(?:ошибку|опечатку)|found\s+a\s+(?:typo|mistake)|fehler\s+gefunden)\?.{0,80}ctrl\s*\+\s*enter\.?$/iu;
// An audio player's label with its length: "Listen to this article · 5:12 min".
const LISTEN = /^(?:listen\s+to\s+(?:this\s+)?article|listen|hören\s+sie\s+sich\s+diesen\s+artikel\s+an|artikel\s+anhören|écouter\s+cet\s+article|ouvir\s+este\s+artigo|escuchar\s+(?:este\s+)?artículo|слушать)\s*(?:[·•|:–-]\s*)?\d{1,2}:\d{2}(?:\s*min\.?)?$/iu;

const endMark = patternRule({
  id: 'navigation/end-mark',
  maxLength: SHORT_LINE,
  description: 'an end-of-article mark ("(END)", "-30-", "（完）")',
  patterns: [/^(?:[(（【\[]\s*(?:完|end|fin|конец)\s*[)）】\]]|-30-|###|—\s*end\s*—|-\s*end\s*-|■|□)$/iu],
  examples: {
    removes: ['（完）', '(END)', '-30-', '###', '【完】', '(fin)'],
    keeps: ['完', 'The End of an Era'],
  },
});

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
  patterns: [phraseLine(PAGE_TOOLS), BRACKETED_TOOLS, TYPO_BOX, LISTEN],
  examples: {
    removes: [
      'Print', 'Print | Email', 'Back to top', '↑ Back to top', 'Jump to Recipe', 'Font size A A A', 'Skip to main content', 'Syndicate content RSS', '打印 | 返回顶部', '【打印】【关闭】',
      'Artikel drucken', 'Zum Seitenanfang', 'Voltar ao topo', 'ページの先頭へ戻る', 'Нашли ошибку? Выделите её и нажмите Ctrl+Enter', 'Listen to this article · 5:12 min',
    ],
    keeps: ['Print media is not dead yet.', 'Email remains the main way staff talk.'],
  },
});

// relatedList is not here: it goes last in the registry, after every rule that can say more about a line.
// Blog and article pagers: "← Older post", "Next story →". Only the arrows and the
// pager words count, not a bare « or »: French quotes open and close lines of prose.
const prevNext = patternRule({
  id: 'navigation/prev-next',
  maxLength: SHORT_LINE,
  description: 'a link to the previous or next post ("← Older post", "Next story →")',
  patterns: [
    /^(?:←|‹|«\s*(?:previous|prev|older|newer|précédent|anterior|vorherige?r?|zurück|предыдущая))/iu,
    /(?:→|›|(?:next|newer|older|suivant|siguiente|próxim[oa]|nächste?r?|weiter|следующая)(?:\s+\p{L}+)?\s*»)$/iu,
  ],
  examples: {
    removes: ['← The great courgette glut of August', 'time →', '« Previous post', 'Next story »', '‹ Older', 'Article suivant »'],
    keeps: ['«Nous avons tout perdu», a confié la maire.', 'Il a répondu : « Non. »', 'Prices moved from $5 → $7 over the year, the report says.'],
  },
});

export const navigationRules: Rule[] = [readMore, related, breadcrumb, advertisement, pageTools, endMark, poweredBy, prevNext];
