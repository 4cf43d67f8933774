import { checkLineMessages, toLineMessageBatches, toLineMessages } from '../../../src/channels/line/messages';

describe('toLineMessages', () => {
  it('wraps texts as text messages and drops blank ones', () => {
    expect(toLineMessages(['こんにちは', '  ', '', 'どうぞ'])).toEqual([
      { type: 'text', text: 'こんにちは' },
      { type: 'text', text: 'どうぞ' },
    ]);
    expect(toLineMessages([])).toEqual([]);
  });

  it('splits a text longer than 5000 characters', () => {
    const out = toLineMessages(['あ'.repeat(12001)]);
    expect(out.map((m) => m.text.length)).toEqual([5000, 5000, 2001]);
    expect(out.map((m) => m.text).join('')).toBe('あ'.repeat(12001));
  });

  it('prefers a line break near the end of a chunk and never cuts a surrogate pair', () => {
    const withBreak = `${'a'.repeat(4500)}\n${'b'.repeat(1000)}`;
    expect(toLineMessages([withBreak]).map((m) => m.text.length)).toEqual([4501, 1000]);
    const emoji = `${'a'.repeat(4999)}😀tail`;
    const parts = toLineMessages([emoji]).map((m) => m.text);
    expect(parts[0]).toBe('a'.repeat(4999));
    expect(parts[1]).toBe('😀tail');
  });

  it('throws when more than 5 messages would be needed, while batches split them', () => {
    const six = ['1', '2', '3', '4', '5', '6'];
    expect(() => toLineMessages(six)).toThrow(RangeError);
    const batches = toLineMessageBatches(six);
    expect(batches.map((b) => b.length)).toEqual([5, 1]);
  });

  it('puts the quick reply on the last message and enforces its limits', () => {
    const quickReply = { items: [{ type: 'action' as const, action: { type: 'postback' as const, label: 'はい', data: 'yes' } }] };
    const out = toLineMessages(['a', 'b'], { quickReply });
    expect(out[0].quickReply).toBeUndefined();
    expect(out[1].quickReply).toBe(quickReply);

    const tooMany = { items: Array.from({ length: 14 }, (_, i) => ({ type: 'action' as const, action: { type: 'message' as const, label: `l${i}`, text: 't' } })) };
    expect(() => toLineMessages(['a'], { quickReply: tooMany })).toThrow(RangeError);
    const longLabel = { items: [{ type: 'action' as const, action: { type: 'message' as const, label: 'x'.repeat(21), text: 't' } }] };
    expect(() => toLineMessages(['a'], { quickReply: longLabel })).toThrow(/label/);
    const longData = { items: [{ type: 'action' as const, action: { type: 'postback' as const, label: 'ok', data: 'd'.repeat(301) } }] };
    expect(() => toLineMessages(['a'], { quickReply: longData })).toThrow(/data/);
  });
});

describe('checkLineMessages', () => {
  it('accepts 1–5 valid text messages and rejects the rest', () => {
    expect(checkLineMessages([{ type: 'text', text: 'a' }])).toBeNull();
    expect(checkLineMessages([])).toMatch(/no messages/);
    expect(checkLineMessages(Array.from({ length: 6 }, () => ({ type: 'text' as const, text: 'a' })))).toMatch(/at most 5/);
    expect(checkLineMessages([{ type: 'text', text: '' }])).toMatch(/empty/);
    expect(checkLineMessages([{ type: 'text', text: 'x'.repeat(5001) }])).toMatch(/5000/);
  });
});
