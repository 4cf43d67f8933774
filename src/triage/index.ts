/** Triage: categories, urgency, reporter and reasons for an inbound message. */
export const TRIAGE_ENGINE = 'rules-v1';
export { createClassifier, type Classifier } from './classify';
export { combineTriage } from './combine';
export { createTriagePool, type TriagePool } from './pool';
export { detectLanguage, type DetectedLang, type LanguageInfo } from './language';
export { CATEGORIES, type Category, type Reporter, type Urgency } from './lexicon';
export { loadTokenizer, normalizeText, toHiragana, type Token, type Tokenizer } from './tokenize';
