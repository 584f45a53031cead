/** Counters: views, reads, comments, likes, shares, reading time, and bare counts among metadata. */
import { parseCount } from '../core/metadata.js';
import type { Metadata, Rule, RuleMatch } from '../types.js';
import { patternRule } from './define.js';
import { COUNT, SHORT_LINE } from './patterns.js';

type CountField = 'views' | 'comments' | 'likes' | 'shares';

/**
 * A counter line in either order: "Views: 1,518" / "1.2K views" / "阅读 1518" /
 * "Comments (12)", with the units some languages put after the number
 * ("12件のコメント", "1518回", "Прочитано 15 тыс. раз") and a link verb in front
 * ("View 87 comments", "Voir les 12 commentaires").
 */
const UNIT = String.raw`(?:\s?(?:件|則|条|條|回|次|раз|veces|vezes|fois|mal))?`;
const SHOW = String.raw`(?:(?:view|see|show|read|voir\s+les|ver\s+(?:os\s+|las\s+|los\s+)?|ler\s+(?:os\s+)?|alle|показать(?:\s+все)?)\s+)?`;

function counterRule(
  field: CountField,
  id: string,
  description: string,
  labels: string,
  examples: { removes: string[]; keeps: string[] },
): Rule {
  return patternRule({
    id,
    description,
    maxLength: SHORT_LINE,
    patterns: counterPatterns(labels),
    lift: (m) => ({ [field]: parseCount(m[1] as string) }) as Metadata,
    examples,
  });
}

/** The patterns of a counter with these labels; the count is group 1. */
function counterPatterns(labels: string): RegExp[] {
  return [
    new RegExp(`^(?:${labels})[!！]?\\s*(?:[:：]\\s*)?[(（]?(${COUNT})[)）]?${UNIT}$`, 'iu'),
    new RegExp(`^${SHOW}(${COUNT})${UNIT}(?:の)?\\s*(?:${labels})$`, 'iu'),
  ];
}

const views = counterRule(
  'views',
  'counters/views',
  'a view or read counter',
  String.raw`views?|reads?|hits|page\s?views|次阅读|阅读(?:量|数)?|閱讀(?:數)?|浏览(?:量|次数)?|瀏覽(?:數|次數)?|点击(?:量|数)?|點閱(?:數)?|點擊(?:數)?|人氣|閲覧数?|조회수?|просмотр(?:ов|а|ы)?|прочтени\p{L}*|прочитано|👁|visto|visitas|lecturas|vistas|aufrufe|gelesen|vues|lectures|visualizações|visualizaçőes|leituras|visualizzazioni`,
  {
    removes: ['Views: 1,518', '1.2K views', '阅读 1518', '閱讀 10萬+', '瀏覽數 1,518', '1518 次阅读', '閲覧数：1518回', 'Просмотров: 1518', 'Прочитано 15 тыс. раз', '👁 2 345', '2.3万 浏览', 'Aufrufe: 980', '1,5 mil vistas', 'Visto 2.345 veces', '2,3 mil visualizações'],
    keeps: ['He counted 1,518 votes.', 'The video had 1.2K views within an hour of posting.', 'Views differ on the new law.'],
  },
);

const comments = counterRule(
  'comments',
  'counters/comments',
  'a comment counter',
  String.raw`comments?|replies|responses|评论(?:数)?|評論(?:數)?|留言|跟帖|コメント|댓글|комментари(?:ев|я|й|и)?|comentarios?|kommentare?|postings?|commentaires?|comentários?|commenti`,
  {
    removes: ['12 comments', 'Comments (4)', 'Comments: 12', 'View 87 comments', '评论 35', '12則留言', 'コメント 12件', '12件のコメント', '7 комментариев', '3 Kommentare', '78 Postings', 'Voir les 12 commentaires'],
    keeps: ['12 comments were submitted to the committee before the vote.', 'Comments from readers poured in.'],
  },
);

const likes = counterRule(
  'likes',
  'counters/likes',
  'a like or reaction counter',
  String.raw`likes?|reactions?|claps?|upvotes?|点赞|赞|喜欢|在看|いいね|좋아요|лайк\p{L}*|мне нравится|нравится|me gusta|gefällt mir|j['’]aime|curtidas|gostos`,
  {
    removes: ['345 likes', 'Likes: 345', '点赞 12', '在看 23', 'いいね！ 34', 'Мне нравится 87', '1.5K reactions', '1,2 mil curtidas'],
    keeps: ['345 likes in a day is a lot for a local bakery.', 'Likes and dislikes are personal.'],
  },
);

