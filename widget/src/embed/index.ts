/**
 * tsunagu chat widget, the one line a municipal site embeds:
 *   <script src="https://<tsunagu>/widget/widget.js" data-api="https://<tsunagu>" defer></script>
 * `data-api` = tsunagu's base URL (empty = same origin; missing = where the script came from);
 * `data-agency="<code>"` = the agency whose desk this page is (default: the intake desk);
 * `data-exit-url="https://…"` = where 「すぐに閉じる」 (quick exit) goes (default: a weather site).
 *
 * This script only adds the launcher button and the chat frame. The conversation, its token and
 * its history live inside the frame, on tsunagu's origin, where no script of the host page can
 * read them.
 */
import { DEFAULT_EXIT_URL } from '../contract.js';
import { Embed } from './embed.js';

/** What older versions of the widget kept in the host page's localStorage (the token among them). */
const LEGACY_KEYS = ['session', 'outbox', 'draft', 'seen', 'lang'].map((k) => `tsunagu.widget.${k}`);

function findScript(): HTMLScriptElement | null {
  const cur = document.currentScript;
  if (cur instanceof HTMLScriptElement) return cur;
  const all = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  return all.find((s) => /\/widget\.js(\?|#|$)/.test(s.src)) ?? null;
}

function resolveApiBase(script: HTMLScriptElement | null): string {
  const attr = script?.getAttribute('data-api');
  if (attr !== null && attr !== undefined) return attr.trim().replace(/\/+$/, '');
  if (script?.src) {
    try {
      return new URL(script.src, location.href).origin;
    } catch {
      /* fall through */
    }
  }
  return '';
}

/** Only an absolute http(s) URL; anything else (javascript:, typos) gets the default. */
function resolveExitUrl(script: HTMLScriptElement | null): string {
  const attr = script?.getAttribute('data-exit-url')?.trim();
  if (attr) {
    try {
      const u = new URL(attr, location.href);
      if (u.protocol === 'https:' || u.protocol === 'http:') return u.href;
    } catch {
      /* fall through */
    }
  }
  return DEFAULT_EXIT_URL;
}

function forgetLegacyStorage(): void {
  try {
    for (const key of LEGACY_KEYS) window.localStorage.removeItem(key);
  } catch {
    /* storage blocked: nothing was kept there either */
  }
}

let instance: Embed | undefined;

declare global {
  interface Window {
    __tsunaguWidgetLoaded?: boolean;
  }
}

function boot(script: HTMLScriptElement | null): void {
  if (window.__tsunaguWidgetLoaded) return; // embedded twice: keep the first
  window.__tsunaguWidgetLoaded = true;
  forgetLegacyStorage();
  const host = document.createElement('div');
  host.id = 'tsunagu-widget';
  host.setAttribute('data-testid', 'widget-root');
  document.body.append(host);
  const apiBase = resolveApiBase(script);
  instance = new Embed(host, {
    frameUrl: `${apiBase}/widget/frame.html`,
    agency: script?.getAttribute('data-agency')?.trim() || null,
    exitUrl: resolveExitUrl(script),
  });
  // Any element on the host page with `data-tsunagu-open` opens the chat (no inline script needed,
  // so it also works under a strict Content-Security-Policy).
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('[data-tsunagu-open]') : null;
    if (target) {
      e.preventDefault();
      instance?.open();
    }
  });
}

const currentScript = findScript();
if (document.body) boot(currentScript);
else document.addEventListener('DOMContentLoaded', () => boot(currentScript), { once: true });

/** `TsunaguWidget.open()` / `.close()` for a "相談する" link on the host page. */
export function open(): void {
  instance?.open();
}
export function close(): void {
  instance?.close();
}
