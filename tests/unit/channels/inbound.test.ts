/** The channel seam: a LINE body and a widget send become InboundMessages; a tapped button reads in the person's language. */
import { labelPostbacks, postbackWriters, readLineWebhook } from '../../../src/channels/line/inbound';
import { widgetInbound } from '../../../src/channels/widget/inbound';
import { labelForPostback } from '../../../src/dialogue/machine';
import { QUESTION_STEPS, questionFor } from '../../../src/dialogue/questions';
import { textsFor } from '../../../src/dialogue/texts';
import { postbackEvent, textEvent, webhookBody } from '../../fixtures/line-events';
import { fakeLineUserId } from '../../fixtures/fake-line-api';

const someButton = QUESTION_STEPS.flatMap((s) => questionFor(s, textsFor('en'))?.buttons ?? [])[0];

test('a LINE body: events in order, a postback labelled in the language of the person who tapped it', () => {
  const [ja, en] = [fakeLineUserId(), fakeLineUserId()];
  const raw = Buffer.from(webhookBody([textEvent({ userId: ja, text: 'こんにちは' }), postbackEvent({ userId: ja, data: someButton.data }), postbackEvent({ userId: en, data: someButton.data })]));
  const parsed = readLineWebhook(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(postbackWriters(parsed.messages).sort()).toEqual([ja, en].sort());
  const labelled = labelPostbacks(parsed.messages, (u) => (u === en ? 'en' : 'ja'));
  expect(labelled.map((m) => [m.kind, m.text, m.postback])).toEqual([
    ['text', 'こんにちは', undefined],
    ['postback', labelForPostback(someButton.data, 'ja'), someButton.data],
    ['postback', someButton.label, someButton.data],
  ]);
  expect(labelForPostback(someButton.data, 'ja')).not.toBe(someButton.label);
});

test('malformed JSON is invalid_body', () => {
  expect(readLineWebhook(Buffer.from('{nope'))).toEqual({ ok: false, error: { code: 'invalid_body', message: 'malformed JSON' } });
});

test('a widget send: keyed by conversation and client message id', () => {
  const m = widgetInbound({ contactExternalId: 'w-1', conversationId: 'c-1' }, { text: 'はい', clientMessageId: 'abc12345', postback: 'x' });
  expect(m).toMatchObject({ channel: 'widget', externalUserId: 'w-1', externalMessageId: 'c-1:abc12345', kind: 'postback', text: 'はい', postback: 'x' });
});
