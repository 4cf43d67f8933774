import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Channel, Colleague, ConversationStatus, ListFilters, Urgency } from '../api.js';
import { CATEGORY_CODES, useT } from '../i18n/index.js';
import { Options } from './Options.js';

const STATUSES: ConversationStatus[] = ['new', 'open', 'waiting', 'closed'];
const URGENCIES: Urgency[] = ['emergency', 'high', 'normal', 'low'];
const CHANNELS: Channel[] = ['line', 'widget'];

/** List filters and the message search (from 2 characters, 300 ms after the last keystroke). */
export function Filters(props: {
  filters: ListFilters;
  onChange: (f: ListFilters) => void;
  colleagues: Colleague[];
  meId: string;
}) {
  const t = useT();
  const id = useId();
  const f = props.filters;
  const [q, setQ] = useState(f.q ?? '');
  // Open on a wide screen; folded away on a phone, where the list matters more.
  const [wide] = useState(() => !window.matchMedia || window.matchMedia('(min-width: 761px)').matches);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(f);
  latest.current = f;

  useEffect(() => () => timer.current && clearTimeout(timer.current), []);

  const set = (patch: Partial<ListFilters>) => props.onChange({ ...latest.current, ...patch });

  const onSearch = (v: string) => {
    setQ(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const trimmed = v.trim();
      const next = trimmed.length >= 2 ? trimmed : '';
      if ((latest.current.q ?? '') !== next) set({ q: next });
    }, 300);
  };

  const tooShort = q.trim().length === 1;
  const active = Boolean(f.status || f.urgency || f.category || f.channel || f.assignee || f.anonymous || f.q);

  return (
    <div class="filters" role="search" aria-label={t.filters.label}>
      <div class="search">
        <label for={`${id}-q`}>{t.filters.search}</label>
        <input
          id={`${id}-q`}
          type="search"
          data-testid="search-input"
          value={q}
          placeholder={t.filters.searchPlaceholder}
          aria-describedby={tooShort ? `${id}-qhint` : undefined}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
        {tooShort && (
          <span id={`${id}-qhint`} class="hint">
            {t.filters.searchHint}
          </span>
        )}
      </div>
      <details class="filter-more" open={wide || active}>
        <summary>
          {t.filters.label}
          {active && <span class="filter-on">（{t.filters.on}）</span>}
        </summary>
        <div class="filter-grid">
          <label>
            <span>{t.statusLabel}</span>
            <select data-testid="filter-status" value={f.status ?? ''} onChange={(e) => set({ status: e.currentTarget.value as ConversationStatus | '' })}>
              <option value="">{t.filters.all}</option>
              <Options values={STATUSES} label={(s) => t.status[s]} />
            </select>
          </label>
          <label>
            <span>{t.urgencyLabel}</span>
            <select data-testid="filter-urgency" value={f.urgency ?? ''} onChange={(e) => set({ urgency: e.currentTarget.value as Urgency | '' })}>
              <option value="">{t.filters.all}</option>
              <Options values={URGENCIES} label={(u) => t.urgency[u]} />
            </select>
          </label>
          <label>
            <span>{t.filters.category}</span>
            <select data-testid="filter-category" value={f.category ?? ''} onChange={(e) => set({ category: e.currentTarget.value })}>
              <option value="">{t.filters.all}</option>
              <Options values={CATEGORY_CODES} label={(c) => t.category[c] ?? c} />
            </select>
          </label>
          <label>
            <span>{t.filters.channel}</span>
            <select data-testid="filter-channel" value={f.channel ?? ''} onChange={(e) => set({ channel: e.currentTarget.value as Channel | '' })}>
              <option value="">{t.filters.all}</option>
              <Options values={CHANNELS} label={(c) => t.channel[c]} />
            </select>
          </label>
          <label>
            <span>{t.filters.assignee}</span>
            <select data-testid="filter-assignee" value={f.assignee ?? ''} onChange={(e) => set({ assignee: e.currentTarget.value })}>
              <option value="">{t.filters.all}</option>
              <option value="me">{t.filters.assigneeMe}</option>
              <option value="none">{t.filters.assigneeNone}</option>
              {props.colleagues
                .filter((c) => c.id !== props.meId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              data-testid="filter-anonymous"
              checked={Boolean(f.anonymous)}
              onChange={(e) => set({ anonymous: e.currentTarget.checked })}
            />
            <span>{t.filters.anonymous}</span>
          </label>
        </div>
        {active && (
          <button
            type="button"
            class="btn small"
            data-testid="filter-clear"
            onClick={() => {
              setQ('');
              props.onChange({});
            }}
          >
            {t.filters.clear}
          </button>
        )}
      </details>
    </div>
  );
}
