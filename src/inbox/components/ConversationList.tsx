import { useEffect, useRef } from 'preact/hooks';
import type { Colleague, Conversation } from '../api.js';
import { absoluteTime, relativeTime, useT } from '../i18n/index.js';
import { AnonymousBadge, ChannelBadge, StatusBadge, UrgencyBadge } from './Badges.js';
import { ConversationLines } from './ConversationLines.js';

export function ConversationList(props: {
  conversations: Conversation[];
  state: 'loading' | 'ready' | 'error';
  selectedId: string | undefined;
  now: number;
  colleagues: Colleague[];
  meId: string;
  onSelect: (id: string) => void;
  onRetry: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selectable: boolean;
  selection: Set<string>;
  onToggle: (id: string, on: boolean) => void;
  /** The search words, to mark them in each match. */
  query?: string;
}) {
  const t = useT();
  const { conversations, state } = props;
  const sentinel = useRef<HTMLDivElement>(null);
  const loadMore = useRef(props.onLoadMore);
  loadMore.current = props.onLoadMore;

  // Infinite scroll: the "load more" button also works without it (keyboard, old browsers).
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !props.hasMore || typeof IntersectionObserver === 'undefined') return;
    const obs = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore.current();
    });
    obs.observe(el);
    return () => obs.disconnect();
  }, [props.hasMore, conversations.length]);

  const names = new Map(props.colleagues.map((c) => [c.id, c.name]));
  const assigneeLabel = (id: string | null | undefined) =>
    id ? t.assignedTo(id === props.meId ? `${names.get(id) ?? ''}（${t.filters.assigneeMe}）` : (names.get(id) ?? id.slice(0, 8))) : t.unassigned;

  return (
    <>
      <h2 class="pane-title">
        {t.list.label}
        {state === 'ready' && (
          <span class="count">
            {' '}
            ({conversations.length}
            {props.hasMore ? '+' : ''})
          </span>
        )}
      </h2>
      {state === 'loading' && conversations.length === 0 && (
        <p class="muted" role="status">
          {t.loading}
        </p>
      )}
      {state === 'error' && (
        <div class="error-box" role="alert">
          <p>{t.list.loadError}</p>
          <button type="button" class="btn" onClick={props.onRetry}>
            {t.list.retry}
          </button>
        </div>
      )}
      {state === 'ready' && conversations.length === 0 && <p class="muted">{t.list.empty}</p>}
      <ul class="conversations" data-testid="conversation-list">
        {conversations.map((c) => {
          const selected = c.id === props.selectedId;
          const unread = selected ? 0 : c.unread;
          const urgency = c.triage?.urgency ?? 'none';
          const emergency = urgency === 'emergency';
          const shortId = c.id.slice(0, 8);
          return (
            <li key={c.id} class={`conv-li${emergency ? ' emergency' : ''}`}>
              {props.selectable && (
                <input
                  type="checkbox"
                  class="conv-check"
                  data-testid="bulk-select"
                  data-id={c.id}
                  aria-label={t.bulk.select(shortId)}
                  checked={props.selection.has(c.id)}
                  onChange={(e) => props.onToggle(c.id, e.currentTarget.checked)}
                />
              )}
              <button
                type="button"
                class={`conv${selected ? ' selected' : ''}${unread > 0 ? ' has-unread' : ''} urg-${urgency}`}
                data-testid="conversation-item"
                data-id={c.id}
                data-urgency={urgency}
                data-unread={String(unread)}
                data-status={c.status}
                data-assignee={c.assignee ?? ''}
                aria-current={selected ? 'true' : undefined}
                onClick={() => props.onSelect(c.id)}
              >
                {emergency && (
                  <span class="pin" data-testid="emergency-pin">
                    <span aria-hidden="true">⚠ </span>
                    {t.emergencyPinned}
                  </span>
                )}
                <span class="conv-row">
                  <UrgencyBadge triage={c.triage} />
                  <ChannelBadge channel={c.channel} />
                  <StatusBadge status={c.status} />
                  {c.anonymous && <AnonymousBadge />}
                </span>
                <ConversationLines conversation={c} query={props.query} />
                <span class="conv-row conv-foot">
                  <time dateTime={c.lastMessageAt} title={absoluteTime(c.lastMessageAt, t)}>
                    {relativeTime(c.lastMessageAt, props.now, t)}
                  </time>
                  <span class="assignee">{assigneeLabel(c.assignee)}</span>
                  {unread > 0 && (
                    <span class="unread" data-testid="unread-badge">
                      {t.unread(unread)}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {props.hasMore && (
        <div class="load-more" ref={sentinel}>
          <button type="button" class="btn" data-testid="load-more" disabled={props.loadingMore} onClick={props.onLoadMore}>
            {props.loadingMore ? t.loadingMore : t.loadMore}
          </button>
        </div>
      )}
      {!props.hasMore && state === 'ready' && conversations.length > 0 && <p class="muted end">{t.endOfList}</p>}
    </>
  );
}
