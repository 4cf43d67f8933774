/**
 * The monthly report: every table over every month of the range (a month with nothing is a row
 * of zeros, not a gap), with the labels the page and the CSV show.
 */
import type { DbOrTx } from '../db/client';
import { CATEGORIES, CHANNELS, REPORTERS, URGENCIES, type MonthlyReportView, type ReportTableView } from '../contracts';
import { countConsultations, totalConsultations, type ConsultationDimension } from './consultations';
import { firstHumanReply } from './first-reply';
import { categoryLabels, channelLabels, firstReplyLabels, reporterLabels, tableTexts, TOTAL, UNTRIAGED, urgencyLabels } from './labels';
import { monthsBetween } from './months';
import type { MonthKeyCount, ReportWindow } from './window';

type Label = { ja: string; en: string };

export interface MonthlyReportInput extends ReportWindow {
  /** The agency code the figures are limited to (null: the whole municipality). */
  agencyCode: string | null;
}

/** Months × keys from grouped counts; keys nobody foresaw (an old category) are added at the end. */
export function countTable(
  id: ReportTableView['id'],
  months: string[],
  counts: MonthKeyCount[],
  keys: readonly string[],
  labels: Record<string, Label>,
  extra: { untriaged?: boolean; totals?: Map<string, number> } = {},
): ReportTableView {
  const allKeys = [...keys];
  for (const c of counts) if (!allKeys.includes(c.key) && c.key !== 'untriaged') allKeys.push(c.key);
  if (extra.untriaged) allKeys.push('untriaged');
  const byMonth = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if (!byMonth.has(c.month)) byMonth.set(c.month, new Map());
    byMonth.get(c.month)!.set(c.key, c.count);
  }
  const columns = allKeys.map((key) => ({ key, label: key === 'untriaged' ? UNTRIAGED : (labels[key] ?? { ja: key, en: key }), kind: 'count' as const }));
  if (extra.totals) columns.push({ key: 'total', label: TOTAL, kind: 'count' });
  return {
    id,
    ...tableTexts[id],
    kind: 'count',
    columns,
    rows: months.map((month) => {
      const values = allKeys.map((k) => byMonth.get(month)?.get(k) ?? 0);
      if (extra.totals) values.push(extra.totals.get(month) ?? 0);
      return { month, values };
    }),
  };
}

export async function monthlyReport(db: DbOrTx, input: MonthlyReportInput): Promise<MonthlyReportView> {
  const months = monthsBetween(input.from, input.to);
  const w: ReportWindow = input;
  const count = (d: ConsultationDimension) => countConsultations(db, w, d);
  const [totals, byCategory, byChannel, byReporter, byUrgency, replies] = await Promise.all([
    totalConsultations(db, w),
    count('category'),
    count('channel'),
    count('reporter'),
    count('urgency'),
    firstHumanReply(db, w),
  ]);
  const repliesByMonth = new Map(replies.map((r) => [r.month, r]));
  const firstReply: ReportTableView = {
    id: 'firstHumanReply',
    ...tableTexts.firstHumanReply,
    kind: 'duration',
    columns: [
      { key: 'answered', label: firstReplyLabels.answered, kind: 'count' },
      { key: 'unanswered', label: firstReplyLabels.unanswered, kind: 'count' },
      { key: 'medianMinutes', label: firstReplyLabels.medianMinutes, kind: 'minutes' },
    ],
    rows: months.map((month) => {
      const r = repliesByMonth.get(month);
      const median = r?.medianSeconds == null ? null : Math.round((r.medianSeconds / 60) * 10) / 10;
      return { month, values: [r?.answered ?? 0, r?.unanswered ?? 0, median] };
    }),
  };
  return {
    from: input.from,
    to: input.to,
    months,
    timeZone: input.timeZone,
    scope: input.agencyId ? { kind: 'agency', agency: input.agencyCode } : { kind: 'municipality', agency: null },
    tables: [
      countTable('consultationsByCategory', months, byCategory, CATEGORIES, categoryLabels, { untriaged: true, totals }),
      countTable('consultationsByChannel', months, byChannel, CHANNELS, channelLabels, { totals }),
      countTable('consultationsByReporter', months, byReporter, REPORTERS, reporterLabels, { untriaged: true, totals }),
      countTable('consultationsByUrgency', months, byUrgency, URGENCIES, urgencyLabels, { untriaged: true, totals }),
      firstReply,
    ],
  };
}
