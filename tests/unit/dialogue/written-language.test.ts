/**
 * The language the bot answers in follows what the person clearly wrote (a resident on a phone
 * set to Japanese who writes English gets English), and only then.
 */
import { writtenLanguage } from '../../../src/dialogue/written-language';

test.each([
  ['ja', 'I would like to talk about my son', 'en'],
  ['ja', 'My neighbour has not come out for days', 'en'],
  ['easy-ja', 'Please help me', 'en'],
  ['en', '息子のことで相談したいです', 'ja'],
  ['ja', 'わたしは にほんごが すこし わかります。 しごとが ありません', 'easy-ja'],
  ['en', 'わたしは にほんごが すこし わかります。 しごとが ありません', 'easy-ja'],
] as const)('a person with %s who writes 「%s」 is answered in %s', (current, text, want) => {
  expect(writtenLanguage(current, text)).toBe(want);
});

test.each([
  ['easy-ja', '息子のことで相談したいです'], // chose やさしい日本語: ordinary Japanese does not take it away
  ['ja', '相談したいです'],
  ['en', 'OK'],
  ['ja', '👍'],
  ['ja', '090-1234-5678'],
  ['en', 'Preciso de ajuda'], // no words of the bot's in Portuguese: as before
] as const)('a person with %s who writes 「%s」 keeps their language', (current, text) => {
  expect(writtenLanguage(current, text)).toBe(current);
});
