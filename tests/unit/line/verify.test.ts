import { createHmac } from 'node:crypto';
import { signLineBody, verifyLineSignature } from '../../../src/channels/line/verify';

const secret = 'a3f1c0ffee0123456789abcdef012345';
const body = Buffer.from(
  JSON.stringify({ destination: 'Uxxx', events: [{ type: 'message', message: { type: 'text', text: 'こんにちは' } }] }),
  'utf8',
);
const goodSig = createHmac('sha256', secret).update(body).digest('base64');

describe('verifyLineSignature', () => {
  it('accepts the HMAC-SHA256 base64 signature of the raw body', () => {
    expect(verifyLineSignature(body, goodSig, secret)).toBe(true);
    expect(signLineBody(body, secret)).toBe(goodSig);
  });

  it('rejects a signature made with another secret', () => {
    const other = createHmac('sha256', 'another-secret').update(body).digest('base64');
    expect(verifyLineSignature(body, other, secret)).toBe(false);
  });

  it('rejects a missing or empty signature', () => {
    expect(verifyLineSignature(body, undefined, secret)).toBe(false);
    expect(verifyLineSignature(body, '', secret)).toBe(false);
  });

  it('rejects malformed signatures without throwing', () => {
    expect(verifyLineSignature(body, 'not-base64!!', secret)).toBe(false);
    expect(verifyLineSignature(body, goodSig.slice(0, -2), secret)).toBe(false);
    expect(verifyLineSignature(body, `${goodSig}AAAA`, secret)).toBe(false);
    // Lenient base64 decoding would ignore the junk; the strict format check must not.
    expect(verifyLineSignature(body, `${goodSig.slice(0, 10)}*${goodSig.slice(10)}`, secret)).toBe(false);
    expect(verifyLineSignature(body, Buffer.from(goodSig, 'base64').toString('hex'), secret)).toBe(false);
    expect(verifyLineSignature(body, 123 as unknown as string, secret)).toBe(false);
  });

  it('rejects a tampered body (even a re-serialised but equivalent JSON)', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('こんにちは', 'さようなら'), 'utf8');
    expect(verifyLineSignature(tampered, goodSig, secret)).toBe(false);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')), null, 1), 'utf8');
    expect(verifyLineSignature(reserialised, goodSig, secret)).toBe(false);
  });

  it('rejects everything when the channel secret is empty', () => {
    const sigWithEmptySecret = createHmac('sha256', '').update(body).digest('base64');
    expect(verifyLineSignature(body, sigWithEmptySecret, '')).toBe(false);
  });
});
