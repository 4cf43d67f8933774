import { cleanText } from '../../../src/channels/clean-text';

describe('cleanText', () => {
  test('removes control characters but keeps line breaks, tabs, emoji and every script', () => {
    expect(cleanText('a\u0000b\u0007c\r\n\td\u007f\u0085e')).toBe('abc\n\tde');
    expect(cleanText('相談したい😊 مرحبا')).toBe('相談したい😊 مرحبا');
  });
  test('a lone half of a surrogate pair becomes U+FFFD; whole pairs stay', () => {
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('x\uDC00')).toBe('x\uFFFD');
    expect(cleanText('\uDC00\uD800')).toBe('\uFFFD\uFFFD');
    expect(cleanText('\uD83D\uDE0A')).toBe('😊');
    // the result can be written as JSON and read back by the database: no lone surrogate escapes left
    expect(JSON.stringify(cleanText('\uD800'))).toBe('"\uFFFD"');
  });
});
