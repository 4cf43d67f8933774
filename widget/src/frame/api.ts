/** The frame's HTTP client for the widget API (anonymous, Bearer session token, no cookies, same origin). */
import type { ApiErrorBody, WidgetLang, WidgetMessage, WidgetSession } from '../contract.js';
import { ApiError } from '../../../src/contracts/api-error.js';
import { isLang } from '../i18n.js';

/** A request that hangs (dead connection) is given up after this long and retried. */
const TIMEOUT_MS = 20000;

export { ApiError };

export class WidgetApi {
  constructor(
    private readonly base: string,
    /** The agency the embedding page belongs to (`data-agency`); unset: the intake desk. */
    private readonly agency: string | null = null,
  ) {}

  private async request<T>(method: string, path: string, token?: string, body?: unknown, keepalive = false): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let res: Response;
    const abort = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = abort && setTimeout(() => abort.abort(), TIMEOUT_MS);
    try {
      res = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal: abort?.signal,
        // The page may be going away (quick exit): let the request finish without it.
        keepalive,
      });
    } catch (err) {
      throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
    } finally {
      clearTimeout(timer);
    }
    let data: unknown = undefined;
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) {
      try {
        data = await res.json();
      } catch {
        data = undefined;
      }
    }
    if (!res.ok) {
      const e = (data as ApiErrorBody | undefined)?.error;
      throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
    }
    return data as T;
  }

  createSession(lang: WidgetLang): Promise<WidgetSession> {
    return this.request<WidgetSession>('POST', '/api/widget/sessions', undefined, this.agency ? { lang, agency: this.agency } : { lang });
  }

  sendMessage(token: string, text: string, clientMessageId: string, postback?: string): Promise<{ messageId: string }> {
    const body: Record<string, string> = { text, clientMessageId };
    if (postback !== undefined) body.postback = postback;
    return this.request('POST', '/api/widget/messages', token, body);
  }

  setLang(token: string, lang: WidgetLang): Promise<{ lang: WidgetLang }> {
    return this.request('PATCH', '/api/widget/session', token, { lang });
  }

  /** Ends the session on the server: the token stops working at once. */
  endSession(token: string): Promise<unknown> {
    return this.request('DELETE', '/api/widget/session', token, undefined, true);
  }

  /** The thread, and the language the bot answers in now (null: not said). */
  async listMessages(token: string): Promise<{ messages: WidgetMessage[]; lang: WidgetLang | null }> {
    const data = await this.request<{ messages: WidgetMessage[]; lang?: string }>('GET', '/api/widget/messages', token);
    return { messages: Array.isArray(data?.messages) ? data.messages : [], lang: isLang(data?.lang) ? data.lang : null };
  }
}
