/** Copyright and rights notices. */
import type { Rule } from '../types.js';
import { phraseLine } from './patterns.js';

// One `\s*` on each side of an optional © would share a run of spaces between them every possible way: the second belongs to the ©.
const NOTICE_START = /^(?:©|\(c\)|copyright\s*(?:(?:©|\(c\))\s*)?\d{4}|copyright\s+©)/iu;
// Lowercase phrases found anywhere in the line (a notice often follows the owner's name).
const RIGHTS_RESERVED = [
  'all rights reserved', 'some rights reserved', 'may not be published, broadcast, rewritten', 'trust principles',
  '版权所有', '版權所有', '未经授权禁止转载', '未經授權不得轉載', '未经许可不得转载', '转载请注明出处', '轉載請註明出處', '仅代表该作者或机构观点',
  '無断転載を禁じます', '無断転載を禁止', '無断転載禁止', '著作権は', '저작권', '무단 전재',
  'все права защищены', 'ссылка на', 'зарегистрировано роскомнадзором', 'зарегистрировано в роскомнадзоре', 'иностранным средством массовой информации', 'иностранного агента', 'допускается только с разрешения',
  'todos los derechos reservados', 'prohibida la reproducción', 'criterios de the trust project',
  'alle rechte vorbehalten', 'tous droits réservés', 'reproduction interdite', 'toute reproduction', 'todos os direitos reservados', 'proibida a reprodução',
  'tutti i diritti riservati', 'riproduzione riservata',
  // Consent lines under sign-up boxes.
  'обработки персональных данных', 'you agree to our privacy policy', 'you agree to our terms', 'vous acceptez notre politique', 'aceptas la política de privacidad', 'você concorda com a política',
];
// "ссылка на" alone is prose; the notice says the link is required.
const NEEDS_ALSO: Record<string, string> = { 'ссылка на': 'обязательна', 'toute reproduction': 'interdite' };
// Phrases that name an owner in prose: "版权所有人" (the copyright holder).
const OWNER_AFTER = /^[人者方]/u;
// A quoted phrase is prose quoting a notice: "« Tous droits réservés », avait écrit l'auteur".
const QUOTE_BEFORE = /[«"“„'‘「『]\s?$/u;
// Legal link rows: "Impressum | Datenschutz | AGB".
const LEGAL_LINKS = phraseLine([
  'Impressum', 'Datenschutz', 'Datenschutzerklärung', 'AGB', 'Nutzungsbedingungen', 'Cookie-Einstellungen', 'Privacy Policy', 'Privacy', 'Terms of Use', 'Terms of Service', 'Terms',
  'Cookie Policy', 'Cookies', 'Cookie Settings', 'Accessibility', 'Contact Us', 'Mentions légales', 'Politique de confidentialité', 'CGU', 'Gestion des cookies', 'Aviso legal',
  'Política de privacidad', 'Política de cookies', 'Termos de uso', 'Política de privacidade', 'Política de Cookies', 'Политика конфиденциальности', 'Пользовательское соглашение',
  '利用規約', 'プライバシーポリシー', '个人信息保护', '隐私政策', '隱私權政策', '服務條款',
]);
// An age rating left alone on its line ("18+", "16+").
const AGE_RATING = /^(?:0|6|12|16|18)\+$/u;
const MAX_NOTICE_LENGTH = 240;

const copyright: Rule = {
  id: 'legal/copyright',
  description: 'a copyright or rights notice, a row of legal links (imprint, privacy, terms) or an age rating',
  zone: 'anywhere',
  examples: {
    removes: [
      '© 2024 Example Media. All rights reserved.', 'Copyright 2024 Example Times', 'All rights reserved.', '版权所有 © 2024 新华网', '未经授权禁止转载', '無断転載を禁じます', '© 2024 РИА Новости. Все права защищены.',
      'При полном или частичном использовании материалов ссылка на ТАСС обязательна.', '18+', '(c) 2019 Reuters', 'Impressum | Datenschutz | AGB', 'Toute reproduction interdite sans autorisation',
      'Queda prohibida la reproducción total o parcial de este contenido sin autorización', 'É proibida a reprodução do conteúdo desta página em qualquer meio sem autorização escrita.',
    ],
    keeps: [
      'Copyright law in the EU changed in 2019.', 'The band sued, claiming the label had reserved all the rights to the song.', "« Tous droits réservés », avait écrit l'auteur au bas du manuscrit retrouvé dans le grenier.",
      '著作権の保護期間は作者の死後70年だ。', '版权所有人已向法院起诉这家出版社。', 'В статье есть ссылка на исследование британских учёных.',
    ],
  },
  patterns: [NOTICE_START, OWNER_AFTER, QUOTE_BEFORE, LEGAL_LINKS, AGE_RATING],
  test(line) {
    if (line.length > MAX_NOTICE_LENGTH) return null;
    if (NOTICE_START.test(line) || AGE_RATING.test(line) || LEGAL_LINKS.test(line)) return {};
    // Plain substring search: much cheaper than a regex on every line, and spacing is already normalized.
    const lower = line.toLowerCase();
    return RIGHTS_RESERVED.some((phrase) => {
      const at = lower.indexOf(phrase);
      if (at === -1) return false;
      const also = NEEDS_ALSO[phrase];
      if (also !== undefined && !lower.includes(also, at)) return false;
      return !OWNER_AFTER.test(lower.slice(at + phrase.length)) && !QUOTE_BEFORE.test(lower.slice(0, at));
    })
      ? {}
      : null;
  },
};

// How cookie banners open, per language (lowercase; the line must also say "cookie").
const COOKIE_OPENINGS = [
  'we use cookies', 'we use cookie', 'this site uses cookies', 'this website uses cookies', 'our site uses cookies', 'our website uses cookies', 'by continuing to use this site', 'by using this site, you agree', 'by using our site, you agree',
  'wir verwenden cookies', 'wir nutzen cookies', 'diese website verwendet cookies', 'diese webseite verwendet cookies', 'diese seite verwendet cookies', 'um unsere webseite für sie optimal',
  'nous utilisons des cookies', 'ce site utilise des cookies', 'en poursuivant votre navigation',
  'utilizamos cookies', 'usamos cookies', 'este sitio web utiliza cookies', 'este sitio utiliza cookies', 'este sitio usa cookies', 'este site utiliza cookies', 'este site usa cookies', 'ao continuar a navegar',
  'utilizziamo i cookie', 'utilizziamo cookie', 'usiamo i cookie', 'questo sito utilizza cookie', 'questo sito utilizza i cookie', 'questo sito usa i cookie',
  'мы используем файлы cookie', 'мы используем cookie', 'мы используем куки', 'сайт использует файлы cookie', 'этот сайт использует файлы cookie', 'этот сайт использует cookie',
  '本网站使用cookie', '本网站使用 cookie', '本站使用cookie', '本網站使用cookie', '当サイトではcookie', '当サイトではクッキー', '当サイトはcookie', 'このサイトではcookie', 'このウェブサイトではcookie',
];
// The banner's buttons, left as a line of their own: "Akzeptieren Einstellungen Ablehnen".
const BUTTONS = [
  'Accept', 'Accept all', 'Accept all cookies', 'Accept cookies', 'Allow all', 'Allow cookies', 'Reject', 'Reject all', 'Decline', 'Manage preferences', 'Manage cookies', 'Cookie settings', 'Settings', 'Preferences', 'Customize', 'Agree', 'I agree', 'Got it', 'OK',
  'Akzeptieren', 'Alle akzeptieren', 'Ablehnen', 'Alle ablehnen', 'Einstellungen', 'Cookie-Einstellungen', 'Zustimmen', 'Alle Cookies akzeptieren',
  'Accepter', 'Tout accepter', 'Refuser', 'Tout refuser', 'Paramétrer', 'Personnaliser', 'Continuer sans accepter',
  'Aceptar', 'Aceptar todo', 'Aceptar todas', 'Rechazar', 'Rechazar todo', 'Configurar', 'Aceitar', 'Aceitar todos', 'Rejeitar', 'Configurações', 'Definições',
  'Accetta', 'Accetta tutto', 'Rifiuta', 'Rifiuta tutto', 'Personalizza', 'Impostazioni',
  'Принять', 'Принять все', 'Отклонить', 'Настройки', 'Согласен', 'Хорошо',
  '同意', '接受', '拒绝', '同意する', '拒否する', '設定',
];
const CONSENT_BUTTONS = phraseLine(BUTTONS);
// One button alone is a row only if it names cookies: a line that is just "OK", "Хорошо" or "I agree" is a reply in a dialogue.
const ONE_BUTTON = new Set(BUTTONS.map((b) => b.toLowerCase()));
const MAX_BANNER_LENGTH = 400;
const COOKIE_WORD = /cookie|куки|クッキー/u;
const HEADING_MARK = /^#{1,6} /u;
// What a banner talks about besides cookies: the site, the visitor's experience, analytics, ads, consent, privacy.
const BANNER_WORDS = /site|web|experience|brows|navig|servic|analy|personali|advert|nutzung|anzeigen|inhalte|zustimm|consent|privacy|datenschutz|confidentialit|privacidad|privacidade|expérience|experiencia|experiência|esperienza|сайт|サイト|网站|網站/u;

const cookieNotice: Rule = {
  id: 'legal/cookie-notice',
  description: "a cookie banner's text or its row of consent buttons",
  zone: 'anywhere',
  examples: {
    removes: [
      'We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.',
      'Wir verwenden Cookies und ähnliche Technologien, um Ihnen ein optimales Nutzungserlebnis zu bieten.',
      'Nous utilisons des cookies pour améliorer votre expérience.', 'Utilizamos cookies propias y de terceros para mejorar nuestros servicios.',
      'Мы используем файлы cookie, чтобы сайт работал лучше.', '当サイトではCookieを使用しています。', 'Akzeptieren Einstellungen Ablehnen', 'Accept all cookies', '## Wir verwenden Cookies', 'Tout accepter | Tout refuser | Personnaliser',
    ],
    keeps: [
      'We use cookies sparingly, the baker said, because butter is expensive this year.', 'The regulator said cookies must not be set before users agree.', 'Wir verwenden Cookies, die Oma gebacken hat.',
      'Accept the offer or lose the deposit, the agent told them.', 'Settings on the new cameras are easy to change.', 'OK', 'Хорошо', 'I agree',
    ],
  },
  patterns: [CONSENT_BUTTONS, COOKIE_WORD, BANNER_WORDS, HEADING_MARK],
  test(line) {
    if (line.length > MAX_BANNER_LENGTH) return null;
    // A Markdown converter makes the banner's heading "## Wir verwenden Cookies".
    const lower = line.toLowerCase().replace(HEADING_MARK, '');
    if (CONSENT_BUTTONS.test(line) && (!ONE_BUTTON.has(lower) || COOKIE_WORD.test(lower))) return {};
    // One regex first: most lines never say "cookie", and the openings are then not tried.
    if (!COOKIE_WORD.test(lower)) return null;
    const opening = COOKIE_OPENINGS.find((o) => lower.startsWith(o));
    if (opening === undefined) return null;
    // The banner's heading is the opening alone ("Wir verwenden Cookies"); its text names the site or what the cookies are for.
    return lower.replace(/[.!:]$/u, '') === opening || BANNER_WORDS.test(lower) ? {} : null;
  },
};

export const legalRules: Rule[] = [copyright, cookieNotice];
