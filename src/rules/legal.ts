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

export const legalRules: Rule[] = [copyright];
