/**
 * Sends counsellors' answers to LINE through the Messaging API (@line/bot-sdk v11
 * MessagingApiClient), and folds every outcome into a SendResult the caller can act on:
 *
 *   2xx                          → ok (requestId = x-line-request-id)
 *   push, 409 (retry key known)  → ok, duplicate: true (LINE already accepted this push;
 *                                  requestId = x-line-accepted-request-id)
 *   reply, 400 "Invalid reply token" → code 'reply_token_invalid', not retryable (fall back to push)
 *   429 (rate limit)             → retryable; 429 "monthly limit" → 'quota_exceeded', not retryable
 *   5xx, network error, timeout  → retryable
 *   timeout, or the connection lost after the request went out → also `unclear`: LINE may
 *                                  have accepted it (a reply cannot be told apart from a new one)
 *   other 4xx                    → not retryable
 *
 * Nothing here logs; results never contain message text or tokens.
 *
 * LINE documentation: https://developers.line.biz/en/reference/messaging-api/#send-reply-message, https://developers.line.biz/en/reference/messaging-api/#send-push-message
 *   https://developers.line.biz/en/docs/messaging-api/retrying-api-request/, https://developers.line.biz/en/reference/messaging-api/#status-codes
 */
import { randomUUID } from 'node:crypto';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { checkLineMessages, type LineTextMessage } from './messages';
import type { DeliveryErrorCode } from '../../errors';

export {
  toLineMessages,
  toLineMessageBatches,
  type LineTextMessage,
  type LineQuickReply,
  type LineQuickReplyItem,
  type LineQuickReplyAction,
} from './messages';

export type SendResult =
  | { ok: true; requestId?: string; duplicate?: boolean }
  /** `code`: src/errors.ts `deliveryErrorCatalogue` (staff see its text); `message`: for logs. `unclear`: LINE may have acted on it. */
  | { ok: false; retryable: boolean; status?: number; code: DeliveryErrorCode; message: string; unclear?: boolean };

export interface LineSender {
  reply(replyToken: string, messages: LineTextMessage[]): Promise<SendResult>;
  /** `retryKey` must be a UUID; reuse the SAME key when retrying the same push. */
  push(to: string, messages: LineTextMessage[], retryKey: string): Promise<SendResult>;
}

export interface LineSenderOptions {
  channelAccessToken: string;
  /** e.g. https://api.line.me (LINE_API_BASE_URL). Only scheme/host/port are used: the SDK resolves absolute paths against it. */
  apiBaseUrl: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

export const DEFAULT_LINE_TIMEOUT_MS = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A fresh retry key for a new push (store it with the outgoing message; reuse it on retries). */
export function newLineRetryKey(): string {
  return randomUUID();
}

export function isLineRetryKey(value: string): boolean {
  return UUID.test(value);
}

class LineTimeoutError extends Error {
  constructor(ms: number) {
    super(`LINE API did not answer within ${ms} ms`);
    this.name = 'LineTimeoutError';
  }
}

export function createLineSender(opts: LineSenderOptions): LineSender {
  if (!opts.channelAccessToken) throw new Error('createLineSender: channelAccessToken is required');
  if (!opts.apiBaseUrl) throw new Error('createLineSender: apiBaseUrl is required');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_LINE_TIMEOUT_MS;
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: opts.channelAccessToken,
    baseURL: opts.apiBaseUrl,
  });

  return {
    async reply(replyToken, messages) {
      if (!replyToken) return invalid('invalid_request', 'reply token is empty');
      const problem = checkLineMessages(messages);
      if (problem) return invalid('invalid_request', problem);
      try {
        const res = await withTimeout(
          client.replyMessageWithHttpInfo({ replyToken, messages: messages as messagingApi.Message[] }),
          timeoutMs,
        );
        return { ok: true, requestId: headerOf(res.httpResponse.headers, 'x-line-request-id') };
      } catch (err) {
        return mapError(err, 'reply');
      }
    },

    async push(to, messages, retryKey) {
      if (!to) return invalid('invalid_request', 'push recipient is empty');
      if (!isLineRetryKey(retryKey)) return invalid('invalid_retry_key', 'retry key must be a UUID');
      const problem = checkLineMessages(messages);
      if (problem) return invalid('invalid_request', problem);
      try {
        const res = await withTimeout(
          client.pushMessageWithHttpInfo({ to, messages: messages as messagingApi.Message[] }, retryKey),
          timeoutMs,
        );
        return { ok: true, requestId: headerOf(res.httpResponse.headers, 'x-line-request-id') };
      } catch (err) {
        return mapError(err, 'push');
      }
    },
  };
}

