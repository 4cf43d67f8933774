import { AppError, deliveryErrorCatalogue, deliveryErrorText, errorCatalogue, socketError } from '../../src/errors';
import { toAppError } from '../../src/server/middleware/errors';

describe('errors as values', () => {
  test('carry a code, a status and a message in Japanese and English', () => {
    const e = new AppError('text_too_long');
    expect(e.status).toBe(413);
    expect(e.toJSON()).toEqual({
      error: { code: 'text_too_long', message: 'メッセージは5,000文字までです。', messageEn: 'Messages can be at most 5,000 characters.' },
    });
  });

  test('body-parser failures map to 400 and 413; unknown errors stay unknown (500, text hidden)', () => {
    expect(toAppError(Object.assign(new Error('x'), { type: 'entity.parse.failed' }))?.status).toBe(400);
    expect(toAppError(Object.assign(new Error('x'), { type: 'entity.too.large' }))?.code).toBe('payload_too_large');
    expect(toAppError(new Error('database password is hunter2'))).toBeNull();
  });
});

describe('one error table', () => {
  test('a socket refusal keeps its code as the message (clients match on it) and carries the texts for people', () => {
    const e = socketError('forbidden');
    expect(e.message).toBe('forbidden');
    expect(e.data).toEqual({ code: 'forbidden', message: errorCatalogue.forbidden.ja, messageEn: errorCatalogue.forbidden.en });
  });

  test('every code staff or people can see has Japanese and English text', () => {
    for (const [code, entry] of [...Object.entries(errorCatalogue), ...Object.entries(deliveryErrorCatalogue)]) {
      expect({ code, ja: /[ぁ-んァ-ヶ一-龠]/.test(entry.ja), en: /^[A-Z]/.test(entry.en) }).toEqual({ code, ja: true, en: true });
    }
  });

  test('a stored LINE delivery code reads as its text; a code from before the table reads as a plain failure', () => {
    expect(deliveryErrorText('quota_exceeded').ja).toContain('今月の送信上限');
    expect(deliveryErrorText('quota_exceeded').en).toContain('monthly message limit');
    expect(deliveryErrorText('something_older')).toEqual(deliveryErrorText('http_error'));
  });
});
