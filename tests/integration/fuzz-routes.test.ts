/**
 * Property-based fuzzing (fast-check) of every route reachable without a staff session, and of
 * the LINE webhook behind a valid signature: malformed JSON, wrong types, huge and deeply nested
 * bodies, lone surrogates, `__proto__` keys, unknown LINE event types, 100+ events. Whatever
 * comes in: never a 5xx; a refused request stores nothing; the process stays healthy. Bounded:
 * modest numRuns on one database (PGlite) so the file stays well under a minute.
 */
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { conversations, messages, staffSessions, widgetSessions } from '../../src/db/schema';
import { createSessionBody, sendMessageBody, updateSessionBody } from '../../src/server/routes/widget/schema';
import { loginBody } from '../../src/server/routes/auth/schema';
import { startTestApp, type TestApp } from '../helpers/app';
import { openWidgetSession, widgetSend, type WidgetSession } from '../helpers/widget';
import { postWebhook } from '../fixtures/line-events';
import { startFakeLineApi, type FakeLineApi } from '../fixtures/fake-line-api';
import type { z } from 'zod';

const SECRET = 'fuzz-channel-secret';
const TOKEN = 'fuzz-channel-access-token';
const RUNS = { numRuns: 40, seed: Number(process.env.FUZZ_SEED ?? 20261205) };