function invalid(code: DeliveryErrorCode, message: string): SendResult {
  return { ok: false, retryable: false, code, message };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LineTimeoutError(ms)), ms);
  });
  // The SDK cannot abort its fetch; make sure a late failure is not an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function headerOf(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.get(name);
  return value ? value : undefined;
}

function isHttpFetchError(err: unknown): err is HTTPFetchError {
  return (
    err instanceof HTTPFetchError ||
    (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'HTTPFetchError' &&
      typeof (err as { status?: unknown }).status === 'number')
  );
}

/** LINE error bodies: `{ message, details?: [{ message, property }] }`. Property names only, no values. */
function describeLineError(body: string | undefined): string {
  if (!body) return '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; details?: unknown };
    let text = typeof parsed.message === 'string' ? parsed.message : '';
    if (Array.isArray(parsed.details)) {
      const details = parsed.details
        .slice(0, 3)
        .map((d: { property?: unknown; message?: unknown }) =>
          [typeof d?.property === 'string' ? d.property : '', typeof d?.message === 'string' ? d.message : '']
            .filter(Boolean)
            .join(': '),
        )
        .filter(Boolean);
      if (details.length) text += ` (${details.join('; ')})`;
    }
    return text.slice(0, 300);
  } catch {
    return '';
  }
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function mapError(err: unknown, op: 'reply' | 'push'): SendResult {
  if (isHttpFetchError(err)) {
    const status = err.status;
    const lineMessage = describeLineError(err.body);
    const message = `LINE ${op} failed: HTTP ${status}${lineMessage ? ` ${lineMessage}` : ''}`;
    if (op === 'push' && status === 409) {
      return {
        ok: true,
        duplicate: true,
        requestId:
          headerOf(err.headers, 'x-line-accepted-request-id') ?? headerOf(err.headers, 'x-line-request-id'),
      };
    }
    if (status === 400 && op === 'reply' && /invalid reply token/i.test(lineMessage)) {
      return { ok: false, retryable: false, status, code: 'reply_token_invalid', message };
    }
    if (status === 429) {
      if (/monthly limit/i.test(lineMessage)) {
        return { ok: false, retryable: false, status, code: 'quota_exceeded', message };
      }
      return { ok: false, retryable: true, status, code: 'rate_limited', message };
    }
    if (status >= 500) return { ok: false, retryable: true, status, code: 'server_error', message };
    const code: DeliveryErrorCode =
      status === 400 ? 'bad_request'
      : status === 401 ? 'unauthorized'
      : status === 403 ? 'forbidden'
      : status === 404 ? 'not_found'
      : status === 409 ? 'conflict'
      : status === 413 ? 'payload_too_large'
      : 'http_error';
    return { ok: false, retryable: false, status, code, message };
  }
  if (err instanceof LineTimeoutError) {
    return { ok: false, retryable: true, code: 'timeout', message: err.message, unclear: true };
  }
  if (err instanceof SyntaxError) {
    // The SDK only parses the body after a 2xx status: LINE accepted the request.
    return { ok: true };
  }
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.message : String(err);
  // Refused or not found: the request never left. Anything else (a reset, a closed socket) may have arrived.
  const neverSent = typeof cause?.code === 'string' && NEVER_SENT.has(cause.code);
  return { ok: false, retryable: true, code: 'network_error', message: `LINE ${op} failed: ${detail}`, unclear: !neverSent };
}
