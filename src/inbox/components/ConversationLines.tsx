/**
 * The text of a list item: what the conversation is about (the person's first message), what they
 * wrote last when it is something else, and while searching, where the words matched (marked).
 */
import type { Conversation } from '../api.js';
import { useT } from '../i18n/index.js';

/** `text` with each case-insensitive occurrence of `q` in a <mark>. */
function marked(text: string, q: string | undefined) {
  const needle = q?.trim().toLocaleLowerCase();
  if (!needle) return text;
  const out: (string | preact.JSX.Element)[] = [];
  const lower = text.toLocaleLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    out.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  out.push(text.slice(from));
  return out;
}

export function ConversationLines({ conversation: c, query }: { conversation: Conversation; query?: string }) {
  const t = useT();
  const first = c.firstMessage?.trim();
  const latest = c.preview?.trim();
  // The latest line is left out when it is the first message again (a one-message conversation).
  const showLatest = latest && (!first || !latest.startsWith(first.replace(/…$/, '')));
  if (!first && !latest) return <span class="conv-preview">{t.noPreview}</span>;
  return (
    <>
      {first && (
        <span class="conv-first" data-testid="conv-first">
          <span class="line-label">{t.list.first}: </span>
          {first}
        </span>
      )}
      {showLatest && (
        <span class="conv-preview" data-testid="conv-latest">
          {first && <span class="line-label">{t.list.latest}: </span>}
          {latest}
        </span>
      )}
      {c.match && (
        <span class="conv-match" data-testid="conv-match">
          <span class="line-label">{t.list.matched}: </span>
          {marked(c.match, query)}
        </span>
      )}
    </>
  );
}
