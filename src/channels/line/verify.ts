/**
 * LINE webhook signature check (x-line-signature).
 *
 * LINE signs the exact bytes of the request body with HMAC-SHA256 keyed by the channel secret
 * and sends the digest base64-encoded. The check must therefore run on the RAW body, before any
 * JSON parsing or re-serialisation.
 *
 * Not using the SDK's `validateSignature`: it is constant-time, but Buffer's base64 decoder is
 * lenient (it skips invalid characters), so malformed header values could still be compared, and
 * it throws on a non-string signature. Here the header must be exactly the canonical base64 of
 * 32 bytes before anything is compared.
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#signature-validation
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Base64 of a 32-byte digest: 43 significant characters and one '=' pad. */
const SIGNATURE_FORMAT = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export function verifyLineSignature(
  rawBody: Buffer,
  signature: string | undefined,
  channelSecret: string,
): boolean {
  if (typeof signature !== 'string' || !SIGNATURE_FORMAT.test(signature)) return false;
  if (typeof channelSecret !== 'string' || channelSecret.length === 0) return false;
  if (!Buffer.isBuffer(rawBody)) return false;
  const expected = createHmac('sha256', channelSecret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

/** Computes the signature LINE would send for `rawBody` (for tests and local tooling). */
export function signLineBody(rawBody: Buffer | string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(rawBody).digest('base64');
}
