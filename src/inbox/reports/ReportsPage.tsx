/**
 * The reports page (supervisors and admins): a month range, each table of the monthly report as a
 * chart with its numbers in a table, and CSV downloads (UTF-8 with BOM, or Shift_JIS for Excel).
 */
import { useEffect, useState } from 'preact/hooks';
import type { MonthlyReportView } from '../../contracts/report.js';
import { usePage, useT } from '../i18n/index.js';
import { csvUrl, fetchMonthlyReport, monthBefore, type CsvEncoding } from './api.js';
import { ReportChart } from './ReportChart.js';
import { ReportTable } from './ReportTable.js';
import { reportsPage } from './strings.js';
import './reports.css';

type State = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; report: MonthlyReportView };

export function ReportsPage() {
  const s = usePage(reportsPage);
  const lang = useT().htmlLang;
  const [from, setFrom] = useState(monthBefore(5));
  const [to, setTo] = useState(monthBefore(0));
  const [shown, setShown] = useState({ from: monthBefore(5), to: monthBefore(0) });
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const badRange = Boolean(from && to && from > to);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchMonthlyReport(shown.from, shown.to)
      .then((report) => live && setState({ kind: 'ready', report }))
      .catch(() => live && setState({ kind: 'error' }));
    return () => {
      live = false;
    };
  }, [shown]);

  const submit = (e: Event) => {
    e.preventDefault();
    if (!badRange && from && to) setShown({ from, to });
  };

  return (
    <section class="reports" aria-labelledby="reports-title" data-testid="reports-page">
      <h2 id="reports-title">{s.title}</h2>
      <p class="muted">{s.intro}</p>
      <form class="report-range" onSubmit={submit}>
        <label>
          {s.from}
          <input type="month" value={from} required data-testid="report-from" onInput={(e) => setFrom(e.currentTarget.value)} aria-invalid={badRange} aria-describedby={badRange ? 'report-range-error' : undefined} />
        </label>
        <label>
          {s.to}
          <input type="month" value={to} required data-testid="report-to" onInput={(e) => setTo(e.currentTarget.value)} aria-invalid={badRange} />
        </label>
        <button type="submit" class="btn primary" disabled={badRange} data-testid="report-show">
          {s.show}
        </button>
        <label>
          {s.encoding}
          <select value={encoding} data-testid="report-encoding" onChange={(e) => setEncoding(e.currentTarget.value as CsvEncoding)}>
            <option value="utf-8">{s.utf8}</option>
            <option value="shift_jis">{s.sjis}</option>
          </select>
        </label>
        {badRange && (
          <p id="report-range-error" class="error" role="alert">
            {s.badRange}
          </p>
        )}
      </form>
      {state.kind === 'loading' && <p role="status">{s.loading}</p>}
      {state.kind === 'error' && <p role="alert" class="error">{s.loadError}</p>}
      {state.kind === 'ready' && (
        <>
          <p class="report-scope" data-testid="report-scope">
            {state.report.scope.kind === 'municipality' ? s.scopeMunicipality : s.scopeAgency(state.report.scope.agency ?? '')}
          </p>
          <p>
            <a class="btn" href={csvUrl(shown.from, shown.to, { encoding, lang })} download data-testid="report-csv-all">
              {s.downloadAll}
            </a>
          </p>
          {state.report.tables.map((table) => (
            <section class="report-section" key={table.id} aria-labelledby={`report-${table.id}`} data-testid="report-section" data-table={table.id}>
              <div class="report-head">
                <h3 id={`report-${table.id}`}>{table.title[lang]}</h3>
                <a class="btn small" href={csvUrl(shown.from, shown.to, { table: table.id, encoding, lang })} download aria-label={s.download(table.title[lang])} data-testid="report-csv">
                  {s.downloadShort}
                </a>
              </div>
              <p class="muted small">{table.note[lang]}</p>
              {table.columns.length > 0 && <ReportChart table={table} lang={lang} />}
              <ReportTable table={table} lang={lang} />
            </section>
          ))}
        </>
      )}
    </section>
  );
}
