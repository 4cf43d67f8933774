/** A report table as an accessible HTML table: months down, columns across, the chart's numbers. */
import type { ReportTableView } from '../../contracts/report.js';
import { usePage } from '../i18n/index.js';
import { reportsPage } from './strings.js';

export function ReportTable(props: { table: ReportTableView; lang: 'ja' | 'en' }) {
  const s = usePage(reportsPage);
  const { table, lang } = props;
  return (
    <div class="report-table-wrap" role="region" aria-label={s.tableRegion(table.title[lang])} tabIndex={0}>
      <table class="report-table" data-testid="report-table" data-table={table.id}>
        <caption>{table.title[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">{s.month}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.key} data-key={c.key}>
                {c.label[lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.month} data-month={r.month}>
              <th scope="row">{s.monthName(r.month)}</th>
              {r.values.map((v, i) => (
                <td key={table.columns[i].key} data-key={table.columns[i].key}>
                  {v === null ? s.noMedian : v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
