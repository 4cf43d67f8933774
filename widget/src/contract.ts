/**
 * The widget's side of its contracts: the HTTP payloads, the Socket.IO event maps of the
 * `/widget` namespace, and the postMessage protocol between the embed script (host page) and the
 * chat frame. Types, and the few constants both ends must agree on.
 *
 * The API and socket types come from `src/contracts/` (shared with the server), as types only:
 * no server code reaches the bundle.
 */
import type { ButtonView, Lang, WidgetMessageView } from '../../src/contracts';

export type { WidgetClientEvents, WidgetServerEvents } from '../../src/contracts';

export type WidgetLang = Lang;

/** Longest message the server accepts (longer: 413 text_too_long). */
export const MAX_TEXT_LENGTH = 5000;

/** `POST /api/widget/sessions` → 201. */
export interface WidgetSession {
  sessionToken: string;
  conversationId: string;
  /** The server ends the session after this many minutes without a request (sliding). */
  idleMinutes?: number;
}

export type WidgetButton = ButtonView;

/** One message of the thread (`GET /api/widget/messages`, socket `message`). */
export type WidgetMessage = WidgetMessageView;

/** `{ error: { code, message } }` of every failed request. */
export interface ApiErrorBody {
  error?: { code?: string; message?: string };
}

// ---------------------------------------------------------------------------------------------
// postMessage between the embed script (host page) and the chat frame. Every message carries
// `ns: 'tsunagu-widget'`; both ends check the sender's origin and window. No secret ever travels
// this way: the host learns only what its own page shows anyway (language, unread count).

export const MESSAGE_NS = 'tsunagu-widget';

/** Where a quick exit goes unless the page says otherwise (`data-exit-url`): a neutral weather site. */
export const DEFAULT_EXIT_URL = 'https://tenki.jp/';

export type HostToFrame =
  /** The panel became visible; `modal`: it covers the whole page (phones). */
  | { ns: typeof MESSAGE_NS; type: 'open'; modal: boolean }
  /** The panel was hidden from the host page (launcher, `TsunaguWidget.close()`). */
  | { ns: typeof MESSAGE_NS; type: 'closed' };

export type FrameToHost =
  | { ns: typeof MESSAGE_NS; type: 'ready' }
  /** What the launcher shows: its language and the number of unseen answers. */
  | { ns: typeof MESSAGE_NS; type: 'state'; lang: WidgetLang; unread: number }
  /** The person closed the panel (× or Escape): hide it and give focus back to the launcher. */
  | { ns: typeof MESSAGE_NS; type: 'close' }
  /** Quick exit: the frame has erased everything; leave the page for the neutral one. */
  | { ns: typeof MESSAGE_NS; type: 'exit' };
