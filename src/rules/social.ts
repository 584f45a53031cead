/** Social prompts: share, follow, subscribe, comment. */
import type { Rule } from '../types.js';
import { patternRule } from './define.js';
import { phraseLine, phraseList, SHORT_LINE } from './patterns.js';

const NETWORKS = [
  'Facebook', 'Twitter', 'X', 'LinkedIn', 'WhatsApp', 'Telegram', 'Email', 'E-mail', 'Reddit', 'Pinterest', 'Instagram',
  'Threads', 'Bluesky', 'Mastodon', 'Flipboard', 'Tumblr', 'VK', 'ВКонтакте', 'Одноклассники', 'WeChat', 'Weibo',
  '微信', '微博', 'QQ', 'QQ空间', 'LINE', 'Copy link', 'SMS', 'Messenger',
];
const SHARE_VERB = String.raw`share(?:\s+(?:this|the|on|via|to|with)\b[\p{L}\p{N} '’]{0,40})?|tweet(?:\s+this)?|pin\s+it|send\s+to\s+a\s+friend|email\s+this(?:\s+article|\s+story)?|compartir(?:\s+en\s+\p{L}+)?|teilen(?:\s+auf\s+\p{L}+)?|partager(?:\s+sur\s+\p{L}+)?|compartilhar|condividi|поделиться(?:\s+в\s+\p{L}+)?|分享到|分享|転送`;

const NETWORK_LIST = phraseList(NETWORKS);

const share = patternRule({
  id: 'social/share',
  maxLength: SHORT_LINE,
  description: 'a share prompt or a row of share buttons',
  patterns: [
    new RegExp(`^(?:${SHARE_VERB})\\s*(?:[:：](?:\\s*${NETWORK_LIST})?|${NETWORK_LIST})?$`, 'iu'),
    phraseLine(NETWORKS),
  ],
  examples: {
    removes: ['Share on Facebook', 'Share this article', 'Share:', 'Facebook Twitter LinkedIn Email', 'Share on Twitter', '分享到：微信 微博', 'Поделиться', 'Compartir en Facebook', 'Teilen', 'Pin it'],
    keeps: ['Share prices rose sharply on Tuesday.', 'They share a flat on Facebook Street.', 'Facebook said it would appeal.'],
  },
});

const follow = patternRule({
  id: 'social/follow',
  maxLength: SHORT_LINE,
  description: 'a "follow us" prompt',
  patterns: [
    /^(?:follow|like|join|find)\s+(?:us|me|@[\w.]+)(?:\s+(?:on|at|in)\s+[\p{L}\p{N}@./ ,&-]{1,60})?[.!]?$/iu,
    // The account name neither starts nor ends with a space, so it cannot overlap the \s+ around it.
    /^follow\s+[\p{L}\p{N}@.](?:[\p{L}\p{N}@. ]{0,38}[\p{L}\p{N}@.])?\s+on\s+(?:twitter|x|facebook|instagram|linkedin|telegram|threads|bluesky|tiktok|youtube)[.!]?$/iu,
    /^(?:关注我们|关注.{1,12}(?:微信|微博|公众号).{0,12}|подписывайтесь на нас.{0,60}|подпишитесь на наш.{0,60}|síguenos(?:\s+en\s+.{1,40})?|folgen sie uns(?:\s+auf\s+.{1,40})?|suivez-nous(?:\s+sur\s+.{1,40})?|siga-nos(?:\s+no\s+.{1,40})?|seguici(?:\s+su\s+.{1,40})?)$/iu,
  ],
  examples: {
    removes: ['Follow us on Twitter', 'Follow us on Instagram', 'Follow @gazette', 'Like us on Facebook', 'Join us on Telegram', 'Síguenos en Twitter', '关注我们', 'Подписывайтесь на нас в Telegram'],
    keeps: ['Follow the money, the detective said, and you will find the truth.', 'Join us, she said, and the crowd cheered.'],
  },
});

const subscribe = patternRule({
  id: 'social/subscribe',
  maxLength: SHORT_LINE,
  description: 'a subscribe or newsletter sign-up prompt',
  patterns: [
    /^(?:subscribe|sign\s+up|register)(?:\s+(?:now|today|here|free|for\s+free))?[.!:]?$/iu,
    // A longer prompt must say what it signs you up for.
    /^(?:subscribe|sign\s+up|register|get\s+(?:our|the|a)|join\s+(?:our|the))\b.{0,60}\b(?:newsletters?|briefing|bulletin|updates|alerts|mailing\s+list|inbox|digest|podcast)\b.{0,40}$/iu,
    /^(?:newsletter|our newsletter|free newsletter|daily newsletter)(?:\s+sign[- ]up)?[.!:]?$/iu,
    /^(?:订阅|订阅我们|подпишитесь(?:\s+на\s+.{1,60})?|подписаться|suscríbete(?:\s+.{1,60})?|suscribirse|abonnieren(?:\s+.{1,60})?|jetzt abonnieren|abonnez-vous(?:\s+.{1,60})?|assine(?:\s+.{1,60})?|iscriviti(?:\s+.{1,60})?)$/iu,
  ],
  examples: {
    removes: ['Subscribe to our newsletter', 'Subscribe now', 'Sign up for our daily briefing', 'Get our free newsletter', 'Newsletter', 'Subscribe', 'Suscríbete al boletín', 'Jetzt abonnieren'],
    keeps: ['Subscribers to the paper read more than ever.', 'Subscribe to the idea that nothing changes, and nothing will.', 'Registered voters turned out in record numbers.'],
  },
});

const commentPrompt = patternRule({
  id: 'social/comment-prompt',
  maxLength: SHORT_LINE,
  description: 'a comment-section prompt',
  patterns: [
    /^(?:leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+(?:a|your)\s+comment|write\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|comments\s+are\s+closed|(?:show|view|hide|load|see)\s+(?:all\s+)?comments|no\s+comments(?:\s+yet)?|be\s+the\s+first\s+to\s+comment|comments|discussion|what\s+do\s+you\s+think\??|发表评论|我要评论|网友评论|評論|комментарии|оставить комментарий|deja un comentario|comentarios|kommentieren|kommentare|laisser un commentaire|deixe um comentário)[.!:]?$/iu,
  ],
  examples: {
    removes: ['Leave a comment', 'Join the conversation', 'Comments are closed.', 'No comments yet', 'Show comments', '发表评论', 'Комментарии'],
    keeps: ['Leave a comment in the book, the librarian said, and she did.', 'Comments made by the minister caused outrage.'],
  },
});

export const socialRules: Rule[] = [share, follow, subscribe, commentPrompt];
