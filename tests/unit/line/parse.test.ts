import { parseLineWebhook } from '../../../src/channels/line/parse';

const USER = 'U4af4980629a0f1d0e0c7d6f4b5c6d7e8';
const TS = 1735689600000; // 2025-01-01T00:00:00Z

function messageEvent(message: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return {
    type: 'message',
    mode: 'active',
    timestamp: TS,
    source: { type: 'user', userId: USER },
    webhookEventId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    deliveryContext: { isRedelivery: false },
    replyToken: 'b60d432864f44d079f6d8efe86cf404b',
    message,
    ...over,
  };
}

function body(events: unknown[]) {
  return { destination: 'Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', events };
}

function parseOk(b: unknown) {
  const r = parseLineWebhook(b);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.message}`);
  return r;
}

describe('parseLineWebhook', () => {
  it('turns a text message event into an InboundMessage', () => {
    const r = parseOk(body([messageEvent({ id: '468789577898262530', type: 'text', text: '生活費のことで相談したいです' })]));
    expect(r.ignored).toEqual([]);
    expect(r.messages).toEqual([
      {
        channel: 'line',
        externalUserId: USER,
        externalMessageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
        kind: 'text',
        text: '生活費のことで相談したいです',
        sentAt: new Date(TS),
        lineReplyToken: 'b60d432864f44d079f6d8efe86cf404b',
        redelivery: false,
      },
    ]);
  });

  it('uses Japanese placeholders for stickers and other media', () => {
    const r = parseOk(
      body([
        messageEvent({ id: '1', type: 'sticker', packageId: '446', stickerId: '1988', stickerResourceType: 'STATIC' }, { webhookEventId: 'e1' }),
        messageEvent({ id: '2', type: 'image', contentProvider: { type: 'line' } }, { webhookEventId: 'e2' }),
        messageEvent({ id: '3', type: 'location', title: 'x', address: '東京都', latitude: 35.6, longitude: 139.7 }, { webhookEventId: 'e3' }),
        messageEvent({ id: '4', type: 'audio', duration: 1000 }, { webhookEventId: 'e4' }),
        messageEvent({ id: '5', type: 'brand-new-type' }, { webhookEventId: 'e5' }),
      ]),
    );
    expect(r.messages.map((m) => [m.externalMessageId, m.kind, m.text])).toEqual([
      ['e1', 'sticker', '[スタンプ]'],
      ['e2', 'image', '[画像]'],
      ['e3', 'location', '[位置情報]'],
      ['e4', 'audio', '[音声]'],
      ['e5', 'brand-new-type', '[未対応の形式のメッセージ]'],
    ]);
  });

  it('turns a postback into kind postback with the data as text', () => {
    const r = parseOk(
      body([
        {
          type: 'postback',
          timestamp: TS,
          source: { type: 'user', userId: USER },
          webhookEventId: 'pb1',
          deliveryContext: { isRedelivery: false },
          replyToken: 'rt-pb',
          postback: { data: 'topic=money&step=2' },
          mode: 'active',
        },
      ]),
    );
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ kind: 'postback', text: 'topic=money&step=2', externalMessageId: 'pb1', lineReplyToken: 'rt-pb' });
  });

  it('ignores a postback whose data is longer than 300 characters', () => {
    const r = parseOk(
      body([
        {
          type: 'postback', timestamp: TS, source: { type: 'user', userId: USER }, webhookEventId: 'pb2',
          deliveryContext: { isRedelivery: false }, postback: { data: 'x'.repeat(301) },
        },
      ]),
    );
    expect(r.messages).toEqual([]);
    expect(r.ignored[0].webhookEventId).toBe('pb2');
    expect(r.ignored[0].reason).toMatch(/^invalid_event/);
    expect(r.ignored[0].reason).not.toContain('xxxx');
  });

  it('passes the redelivery flag through', () => {
    const r = parseOk(body([messageEvent({ id: '1', type: 'text', text: 'hi' }, { deliveryContext: { isRedelivery: true } })]));
    expect(r.messages[0].redelivery).toBe(true);
  });

  it('ignores group and room sources with a reason', () => {
    const r = parseOk(
      body([
        messageEvent({ id: '1', type: 'text', text: 'hi' }, { webhookEventId: 'g1', source: { type: 'group', groupId: 'C123', userId: USER } }),
        messageEvent({ id: '2', type: 'text', text: 'hi' }, { webhookEventId: 'r1', source: { type: 'room', roomId: 'R123' } }),
      ]),
    );
    expect(r.messages).toEqual([]);
    expect(r.ignored).toEqual([
      { webhookEventId: 'g1', reason: 'unsupported_source: group' },
      { webhookEventId: 'r1', reason: 'unsupported_source: room' },
    ]);
  });

  it('ignores follow/unfollow and unknown event types', () => {
    const base = { timestamp: TS, source: { type: 'user', userId: USER }, deliveryContext: { isRedelivery: false }, mode: 'active' };
    const r = parseOk(
      body([
        { ...base, type: 'follow', webhookEventId: 'f1', replyToken: 'x', follow: { isUnblocked: false } },
        { ...base, type: 'unfollow', webhookEventId: 'f2' },
        { ...base, type: 'somethingNew', webhookEventId: 'f3', whatever: { a: 1 } },
      ]),
    );
    expect(r.messages).toEqual([]);
    expect(r.ignored.map((i) => i.reason)).toEqual([
      'unsupported_event_type: follow',
      'unsupported_event_type: unfollow',
      'unsupported_event_type: somethingNew',
    ]);
  });

  it('accepts an empty events list (the console Verify button)', () => {
    expect(parseLineWebhook({ destination: 'U0', events: [] })).toEqual({ ok: true, messages: [], ignored: [] });
  });

  it('rejects a malformed envelope', () => {
    for (const bad of [null, 'str', [], {}, { destination: 'U0' }, { destination: 'U0', events: {} }, { events: [] }]) {
      const r = parseLineWebhook(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_body');
    }
  });

  it('tolerates unknown extra fields at every level', () => {
    const r = parseOk({
      destination: 'U0',
      newTopLevel: true,
      events: [
        messageEvent(
          { id: '1', type: 'text', text: 'hi', quoteToken: 'q', markAsReadToken: 'm', emojis: [], futureField: 1 },
          { futureEventField: { nested: true }, source: { type: 'user', userId: USER, extra: 1 } },
        ),
      ],
    });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0].text).toBe('hi');
  });

  it('ignores a broken event without dropping the others', () => {
    const r = parseOk(
      body([
        { type: 'message', webhookEventId: 'broken', timestamp: 'yesterday' },
        42,
        messageEvent({ id: '1', type: 'text', text: 'ok' }, { webhookEventId: 'good' }),
      ]),
    );
    expect(r.messages.map((m) => m.externalMessageId)).toEqual(['good']);
    expect(r.ignored).toHaveLength(2);
    expect(r.ignored[0]).toMatchObject({ webhookEventId: 'broken' });
    expect(r.ignored[0].reason).toMatch(/^invalid_event/);
  });

  it('omits lineReplyToken when the event has none', () => {
    const ev = messageEvent({ id: '1', type: 'text', text: 'hi' });
    delete (ev as Record<string, unknown>).replyToken;
    const r = parseOk(body([ev]));
    expect(r.messages[0]).not.toHaveProperty('lineReplyToken');
  });
});
