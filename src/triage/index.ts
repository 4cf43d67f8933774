/** Triage: categories, urgency, reporter and reasons for an inbound message. */
export { createClassifier, type Classifier, type ClassifierOptions } from './classify';
export { loadTriageModel, triageEngine, MODEL_FILE } from './model/load';
export { combineTriage } from './combine';
export { createTriagePool, type TriagePool } from './pool';
export { detectLanguage, type DetectedLang, type LanguageInfo } from './language';
export { CATEGORIES, type Category, type Reporter, type Urgency } from './lexicon';
export { loadTokenizer, normalizeText, toHiragana, type Token, type Tokenizer } from './tokenize';
