import { MATCH_CHARS, matchSnippet } from '../../../src/conversations/list';

describe('the words around a search match', () => {
  test('short text: all of it, no ellipsis', () => {
    expect(matchSnippet('家の前にゴミがたまっています', 'ゴミ')).toBe('家の前にゴミがたまっています');
  });
  test('long text: the match is inside, cut with … on the side that was cut, never longer than the limit', () => {
    const text = `${'あ'.repeat(200)}ゴミ屋敷${'い'.repeat(200)}`;
    const s = matchSnippet(text, 'ゴミ')!;
    expect(s).toContain('ゴミ屋敷');
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect([...s.replace(/…/g, '')].length).toBeLessThanOrEqual(MATCH_CHARS);
  });
  test('case-insensitive, line breaks flattened, emoji never split', () => {
    expect(matchSnippet('Help\nPLEASE now', 'please')).toBe('Help PLEASE now');
    const s = matchSnippet(`${'😀'.repeat(100)}word`, 'word')!;
    expect(s).toMatch(/word$/);
    expect(s).not.toMatch(/\uFFFD/);
    expect([...s].every((c) => c === '…' || c === '😀' || 'word'.includes(c))).toBe(true);
  });
  test('not there: null', () => {
    expect(matchSnippet('こんにちは', 'ゴミ')).toBeNull();
  });
});
