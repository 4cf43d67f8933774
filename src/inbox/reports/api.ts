/** The reports API as the page uses it (GET /api/reports/monthly; CSV through plain links). */
import type { MonthlyReportView, ReportTableId } from '../../contracts/report.js';

export type CsvEncoding = 'utf-8' | 'shift_jis';

export class ReportError extends Error {
  constructor(readonly status: number) {
    super(`reports answered ${status}`);
  }
}

export async function fetchMonthlyReport(from: string, to: string): Promise<MonthlyReportView> {
  const res = await fetch(`/api/reports/monthly?from=${from}&to=${to}`, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ReportError(res.status);
  return (await res.json()) as MonthlyReportView;
}

export function csvUrl(from: string, to: string, opts: { table?: ReportTableId; encoding: CsvEncoding; lang: 'ja' | 'en' }): string {
  const p = new URLSearchParams({ from, to, format: 'csv', encoding: opts.encoding, lang: opts.lang });
  if (opts.table) p.set('table', opts.table);
  return `/api/reports/monthly?${p.toString()}`;
}

/** YYYY-MM of the month `back` months before the current one (in this browser's time). */
export function monthBefore(back: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
