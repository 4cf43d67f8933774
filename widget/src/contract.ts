/**
 * The widget's side of its contracts: the HTTP payloads, the Socket.IO event maps of the
 * `/widget` namespace, and the postMessage protocol between the embed script (host page) and the
 * chat frame. Types, and the few constants both ends must agree on.
 *
 * TODO(contracts): the API and socket types move to `src/contracts/` (shared with the server)
 * once that folder exists; the widget will then import them from there, as types only.
 */

export type WidgetLang = 'ja' | 'en' | 'easy-ja';

/** Longest message the server accepts (longer: 413 text_too_long). */
export const MAX_TEXT_LENGTH = 5000;

/** `POST /api/widget/sessions` → 201. */
export interface WidgetSession {
  sessionToken: string;
  conversationId: string;
  /** The server ends the session after this many minutes without a request (sliding). */
  idleMinutes?: number;
}

export interface WidgetButton {
  label: string;
  data: string;
}

/** One message of the thread (`GET /api/widget/messages`, socket `message`). */
export interface WidgetMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  createdAt: string;
  /** Who wrote it; missing on older servers (then `in` = person, `out` = staff). */
  author?: 'person' | 'bot' | 'staff';
  /** Choices offered with a bot question; the person may also just write. */
  buttons?: WidgetButton[];
  /** Echo of the clientMessageId of a message the person sent, when the server includes it. */
  clientMessageId?: string;
}

/** `{ error: { code, message } }` of every failed request. */
export interface ApiErrorBody {
  error?: { code?: string; message?: string };
}

/** Events the server sends on `/widget` (auth: `{ token: sessionToken }`). */
export interface WidgetServerEvents {
  /** A message of the conversation was delivered (bot or staff), or the thread changed. */
  message: (message: WidgetMessage) => void;
  /** Staff are typing an answer. */
  typing: (payload: { active: boolean }) => void;
  /** The session was ended (on this or another tab of this device); the socket closes next. */
  'session:ended': (payload: Record<string, never>) => void;
}

/** Events the widget sends on `/widget`: none yet (it writes over HTTP, which is idempotent). */
export type WidgetClientEvents = Record<string, never>;

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
