/**
 * One chart per report table (Chart.js): counts as stacked bars per month (the `total` column is
 * left out: it is the stack's height), a duration table as bars of its median. The canvas is an
 * image with a name; the numbers are in the table beside it (ReportTable), which screen readers use.
 */
import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ReportTableView } from '../../contracts/report.js';
import { usePage } from '../i18n/index.js';
import { reportsPage } from './strings.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Distinguishable colours (Okabe–Ito first, then more), repeated when a table has more columns.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#7F7F7F', '#332288', '#7570B3', '#E7298A', '#66A61E', '#A6761D', '#E6AB02', '#1F78B4', '#B15928', '#6A3D9A', '#33A02C', '#FB9A99'];

export function ReportChart(props: { table: ReportTableView; lang: 'ja' | 'en' }) {
  const s = usePage(reportsPage);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { table, lang } = props;

  useEffect(() => {
    if (!canvas.current) return;
    const labels = table.rows.map((r) => s.monthName(r.month));
    const series = table.columns
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => (table.kind === 'count' ? c.key !== 'total' : c.kind !== 'count'));
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map(({ c, i }, k) => ({
          label: c.label[lang],
          data: table.rows.map((r) => r.values[i]),
          backgroundColor: PALETTE[k % PALETTE.length],
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: table.kind === 'count' }, y: { stacked: table.kind === 'count', beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
    });
    return () => chart.destroy();
  }, [table, lang]);

  return (
    <div class="report-chart">
      <canvas ref={canvas} role="img" aria-label={s.chartLabel(table.title[lang])} data-testid="report-chart" data-table={table.id} />
    </div>
  );
}
