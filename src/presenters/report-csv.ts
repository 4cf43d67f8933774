/**
 * The monthly report as CSV for Excel in Japan: UTF-8 with a BOM (so Excel reads it as UTF-8) by
 * default, or Shift_JIS (Windows-31J, what Excel means by it). CRLF line ends. One table, or all
 * tables one after another, each under its title and separated by an empty line.
 */
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { MonthlyReportView, ReportTableId, ReportTableView } from '../contracts';

export type CsvEncoding = 'utf-8' | 'shift_jis';
export type CsvLang = 'ja' | 'en';

export interface CsvFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

function tableRecords(table: ReportTableView, lang: CsvLang): (string | number)[][] {
  const header = [lang === 'ja' ? '月' : 'Month', ...table.columns.map((c) => c.label[lang])];
  return [header, ...table.rows.map((r) => [r.month, ...r.values.map((v) => v ?? '')])];
}

export function reportCsv(report: MonthlyReportView, opts: { table?: ReportTableId; encoding: CsvEncoding; lang: CsvLang }): CsvFile {
  const tables = opts.table ? report.tables.filter((t) => t.id === opts.table) : report.tables;
  const records = opts.table
    ? tableRecords(tables[0], opts.lang)
    : tables.flatMap((t, i) => [...(i > 0 ? [[]] : []), [t.title[opts.lang]], ...tableRecords(t, opts.lang)]);
  const text = stringify(records, { record_delimiter: 'windows', bom: opts.encoding === 'utf-8' });
  const name = `tsunagu-${opts.table ?? 'monthly'}-${report.from}_${report.to}.csv`;
  return opts.encoding === 'shift_jis'
    ? { body: iconv.encode(text, 'cp932'), contentType: 'text/csv; charset=Shift_JIS', filename: name }
    : { body: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', filename: name };
}
