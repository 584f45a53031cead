/** Copyright and rights notices. */
import type { Rule } from '../types.js';
import { patternRule } from './define.js';

const copyright = patternRule({
  id: 'legal/copyright',
  description: 'a copyright or rights-reserved notice',
  patterns: [
    /^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*\d{4}|copyright\s+©)[^]{0,200}$/iu,
    /^[^]{0,160}\b(?:all\s+rights\s+reserved|some\s+rights\s+reserved)\b[^]{0,120}$/iu,
    /^[^]{0,160}(?:版权所有|版權所有|著作権|저작권|все\s+права\s+защищены|todos\s+los\s+derechos\s+reservados|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+os\s+direitos\s+reservados|tutti\s+i\s+diritti\s+riservati)[^]{0,120}$/iu,
  ],
  examples: {
    removes: ['© 2024 Example Media. All rights reserved.', 'Copyright 2024 Example Times', 'All rights reserved.', '版权所有 © 2024 新华网', '© 2024 РИА Новости. Все права защищены.', '(c) 2019 Reuters'],
    keeps: ['Copyright law in the EU changed in 2019.', 'The band sued, claiming the label had reserved all the rights to the song.'],
  },
});

export const legalRules: Rule[] = [copyright];
