/** Copyright and rights notices. */
import type { Rule } from '../types.js';

// One `\s*` on each side of an optional © would share a run of spaces between them every possible way: the second belongs to the ©.
const NOTICE_START = /^(?:©|\(c\)|copyright\s*(?:(?:©|\(c\))\s*)?\d{4}|copyright\s+©)/iu;
// Lowercase phrases found anywhere in the line (a notice often follows the owner's name).
const RIGHTS_RESERVED = [
  'all rights reserved', 'some rights reserved', '版权所有', '版權所有', '著作権', '저작권', 'все права защищены',
  'todos los derechos reservados', 'alle rechte vorbehalten', 'tous droits réservés', 'todos os direitos reservados',
  'tutti i diritti riservati',
];
const MAX_NOTICE_LENGTH = 240;

const copyright: Rule = {
  id: 'legal/copyright',
  description: 'a copyright or rights-reserved notice',
  zone: 'anywhere',
  examples: {
    removes: ['© 2024 Example Media. All rights reserved.', 'Copyright 2024 Example Times', 'All rights reserved.', '版权所有 © 2024 新华网', '© 2024 РИА Новости. Все права защищены.', '(c) 2019 Reuters'],
    keeps: ['Copyright law in the EU changed in 2019.', 'The band sued, claiming the label had reserved all the rights to the song.'],
  },
  patterns: [NOTICE_START],
  test(line) {
    if (line.length > MAX_NOTICE_LENGTH) return null;
    if (NOTICE_START.test(line)) return {};
    // Plain substring search: much cheaper than a regex on every line, and spacing is already normalized.
    const lower = line.toLowerCase();
    return RIGHTS_RESERVED.some((phrase) => lower.includes(phrase)) ? {} : null;
  },
};

export const legalRules: Rule[] = [copyright];
