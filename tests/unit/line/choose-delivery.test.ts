import { chooseLineDelivery } from '../../../src/channels/line/choose-delivery';

const now = new Date('2025-06-01T10:00:00.000Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);

describe('chooseLineDelivery', () => {
  it('replies with a fresh, unused token', () => {
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: secondsAgo(5), replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'reply', replyToken: 'tok' });
  });

  it('pushes when the token was already used', () => {
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: secondsAgo(5), replyTokenUsed: true, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'push' });
  });

  it('pushes when the token is too old (boundary included)', () => {
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: secondsAgo(50), replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'push' });
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: secondsAgo(49.9), replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'reply', replyToken: 'tok' });
  });

  it('pushes when there is no token or no receive time', () => {
    expect(
      chooseLineDelivery({ replyToken: null, replyTokenReceivedAt: secondsAgo(1), replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'push' });
    expect(
      chooseLineDelivery({ replyToken: '', replyTokenReceivedAt: secondsAgo(1), replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'push' });
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: null, replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'push' });
  });

  it('pushes for an invalid date or a non-positive max age', () => {
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: new Date('nope'), replyTokenUsed: false, now, maxAgeSeconds: 50 }),
    ).toEqual({ method: 'push' });
    expect(
      chooseLineDelivery({ replyToken: 'tok', replyTokenReceivedAt: secondsAgo(0), replyTokenUsed: false, now, maxAgeSeconds: 0 }),
    ).toEqual({ method: 'push' });
  });
});