/** JSON values people and attackers send: every type, deep, `__proto__`/`constructor` keys, lone surrogates. */
const loneSurrogate = fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\udc00b', '相談\ud800です');
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'text', 'lang', 'email', 'toString', '');
const hostileString = fc.oneof(fc.string(), loneSurrogate, fc.string({ unit: 'grapheme', maxLength: 50 }), fc.constant('x'.repeat(6000)));
const { value: hostileJson } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
  ),
}));
/** A body as bytes: JSON of a hostile value (with `__proto__` kept as an own key), or not JSON at all. */
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const rawBody = fc.oneof(
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
  hostileJson.map((v) => `{"__proto__": ${JSON.stringify(v) ?? 'null'}, "constructor": {"prototype": {"polluted": true}}}`),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', '{"text":', 'null', '[]', '"\\ud800"', '{"text": "\\udfff", "clientMessageId": 1}', deep(5000), `{"a":${deep(20000)}}`),
  fc.constant(`{"text":"${'あ'.repeat(400_000)}"}`), // over 1 MB
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
);

/**
 * The schema's verdict on a body: such a request may be accepted, so the "stores nothing" part
 * does not apply. No body at all reads as `{}` (src/server/middleware/validate.ts).
 */
function wouldPass(schema: z.ZodType, body: string): boolean {
  try {
    return schema.safeParse(body === '' ? {} : JSON.parse(body)).success;
  } catch {
    return false;
  }
}

describe('fuzzing the public routes and the LINE webhook (PGlite)', () => {
  let app: TestApp;
  let line: FakeLineApi;
  let session: WidgetSession;
  const db = () => app.runtime.ctx.db;
  /** What a refused request must not change (the bot's own answers are outbound, so not counted). */
  const stored = async () => ({
    inbound: (await db().select({ n: count() }).from(messages).where(eq(messages.direction, 'in')))[0].n,
    conversations: (await db().select({ n: count() }).from(conversations))[0].n,
    widgetSessions: (await db().select({ n: count() }).from(widgetSessions))[0].n,
    staffSessions: (await db().select({ n: count() }).from(staffSessions))[0].n,
  });

  beforeAll(async () => {
    line = await startFakeLineApi({ channelAccessToken: TOKEN });
    app = await startTestApp({
      db: 'pglite',
      // Each request comes from its own address (X-Forwarded-For from the trusted loopback), so
      // every sample reaches the parser instead of the per-address rate limits.
      env: { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: TOKEN, LINE_API_BASE_URL: line.url, TRUST_PROXY: 'loopback' },
    });
    session = await openWidgetSession(app.url);
    await widgetSend(app.url, session, 'はじめまして');
  });
  afterAll(async () => {
    await app?.close();
    await line?.close();
  });

  let address = 0;
  const from = () => ({ 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address++ & 255}` });
  const send = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { method, headers: { 'content-type': 'application/json', origin: app.url, ...from(), ...headers }, body });

  const ROUTES = [
    { name: 'POST /api/widget/sessions', method: 'POST', path: '/api/widget/sessions', schema: createSessionBody, auth: false },
    { name: 'POST /api/widget/messages', method: 'POST', path: '/api/widget/messages', schema: sendMessageBody, auth: true },
    { name: 'PATCH /api/widget/session', method: 'PATCH', path: '/api/widget/session', schema: updateSessionBody, auth: true },
    { name: 'POST /api/auth/login', method: 'POST', path: '/api/auth/login', schema: loginBody, auth: false },
  ] as const;

  test.each(ROUTES.map((r) => [r.name, r] as const))('%s: any body gets a 4xx, never a 5xx, and a refused one stores nothing', async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(rawBody, async (body) => {
        const before = await stored();
        const res = await send(route.method, route.path, body, route.auth ? { authorization: `Bearer ${session.sessionToken}` } : {});
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(429); // the sample reached the route, not only the rate limit
        if (wouldPass(route.schema, body)) return;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(await stored()).toEqual(before);
      }),
      RUNS,
    );
  });

  test('POST /api/widget/messages: well-formed messages with lone surrogates, odd graphemes and control characters never answer 5xx', async () => {
    const text = fc.oneof(loneSurrogate, fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const res = await send('POST', '/api/widget/messages', JSON.stringify({ text: t, clientMessageId: `fuzz-${Date.now()}-${n++}` }), { authorization: `Bearer ${session.sessionToken}` });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { ...RUNS, numRuns: 25 },
    );
  });

  test('widget routes with a made-up or mangled session token: 401 and nothing changed', async () => {
    const token = fc.oneof(fc.stringMatching(/^[\x21-\x7e]{0,300}$/), fc.constant(session.sessionToken.slice(0, -1)), fc.constant(`${session.sessionToken}x`));
    const scheme = fc.constantFrom('Bearer ', 'bearer ', 'Basic ', '', 'Bearer  ');
    const call = fc.constantFrom(['GET', '/api/widget/messages'], ['DELETE', '/api/widget/session'], ['PATCH', '/api/widget/session'], ['POST', '/api/widget/messages']);
    await fc.assert(
      fc.asyncProperty(call, scheme, token, async ([method, path], s, t) => {
        fc.pre(!(s.trim().toLowerCase() === 'bearer' && t === session.sessionToken));
        const before = await stored();
        const res = await fetch(`${app.url}${path}`, { method, headers: { authorization: `${s}${t}`, 'content-type': 'application/json', ...from() }, body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify({ lang: 'en', text: 'x', clientMessageId: 'abcdefgh1' }) });
        await res.arrayBuffer();
        expect(res.status).toBe(401);
        expect(await stored()).toEqual(before);
      }),
      RUNS,
    );
    // The real session was not ended by any of it.
    expect((await fetch(`${app.url}/api/widget/messages`, { headers: { authorization: `Bearer ${session.sessionToken}` } })).status).toBe(200);
  });

  /** Events LINE may send that carry no message for us (and made-up types). */
  const unknownEvent = fc.record({
    type: fc.oneof(fc.constantFrom('follow', 'unfollow', 'join', 'leave', 'memberJoined', 'beacon', 'accountLink', 'things', 'unsend', 'videoPlayComplete'), fc.string({ maxLength: 12 }).filter((t) => t !== 'message' && t !== 'postback')),
    webhookEventId: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constant(undefined)),
    timestamp: fc.oneof(fc.nat(), fc.constant(-1), fc.string()),
    source: fc.oneof(fc.record({ type: fc.constant('user'), userId: fc.string({ minLength: 1, maxLength: 40 }) }), hostileJson),
  });
  /** A message or postback event broken in one way or another (wrong types, missing parts). */
  const brokenEvent = fc.record({
    type: fc.constantFrom('message', 'postback'),
    webhookEventId: fc.oneof(fc.constant(''), fc.integer(), fc.constant(null)),
    timestamp: fc.oneof(fc.string(), fc.double(), fc.constant(-5)),
    message: hostileJson,
    postback: fc.oneof(hostileJson, fc.record({ data: fc.string({ minLength: 301, maxLength: 400 }) })),
  });
  const envelope = fc.oneof(
    fc.array(fc.oneof(unknownEvent, brokenEvent, hostileJson), { maxLength: 8 }).map((events) => JSON.stringify({ destination: 'Ufuzz', events })),
    fc.array(unknownEvent, { minLength: 100, maxLength: 140 }).map((events) => JSON.stringify({ destination: 'Ufuzz', events })),
    hostileJson.map((v) => JSON.stringify({ destination: v, events: v }) ?? '{}'),
    // An own `__proto__` key (JSON.parse keeps it as data) dressed as a message event.
    fc.constant('{"destination":"U","events":[{"type":"follow","webhookEventId":"x","timestamp":1,"__proto__":{"type":"message","message":{"id":"1","type":"text","text":"x"}}}],"__proto__":{"events":[]}}'),
    rawBody,
  );

  test('POST /webhooks/line, correctly signed: malformed, unknown or broken events store nothing and never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(envelope, async (body) => {
        const before = await stored();
        const res = await postWebhook(app.url, body, SECRET);
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
        expect(await stored()).toEqual(before);
      }),
      RUNS,
    );
  });

  test('POST /webhooks/line with a wrong or missing signature: 401 and nothing stored, whatever the body', async () => {
    await fc.assert(
      fc.asyncProperty(envelope, fc.oneof(fc.string(), fc.constant('')), async (body, signature) => {
        const before = await stored();
        const res = await postWebhook(app.url, body, SECRET, signature);
        await res.arrayBuffer();
        expect(res.status).toBe(401);
        expect(await stored()).toEqual(before);
      }),
      { ...RUNS, numRuns: 20 },
    );
  });

  test('afterwards the process is healthy and still takes a real message', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    const s = await openWidgetSession(app.url);
    await widgetSend(app.url, s, 'ふつうの相談です');
  });
});
