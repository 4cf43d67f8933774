/**
 * Password strength (zxcvbn-ts with the common, English and Japanese dictionaries): length alone
 * lets `aaaaaaaaaa` or `password123` through; an estimate of guesses does not. Passwords built
 * from the account's own email or name count as guessable.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as ja from '@zxcvbn-ts/language-ja';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
// Built on first use: the dictionaries take a moment to load and only account commands need them.
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
    useLevenshteinDistance: true,
  }));

/** Null when the password is strong enough; otherwise why not, in words for the person choosing it. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `at most ${MAX_PASSWORD_LENGTH} characters`;
  const inputs = userInputs.flatMap((u) => [u, ...u.split(/[@.\s_-]+/)]).filter((u) => u.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `too easy to guess${why ? ` (${why})` : ''}; try a few unrelated words`;
}