const shares = counterRule(
  'shares',
  'counters/shares',
  'a share counter',
  String.raw`shares?|restacks?|分享|シェア|転送|репост\p{L}*|compartid[oa]s|compartilhamentos|partilhas|geteilt|partages`,
  {
    removes: ['1.2K shares', 'Shares: 87', '87 shares', 'シェア 56', '87 compartilhamentos', '15 partilhas'],
    keeps: ['Shares of the company fell 3% on Monday.', '87 shares changed hands before noon.'],
  },
);

const readingTime = patternRule({
  id: 'counters/reading-time',
  maxLength: SHORT_LINE,
  description: 'an estimated reading time',
  patterns: [
    /^(?:\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min(?:ute)?s?|mins?\.?|minutos?|мин\.?|минут\p{L}*)\s+(?:read|reading(?:\s+time)?|de\s+lectura|lesezeit|de\s+lecture|de\s+leitura|на\s+чтение|чтения))$/iu,
    /^(?:reading\s+time|read\s+time|lesezeit|tiempo\s+de\s+lectura|lectura|temps\s+de\s+lecture|lecture|tempo\s+de\s+leitura|leitura|время\s+чтения|阅读时间|閱讀時間|読了時間)\s*(?:[:：]\s*)?(?:約|约)?\d{1,3}\s*(?:min(?:ute)?s?\.?|minutos?|минут\p{L}*|分钟|分鐘|分)?$/iu,
    /^(?:この記事は)?約?\d{1,3}分で読めます。?$/u,
  ],
  examples: {
    removes: ['5 min read', 'Reading time: 3 minutes', '4 Min. Lesezeit', 'Время чтения: 4 минуты', '3 мин. на чтение', 'Lecture: 4 min', '3 minutos de lectura', 'Tempo de leitura: 4 min', '読了時間：約3分', 'この記事は約3分で読めます'],
    keeps: ['It takes 5 minutes to read the whole report.'],
  },
});

const METADATA_FAMILIES = ['dates/', 'counters/'];
const BARE_COUNT = new RegExp(`^(?:${COUNT})$`, 'u');

/** A number alone is a counter only where it stands with other metadata. */
const bareCount: Rule = {
  id: 'counters/bare-count',
  maxLength: SHORT_LINE,
  description: 'a bare number standing next to metadata lines (a detached view or comment count)',
  zone: 'edges',
  contextual: true,
  examples: {
    removes: [
      { lines: ['2024/04/24 04:08', '1518', 'The minister spoke for an hour on the economy and the war.'], target: 1 },
      { lines: ['A story begins here and goes on for a while, as stories do.', 'Views: 12', '1518'], target: 2 },
    ],
    keeps: [
      '1518',
      { lines: ['The vote count was announced on the steps of the town hall.', '1518', 'Nobody expected the turnout to be so high.'], target: 1 },
    ],
  },
  patterns: [BARE_COUNT],
  test(line, ctx) {
    if (!BARE_COUNT.test(line)) return null;
    const nextToMetadata = [-1, 1].some((offset) => {
      const by = ctx.removedBy(offset);
      return by !== undefined && METADATA_FAMILIES.some((family) => by.startsWith(family));
    });
    if (!nextToMetadata) return null;
    const views = parseCount(line);
    return { metadata: views === undefined ? {} : { views } };
  },
};

// "248 J'aime · 37 partages", "12 likes · 3 restacks": counters in a row.
// Spaces before the separator are matched from the start of their run only (see SEPARATOR in navigation.ts).
const ROW_SEPARATOR = /(?:(?<!\s)\s+)?[·•|]\s*/u;
const COUNTERS: readonly Rule[] = [views, comments, likes, shares];

const counterRow: Rule = {
  id: 'counters/row',
  maxLength: SHORT_LINE,
  description: 'a row of counters ("248 likes · 37 shares · 12 comments")',
  zone: 'anywhere',
  examples: {
    removes: ["248 J'aime · 37 partages", '12 likes · 3 restacks', '1.2K views | 34 comments'],
    keeps: ['12 likes · and a lot of love from the neighbours', 'Views · Opinion'],
  },
  patterns: [ROW_SEPARATOR],
  test(line, ctx) {
    const parts = line.split(ROW_SEPARATOR);
    if (parts.length < 2 || parts.length > 6) return null;
    const metadata: Metadata = {};
    for (const part of parts) {
      let match: RuleMatch | null = null;
      for (const rule of COUNTERS) if ((match = rule.test(part, ctx))) break;
      if (!match) return null;
      Object.assign(metadata, match.metadata);
    }
    return { metadata };
  },
};

export const counterRules: Rule[] = [views, comments, likes, shares, counterRow, readingTime, bareCount];
