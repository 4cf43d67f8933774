/**
 * The monthly report: every table over every month of the range (a month with nothing is a row
 * of zeros, not a gap), with the labels the page and the CSV show.
 */
import type { DbOrTx } from '../db/client';
import { CASE_STAGES, CATEGORIES, CHANNELS, MEETING_KINDS, REFERRAL_STATES, REFERRAL_STATE_LABELS, REPORTERS, URGENCIES, type MonthlyReportView, type ReportTableView } from '../contracts';
import { countConsultations, totalConsultations, type ConsultationDimension } from './consultations';
import { firstHumanReply } from './first-reply';
import { crisisAlerts } from './crisis-alerts';
import { casesEnteringStage, meetingsByKind, referralsByAgency, referralsByOutcome, timeToReferral } from './cases';
import {
  categoryLabels,
  channelLabels,
  crisisAlertLabels,
  firstReplyLabels,
  meetingKindLabels,
  reporterLabels,
  stageLabels,
  tableTexts,
  timeToReferralLabels,
  TOTAL,
  UNTRIAGED,
  urgencyLabels,
} from './labels';
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

interface DurationRow {
  month: string;
  counts: number[];
  medianSeconds: number | null;
}

/** Counts and a median per month (null where nothing was measured), the median in minutes or hours. */
function durationTable(
  id: 'firstHumanReply' | 'crisisAlerts' | 'timeToReferral',
  months: string[],
  rows: DurationRow[],
  countColumns: { key: string; label: Label }[],
  median: { key: string; label: Label; unit: 'minutes' | 'hours' },
): ReportTableView {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const perUnit = median.unit === 'minutes' ? 60 : 3600;
  return {
    id,
    ...tableTexts[id],
    kind: 'duration',
    columns: [...countColumns.map((c) => ({ ...c, kind: 'count' as const })), { key: median.key, label: median.label, kind: median.unit }],
    rows: months.map((month) => {
      const r = byMonth.get(month);
      const m = r?.medianSeconds == null ? null : Math.round((r.medianSeconds / perUnit) * 10) / 10;
      return { month, values: [...(r?.counts ?? countColumns.map(() => 0)), m] };
    }),
  };
}

export async function monthlyReport(db: DbOrTx, input: MonthlyReportInput): Promise<MonthlyReportView> {
  const months = monthsBetween(input.from, input.to);
  const w: ReportWindow = input;
  const count = (d: ConsultationDimension) => countConsultations(db, w, d);
  const [totals, byCategory, byChannel, byReporter, byUrgency, replies, alerts, stages, toAgencies, outcomes, meetings, referred] = await Promise.all([
    totalConsultations(db, w),
    count('category'),
    count('channel'),
    count('reporter'),
    count('urgency'),
    firstHumanReply(db, w),
    crisisAlerts(db, w),
    casesEnteringStage(db, w),
    referralsByAgency(db, w),
    referralsByOutcome(db, w),
    meetingsByKind(db, w),
    timeToReferral(db, w),
  ]);
  const agencyNames = Object.fromEntries(toAgencies.map((a) => [a.key, { ja: a.name, en: a.name }]));
  const agencyCodes = Object.keys(agencyNames).sort();
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
      durationTable(
        'firstHumanReply',
        months,
        replies.map((r) => ({ month: r.month, counts: [r.answered, r.unanswered], medianSeconds: r.medianSeconds })),
        [
          { key: 'answered', label: firstReplyLabels.answered },
          { key: 'unanswered', label: firstReplyLabels.unanswered },
        ],
        { key: 'medianMinutes', label: firstReplyLabels.medianMinutes, unit: 'minutes' },
      ),
      durationTable(
        'crisisAlerts',
        months,
        alerts.map((r) => ({ month: r.month, counts: [r.raised, r.escalated, r.onCallRefused, r.unacknowledged], medianSeconds: r.medianSeconds })),
        (['raised', 'escalated', 'onCallRefused', 'unacknowledged'] as const).map((key) => ({ key, label: crisisAlertLabels[key] })),
        { key: 'medianMinutes', label: crisisAlertLabels.medianMinutes, unit: 'minutes' },
      ),
      countTable('casesByStage', months, stages, CASE_STAGES, stageLabels),
      countTable('referralsByAgency', months, toAgencies, agencyCodes, agencyNames),
      countTable('referralsByOutcome', months, outcomes, REFERRAL_STATES, REFERRAL_STATE_LABELS),
      countTable('meetingsByKind', months, meetings, MEETING_KINDS, meetingKindLabels),
      durationTable(
        'timeToReferral',
        months,
        referred.map((r) => ({ month: r.month, counts: [r.referred], medianSeconds: r.medianSeconds })),
        [{ key: 'referred', label: timeToReferralLabels.referred }],
        { key: 'medianHours', label: timeToReferralLabels.medianHours, unit: 'hours' },
      ),
    ],
  };
}
