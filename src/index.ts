/**
 * article-clean, the library: clean(text, options) → CleanResult, the rule
 * registry, and the types. The CLI imports only this module.
 */
export { clean } from './core/clean.js';
export { validateConfig, compileUserRules, ConfigError, type UserConfig, type UserRuleSpec } from './rules/user.js';
export { normalizeLine, splitLines } from './core/normalize.js';
export { repairMojibake, type MojibakeRepair, type MojibakeKind } from './core/mojibake.js';
export { rules, selectRules, ruleSelectors, UnknownRuleError } from './rules/index.js';
export { DEFAULT_THRESHOLD, DEFAULT_MIN_BYTES } from './dedupe/document.js';
export { PAGE_RULES } from './page/classify.js';
export { TEMPLATE_RULE } from './core/template.js';
export { TemplateCounter, DEFAULT_TEMPLATE, type TemplateThresholds } from './core/template-count.js';
export type {
  Change,
  CleanMode,
  CleanOptions,
  CleanResult,
  CleanStats,
  Duplicate,
  DuplicateKind,
  KeepPolicy,
  LineRange,
  Metadata,
  MetadataField,
  Paragraph,
  Removal,
  Rule,
  RuleContext,
  RuleExample,
  RuleMatch,
  RuleZone,
  Zone,
} from './types.js';
