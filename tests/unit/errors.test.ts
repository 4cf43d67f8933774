import { AppError } from '../../src/errors';
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
