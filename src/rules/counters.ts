/** Counters: views, reads, comments, likes, shares, reading time, and bare counts among metadata. */
import { parseCount } from '../core/metadata.js';
import type { Metadata, Rule } from '../types.js';
import { patternRule } from './define.js';
import { COUNT, SHORT_LINE } from './patterns.js';

type CountField = 'views' | 'comments' | 'likes' | 'shares';

/** A counter line in either order: "Views: 1,518" / "1.2K views" / "阅读 1518" / "Comments (12)". */
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
    patterns: [
      new RegExp(`^(?:${labels})\\s*(?:[:：]\\s*)?[(（]?(${COUNT})[)）]?$`, 'iu'),
      new RegExp(`^(${COUNT})\\s*(?:${labels})$`, 'iu'),
    ],
    lift: (m) => ({ [field]: parseCount(m[1] as string) }) as Metadata,
    examples,
  });
}

const views = counterRule(
  'views',
  'counters/views',
  'a view or read counter',
  String.raw`views?|reads?|hits|page\s?views|次阅读|阅读(?:量|数)?|浏览(?:量|次数)?|点击(?:量|数)?|閲覧数|조회수?|просмотр(?:ов|а|ы)?|прочтени\p{L}*|visitas|lecturas|vistas|aufrufe|gelesen|vues|lectures|visualizações|leituras|visualizzazioni`,
  {
    removes: ['Views: 1,518', '1.2K views', '阅读 1518', '1518 次阅读', 'Просмотров: 1518', '2.3万 浏览', 'Aufrufe: 980'],
    keeps: ['He counted 1,518 votes.', 'The video had 1.2K views within an hour of posting.', 'Views differ on the new law.'],
  },
);

const comments = counterRule(
  'comments',
  'counters/comments',
  'a comment counter',
  String.raw`comments?|replies|responses|评论(?:数)?|留言|跟帖|コメント|댓글|комментари(?:ев|я|й|и)?|comentarios?|kommentare?|commentaires?|comentários?|commenti`,
  {
    removes: ['12 comments', 'Comments (4)', 'Comments: 12', '评论 35', '7 комментариев', '3 Kommentare'],
    keeps: ['12 comments were submitted to the committee before the vote.', 'Comments from readers poured in.'],
  },
);

const likes = counterRule(
  'likes',
  'counters/likes',
  'a like or reaction counter',
  String.raw`likes?|reactions?|claps?|upvotes?|点赞|赞|喜欢|いいね|좋아요|лайк\p{L}*|нравится|me gusta|gefällt mir|j'aime|curtidas`,
  {
    removes: ['345 likes', 'Likes: 345', '点赞 12', '1.5K reactions'],
    keeps: ['345 likes in a day is a lot for a local bakery.', 'Likes and dislikes are personal.'],
  },
);

const shares = counterRule(
  'shares',
  'counters/shares',
  'a share counter',
  String.raw`shares?|分享|転送|репост\p{L}*|compartid[oa]s|geteilt|partages`,
  {
    removes: ['1.2K shares', 'Shares: 87', '87 shares'],
    keeps: ['Shares of the company fell 3% on Monday.', '87 shares changed hands before noon.'],
  },
);

const readingTime = patternRule({
  id: 'counters/reading-time',
  maxLength: SHORT_LINE,
  description: 'an estimated reading time',
  patterns: [
    /^(?:\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:min(?:ute)?s?|mins?\.?)\s+(?:read|reading(?:\s+time)?|de\s+lectura|lesezeit|de\s+lecture|de\s+leitura))$/iu,
    /^(?:reading\s+time|read\s+time|lesezeit|tiempo\s+de\s+lectura|temps\s+de\s+lecture|время\s+чтения|阅读时间)\s*(?:[:：]\s*)?\d{1,3}\s*(?:min(?:ute)?s?\.?|минут\p{L}*|分钟)?$/iu,
  ],
  examples: {
    removes: ['5 min read', 'Reading time: 3 minutes', '4 Min. Lesezeit', 'Время чтения: 4 минуты'],
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

export const counterRules: Rule[] = [views, comments, likes, shares, readingTime, bareCount];
