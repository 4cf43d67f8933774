/** Supervisors: open work per counsellor (bar chart + the same numbers as a table), alerts, backlog. */
import { useEffect, useState } from 'preact/hooks';
import { api, errorText, type ShiftOverview } from '../api.js';
import { absoluteTime, relativeTime, useT } from '../i18n/index.js';
import { ErrorText } from './ErrorText.js';

export function ShiftView({ epoch, now }: { epoch: number; now: number }) {
  const t = useT();
  const [data, setData] = useState<ShiftOverview | undefined>(undefined);
  const [error, setError] = useState('');

  const load = async () => {
    try {
      setData(await api.shift());
      setError('');
    } catch (err) {
      setError(errorText(err, t.shift.loadError));
    }
  };

  useEffect(() => {
    void load();
    const i = setInterval(() => void load(), 30_000);
    return () => clearInterval(i);
  }, [epoch]);

  const rows = data?.counsellors ?? [];
  const max = Math.max(1, ...rows.map((r) => r.open));
  const barH = 26;
  const labelW = 150;
  const chartW = 520;
  const plotW = chartW - labelW - 40;

  return (
    <section class="shift" data-testid="shift-view" aria-labelledby="shift-title">
      <div class="shift-head">
        <h2 id="shift-title">{t.shift.title}</h2>
        <button type="button" class="btn small" onClick={() => void load()}>
          {t.shift.refresh}
        </button>
      </div>
      <ErrorText error={error} />
      {!data && !error && <p class="muted">{t.loading}</p>}
      {data && (
        <>
          <ul class="shift-summary">
            <li class={data.unacknowledgedAlerts > 0 ? 'warn' : ''} data-testid="shift-alerts">
              {data.unacknowledgedAlerts > 0 && <span aria-hidden="true">⚠ </span>}
              {t.shift.unacknowledged(data.unacknowledgedAlerts)}
            </li>
            <li data-testid="shift-unassigned">{t.shift.unassigned(data.unassigned)}</li>
          </ul>
          <div class="shift-body">
            <figure class="chart">
              <svg
                role="img"
                aria-labelledby="shift-chart-title"
                viewBox={`0 0 ${chartW} ${Math.max(1, rows.length) * (barH + 8) + 8}`}
                width="100%"
                data-testid="shift-chart"
              >
                <title id="shift-chart-title">{t.shift.chart}</title>
                {rows.map((r, i) => {
                  const y = 8 + i * (barH + 8);
                  const w = Math.round((r.open / max) * plotW);
                  return (
                    <g key={r.id}>
                      <text x={labelW - 6} y={y + barH / 2 + 5} text-anchor="end" class="chart-label">
                        {r.name.length > 10 ? `${r.name.slice(0, 10)}…` : r.name}
                      </text>
                      <rect x={labelW} y={y} width={Math.max(w, 2)} height={barH} class={r.online ? 'bar online' : 'bar'} rx="3" />
                      <text x={labelW + Math.max(w, 2) + 6} y={y + barH / 2 + 5} class="chart-value">
                        {r.open}
                      </text>
                    </g>
                  );
                })}
              </svg>
              <figcaption>{t.shift.chart}</figcaption>
            </figure>
            <table class="shift-table" data-testid="shift-table">
              <caption>{t.shift.table}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.shift.name}</th>
                  <th scope="col">{t.shift.role}</th>
                  <th scope="col">{t.header.onDuty}</th>
                  <th scope="col">{t.shift.open}</th>
                  <th scope="col">{t.shift.oldest}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="shift-row" data-id={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{t.role[r.role] ?? r.role}</td>
                    <td>
                      <span class={`pdot${r.online ? ' on' : ''}`} aria-hidden="true" />
                      {r.online ? t.header.online : t.header.offline}
                    </td>
                    <td class="num">{r.open}</td>
                    <td>
                      {r.oldestUnansweredAt ? (
                        <time dateTime={r.oldestUnansweredAt} title={absoluteTime(r.oldestUnansweredAt, t)}>
                          {relativeTime(r.oldestUnansweredAt, now, t)}
                        </time>
                      ) : (
                        t.shift.none
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
