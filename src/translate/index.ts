// Stack translations for `up`/`render --platform` (retarget) and `hactl migrate`: pure functions on the stack input.
export { migrate, retarget, type MigrateOptions, type RetargetOptions, type TranslationResult } from './translate.js';
export { blockedDiagnostics, formatTranslation, type TranslationItem, type TranslationKind } from './report.js';
export { formOf, formTitles, type Form } from './form.js';
export { chainFor, translations } from './registry.js';
export type { Translation, TranslateContext } from './translation.js';
