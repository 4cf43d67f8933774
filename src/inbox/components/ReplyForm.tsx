/** The answer box: drafts kept per conversation, typing signals to colleagues, Ctrl+Enter sends. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { useT } from '../i18n/index.js';

const MAX_REPLY = 5000;
/** Unsent reply drafts by conversation, kept while the page is open. */
const drafts = new Map<string, string>();


const TYPING_EVERY_MS = 2500;
const TYPING_IDLE_MS = 5000;

export function ReplyForm(props: {
  conversationId: string;
  onSent: () => void;
  onTyping: (active: boolean) => void;
  insert: { text: string; n: number } | undefined;
  canned: ComponentChildren;
}) {
  const { conversationId, onSent } = props;
  const t = useT();
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const typingActive = useRef(false);
  const lastTyping = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onTyping = useRef(props.onTyping);
  onTyping.current = props.onTyping;
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_REPLY;

  const stopTyping = () => {
    if (idle.current) clearTimeout(idle.current);
    if (typingActive.current) {
      typingActive.current = false;
      onTyping.current(false);
    }
  };

  const pingTyping = (v: string) => {
    if (!v.trim()) return stopTyping();
    const now = Date.now();
    if (!typingActive.current || now - lastTyping.current >= TYPING_EVERY_MS) {
      typingActive.current = true;
      lastTyping.current = now;
      onTyping.current(true);
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  useEffect(() => () => stopTyping(), []);

  const update = (v: string) => {
    setText(v);
    if (v) drafts.set(conversationId, v);
    else drafts.delete(conversationId);
    if (error) setError('');
  };

  // A canned reply was picked: insert it at the cursor (or append) and focus the box.
  useEffect(() => {
    if (!props.insert) return;
    const el = inputRef.current;
    const current = el?.value ?? text;
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    const next = current.slice(0, start) + props.insert.text + current.slice(end);
    update(next);
    pingTyping(next);
    setTimeout(() => {
      if (!el) return;
      el.focus();
      const pos = start + props.insert!.text.length;
      el.setSelectionRange(pos, pos);
    }, 0);
  }, [props.insert?.n]);

  const send = async () => {
    if (busy || !trimmed || tooLong) return;
    setBusy(true);
    setError('');
    try {
      await api.reply(conversationId, trimmed);
      stopTyping();
      update('');
      onSent();
    } catch (err) {
      const detail = err instanceof ApiError && err.status > 0 && err.message ? ` (${err.message})` : '';
      setError(t.reply.failed + detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div class="reply-top">
        <label for="reply-input">{t.reply.label}</label>
        {props.canned}
      </div>
      <textarea
        id="reply-input"
        ref={inputRef}
        data-testid="reply-input"
        rows={3}
        value={text}
        placeholder={t.reply.placeholder}
        aria-describedby="reply-hint reply-counter reply-error"
        aria-invalid={tooLong ? 'true' : undefined}
        onInput={(e) => {
          update(e.currentTarget.value);
          pingTyping(e.currentTarget.value);
        }}
        onBlur={stopTyping}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div class="reply-foot">
        <span id="reply-hint" class="muted">
          {t.reply.hint}
        </span>
        <span id="reply-counter" class={tooLong ? 'over' : 'muted'}>
          {t.reply.counter(trimmed.length, MAX_REPLY)}
          {tooLong && ` — ${t.reply.tooLong(MAX_REPLY)}`}
        </span>
        <button type="submit" class="btn primary" data-testid="reply-send" disabled={busy || !trimmed || tooLong}>
          {busy ? t.reply.sending : t.reply.send}
        </button>
      </div>
      <p id="reply-error" class="error" role="alert" data-testid="reply-error">
        {error}
      </p>
    </form>
  );
}

