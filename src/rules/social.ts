/** Social prompts: share, follow, subscribe, comment. */
import type { Rule } from '../types.js';
import { patternRule } from './define.js';
import { phraseLine, phraseList, SENTENCE_END, SHORT_LINE, wordCount } from './patterns.js';

const NETWORKS = [
  'Facebook', 'Twitter', 'X', 'LinkedIn', 'WhatsApp', 'Telegram', 'Email', 'E-mail', 'Reddit', 'Pinterest', 'Instagram',
  'Threads', 'Bluesky', 'Mastodon', 'Pocket', 'Hatena', 'Flipboard', 'Tumblr', 'VK', 'ВКонтакте', 'Одноклассники', 'WeChat', 'Weibo',
  '微信', '微博', 'QQ', 'QQ空间', 'LINE', 'Copy link', 'SMS', 'Messenger',
];
const SHARE_VERB = String.raw`share(?:\s+(?:this|the|on|via|to|with)\b[\p{L}\p{N} '’]{0,40})?|tweet(?:\s+this)?|pin\s+it|send\s+to\s+a\s+friend|email\s+this(?:\s+article|\s+story)?|compartir(?:\s+en\s+\p{L}+)?|teilen(?:\s+auf\s+\p{L}+)?|partager(?:\s+sur\s+\p{L}+)?|compartilhar|condividi|поделиться(?:\s+в\s+\p{L}+)?|分享到|分享|転送`;

const NETWORK_LIST = phraseList(NETWORKS);

// Share buttons as sites label them, by language: a row of them, or with the networks, is a share bar.
const SHARE_BUTTONS = [
  // en
  'Share', 'Share full article', 'Share this story', 'Share this article', 'Share via', 'Tweet', 'Copy link', 'Email link',
  // de
  'Teilen', 'Artikel teilen', 'Beitrag teilen', 'Link kopieren', 'Per Mail teilen', 'Per E-Mail teilen',
  // es
  'Compartir', 'Copiar enlace', 'Compartí esta nota', 'Compartir esta nota', 'Comparte esta noticia',
  // fr
  'Partager', "Partager l'article", 'Copier le lien', 'Offrir cet article', 'Envoyer par e-mail',
  // pt
  'Compartilhe', 'Compartilhar', 'Partilhar', 'Partilhe', 'Enviar por e-mail', 'Copiar link',
  // ru
  'Поделиться', 'Скопировать ссылку', 'Отправить',
  // ja (half-width katakana is made full-width by normalization)
  'シェア', 'シェアする', 'この記事をシェアする', 'ツイート', 'ポスト', 'はてなブックマーク', 'はてブ', 'ブックマーク', 'LINEで送る', 'Facebookでシェア', 'Xでポスト', 'メールで送る', 'URLをコピー',
  // zh
  '分享', '分享到', '收藏', '点赞', '在看', '转发', '轉發', '複製連結', '复制链接',
];
const SHARE_ON = String.raw`(?:share\s+on|teilen\s+auf|auf|compartir\s+en|compartilhe\s+no|compartilhar\s+no|partilhar\s+no|partager\s+sur|поделиться\s+в)`;

