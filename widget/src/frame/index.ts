/**
 * Entry of the chat frame (`/widget/frame.html`, on tsunagu's origin). The embed script passes
 * the host page's origin and the agency in the URL fragment; the server writes its idle lifetime
 * into the page. The API is this frame's own origin (plus any path tsunagu is served under).
 */
import { Chat } from './chat.js';
import { css } from './styles.js';

function idleMinutes(): number {
  const raw = document.querySelector('meta[name="tsunagu-idle-minutes"]')?.getAttribute('content');
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : 120;
}

function boot(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  new Chat({
    apiBase: location.origin + location.pathname.replace(/\/widget\/frame\.html$/, ''),
    agency: params.get('agency')?.trim() || null,
    idleMinutes: idleMinutes(),
    hostParam: params.get('host'),
  });
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot, { once: true });
