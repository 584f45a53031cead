#!/usr/bin/env node
// Writes docs/rules.md from the built rule registry (run `npm run build` first; npm run docs:rules does).
import { writeFileSync } from 'node:fs';
import { PAGE_RULES, rules } from '../dist/index.js';
import { renderRulesMarkdown } from '../dist/render/rules-doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesMarkdown(rules, PAGE_RULES));
console.log(`docs/rules.md: ${rules.length} rules`);