const share = patternRule({
  id: 'social/share',
  maxLength: SHORT_LINE,
  description: 'a share prompt or a row of share buttons',
  patterns: [
    new RegExp(`^(?:${SHARE_VERB})\\s*(?:[:：](?:\\s*${NETWORK_LIST})?|${NETWORK_LIST})?$`, 'iu'),
    phraseLine([...NETWORKS, ...SHARE_BUTTONS]),
    // "Auf WhatsApp teilen", "Compartilhe no WhatsApp", "Partilhar no Facebook"
    new RegExp(`^(?:${SHARE_ON}\\s+)?(?:${NETWORK_LIST})\\s+(?:teilen|compartir|partager)$|^${SHARE_ON}\\s+(?:${NETWORK_LIST})[:：]?$`, 'iu'),
    // "Partager : l'article sur les réseaux sociaux"
    /^(?:partager|compartir|compartilhe|teilen|share)(?:\s*[:：])?\s+(?:(?:l['’]article|la\s+nota|o\s+artigo|den\s+artikel|this)\s+)?(?:sur|en|nas?|in|on)\s+(?:les\s+|las\s+|)(?:réseaux\s+sociaux|redes(?:\s+sociales|\s+sociais)?|sozialen\s+netzwerken|social\s+media)$/iu,
  ],
  examples: {
    removes: [
      'Share on Facebook', 'Share this article', 'Share:', 'Facebook Twitter LinkedIn Email', 'Share on Twitter', 'Share full article', '分享到：微信 微博', '分享 收藏 点赞 在看', 'Поделиться',
      'Compartir en Facebook', 'Copiar enlace', 'Teilen', 'Artikel teilen', 'Auf WhatsApp teilen', 'Pin it', 'Copier le lien', "Partager : l'article sur les réseaux sociaux",
      'Compartilhe', 'Compartilhe no WhatsApp', 'Partilhar no Facebook', 'シェア', 'シェア ツイート LINEで送る', 'Xでポスト',
    ],
    keeps: ['Share prices rose sharply on Tuesday.', 'They share a flat on Facebook Street.', 'Facebook said it would appeal.'],
  },
});

// Verbs of a follow prompt and the places it names, by language (en, es, fr, de, pt, ru).
const FOLLOW_VERBS = String.raw`follow|join|find|síguenos|seguinos|sígue(?:nos)?|únete|suivez|rejoignez(?:-nous)?|folgen|folge|siga|sigam|participe|acompanhe|receba|entre\s+no|подписывайтесь|подпишитесь|читайте|следите|присылайте|мы\s+в(?:о)?`;
const FOLLOW_PLACES = String.raw`telegram(?:-канал\p{L}*)?|whatsapp|instagram|facebook|twitter|tiktok|youtube|google\s+news|threads|bluesky|linkedin|vk|вконтакте|телеграм\p{L}*|дзен\p{L}*|бот\p{L}*|max`;

const follow = patternRule({
  id: 'social/follow',
  maxLength: SHORT_LINE,
  description: 'a "follow us" prompt',
  patterns: [
    /^(?:follow|like|join|find)\s+(?:us|me|@[\w.]+)(?:\s+(?:on|at|in)\s+[\p{L}\p{N}@./ ,&-]{1,60})?[.!]?$/iu,
    // The account name neither starts nor ends with a space, so it cannot overlap the \s+ around it.
    /^follow\s+[\p{L}\p{N}@.](?:[\p{L}\p{N}@. ]{0,38}[\p{L}\p{N}@.])?\s+on\s+(?:twitter|x|facebook|instagram|linkedin|telegram|threads|bluesky|tiktok|youtube)[.!]?$/iu,
    /^(?:关注我们|关注.{1,12}(?:微信|微博|公众号).{0,12}|点击上方.{0,8}关注.{0,12}|追蹤我們|加入(?:LINE)?好友|按讚加入粉絲團|フォローする|.{1,20}を友だち追加|いいね！しよう|この記事が気に入ったら(?:\s*いいね！?しよう)?|подписывайтесь на нас.{0,60}|подпишитесь на наш.{0,60}|síguenos(?:\s+en\s+.{1,40})?|seguinos(?:\s+en\s+.{1,40})?|folgen sie uns(?:\s+auf\s+.{1,40})?|suivez-nous(?:\s+sur\s+.{1,40})?|siga-nos(?:\s+no\s+.{1,40})?|seguici(?:\s+su\s+.{1,40})?)$/iu,
    // A call to follow, join or read the site somewhere, naming the network: "Подписывайтесь на «Фонтанку» в Telegram",
    // "Únete a nuestro canal de WhatsApp", "Siga o Jornal do Vale no Instagram", "Get the app".
    new RegExp(
      `^(?:📲\\s*)?(?:${FOLLOW_VERBS})(?![\\p{L}]).{0,60}(?<![\\p{L}])(?:${FOLLOW_PLACES})(?![\\p{L}]).{0,40}$`,
      'iu',
    ),
    /^(?:get|download)\s+(?:the|our)\s+(?:[\p{L}\p{N}'’]{1,20}\s+){0,3}app(?:\s+for\s+[\p{L} ]{1,40})?[.!]?$/iu,
  ],
  // A long sentence that happens to name a network is prose: "Siga em frente … Instagram Café."
  lift: (_m, line) => (SENTENCE_END.test(line) && wordCount(line) > 8 ? null : {}),
  examples: {
    removes: [
      'Follow us on Twitter', 'Follow us on Instagram', 'Follow @gazette', 'Like us on Facebook', 'Join us on Telegram', 'Get the app', 'Síguenos en Twitter', 'Seguinos en Google News',
      'Únete a nuestro canal de WhatsApp', 'Rejoignez-nous sur WhatsApp', 'Siga o Jornal do Vale no Instagram', '📲 Participe do canal do g1 Sul de Minas no WhatsApp', '关注我们', '追蹤我們',
      'Подписывайтесь на нас в Telegram', 'Подписывайтесь на «Фонтанку» в Telegram', 'Мы во ВКонтакте', 'Читайте РБК в Telegram', 'フォローする',
    ],
    keeps: [
      'Follow the money, the detective said, and you will find the truth.', 'Join us, she said, and the crowd cheered.',
      'Мы во вторник узнали, что канал закроют.', 'Siga em frente até à rotunda e vire no Instagram Café.',
    ],
  },
});

// For the newsletter box pattern: a sign-up verb near the start, and the thing signed up for.
const SIGN_UP = String.raw`subscribe|получайте|recevez|receive|sign\s+up|abonnieren|abonnez|inscrivez|inscris|suscr[ií]b|subscrev|assine|inscreva|receba|подпис|登録|お届け|訂閱|订阅`;
const NEWSLETTER = String.raw`newsletter|boletín|bulletin|рассылк|メールマガジン|メルマガ|ニュースレター|メールでお届け|на\s+(?:электронную\s+)?почту|par\s+e-?mail|電子報|电子报|no\s+seu\s+e-?mail|por\s+e-?mail|in\s+your\s+inbox`;

const subscribe = patternRule({
  id: 'social/subscribe',
  maxLength: SHORT_LINE,
  description: 'a subscribe or newsletter sign-up prompt',
  patterns: [
    /^(?:subscribe|sign\s+up|register)(?:\s+(?:now|today|here|free|for\s+free))?[.!:]?$/iu,
    // A longer prompt must say what it signs you up for.
    /^(?:subscribe|sign\s+up|register|get\s+(?:our|the|a)|join\s+(?:our|the))\b.{0,60}\b(?:newsletters?|briefing|bulletin|updates|alerts|mailing\s+list|inbox|digest|podcast)\b.{0,40}$/iu,
    /^(?:newsletter|our newsletter|free newsletter|daily newsletter)(?:\s+sign[- ]up)?[.!:]?$/iu,
    /^(?:订阅|订阅我们|訂閱電子報|подпишитесь(?:\s+на\s+.{1,60})?|подписаться|suscríbete(?:\s+.{1,60})?|suscribite(?:\s+.{1,60})?|suscribirse|abonnieren(?:\s+.{1,60})?|jetzt abonnieren|abonnez-vous(?:\s+.{1,60})?|assine(?:\s+.{1,60})?|subscrever|iscriviti(?:\s+.{1,60})?|メールマガジン登録|メルマガ登録|ニュースレター登録.{0,8})$/iu,
    // A newsletter box in any of our languages: the word for newsletter and a verb to sign up, in a short line.
    new RegExp(`^(?=.{0,30}(?:${SIGN_UP}))(?=.{0,100}(?:${NEWSLETTER})).{4,140}$`, 'iu'),
    // The e-mail field of a sign-up box.
    /^(?:your\s+e-?mail(?:\s+address)?|votre\s+(?:adresse\s+)?e-?mail|ihre\s+e-?mail(?:-adresse)?|tu\s+(?:correo|e-?mail)|seu\s+e-?mail|ваш\s+e-?mail|введите\s+e-?mail|e-?mail(?:\s+address)?)[:：*]?$/iu,
    // Paywalls and sign-ins that cut the article.
    /^(?:subscribe\s+to\s+(?:continue|keep)\s+reading|already\s+a\s+subscriber\?\s*(?:sign|log)\s+in\.?|jetzt\s+(?:kostenlos\s+)?registrieren\s+und\s+weiterlesen|article\s+réservé\s+aux\s+abonnés|この記事は(?:有料)?会員限定です。.{0,40}|有料記事|有料会員に登録する|有料会員になると.{0,40}|続きは有料会員.{0,30})$/iu,
  ],
  examples: {
    removes: [
      'Subscribe to our newsletter', 'Subscribe now', 'Sign up for our daily briefing', 'Get our free newsletter', 'Newsletter', 'Subscribe', 'Subscribe to continue reading', 'Suscríbete al boletín',
      'Suscribite a nuestro newsletter', 'Jetzt abonnieren', 'Newsletter abonnieren', 'Inscrivez-vous gratuitement à la newsletter', 'Subscrever newsletter', 'Assine a newsletter e receba as notícias',
      'Receba as principais notícias do dia no seu e-mail. Subscrever', 'メールマガジン登録', '訂閱電子報', 'この記事は会員限定です。続きを読むには会員登録が必要です。',
    ],
    keeps: ['Subscribers to the paper read more than ever.', 'Subscribe to the idea that nothing changes, and nothing will.', 'Registered voters turned out in record numbers.'],
  },
});

const commentPrompt = patternRule({
  id: 'social/comment-prompt',
  maxLength: SHORT_LINE,
  description: 'a comment-section prompt',
  patterns: [
    /^(?:leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+(?:a|your)\s+comment|write\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|comments\s+are\s+closed|(?:show|view|hide|load|see)\s+(?:all\s+)?comments|no\s+comments(?:\s+yet)?|be\s+the\s+first\s+to\s+comment|comments|discussion|what\s+do\s+you\s+think\??|发表评论|我要评论|网友评论|評論|комментарии|оставить комментарий|deja un comentario|comentarios|ir\s+a\s+los\s+comentarios|kommentieren|kommentare|zum\s+kommentarbereich|posten\s+sie\s+ihre\s+meinung|laisser un commentaire|réagir|voir\s+les\s+(?:\d{1,5}\s+)?commentaires|deixe\s+(?:um|seu|o\s+seu)\s+comentário|ver\s+comentários|comentários|показать\s+(?:все\s+)?комментарии(?:\s*\(\d{1,6}\))?|обсудить|コメントする|コメントを(?:書く|見る)|ご意見・(?:情報提供|ご感想)|.{2,30}をお寄せください。?|留言|我要留言)[.!:]?$/iu,
  ],
  examples: {
    removes: ['Leave a comment', 'Join the conversation', 'Comments are closed.', 'No comments yet', 'Show comments', '发表评论', 'Комментарии', 'Показать комментарии (12)', 'Zum Kommentarbereich', 'Réagir', 'Deixe seu comentário', 'Ir a los comentarios'],
    keeps: ['Leave a comment in the book, the librarian said, and she did.', 'Comments made by the minister caused outrage.'],
  },
});

export const socialRules: Rule[] = [share, follow, subscribe, commentPrompt];
