/**
 * Figures for the municipality (GET /api/reports/monthly): every table is months × columns, and
 * carries its own labels (ja, en) so the inbox and the CSV read the same words from one place.
 */
import { z } from 'zod';

/** The tables of the monthly report, in the order they are shown and written to CSV. */
export const REPORT_TABLES = [
  'consultationsByCategory',
  'consultationsByChannel',
  'consultationsByReporter',
  'consultationsByUrgency',
  'firstHumanReply',
  'crisisAlerts',
  'casesByStage',
  'referralsByAgency',
  'referralsByOutcome',
  'meetingsByKind',
  'timeToReferral',
] as const;
export type ReportTableId = (typeof REPORT_TABLES)[number];
export const reportTableIdSchema = z.enum(REPORT_TABLES);

const label = z.object({ ja: z.string(), en: z.string() });

export const reportTableView = z.object({
  id: reportTableIdSchema,
  title: label,
  /** What a count means, for the page and the OpenAPI reader. */
  note: label,
  /** `count`: every column a count (stackable in a chart); `duration`: counts and a median (minutes or hours). */
  kind: z.enum(['count', 'duration']),
  columns: z.array(z.object({ key: z.string(), label, kind: z.enum(['count', 'minutes', 'hours']) })),
  /** One row per month of the range, months with nothing included (zeros). */
  rows: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), values: z.array(z.number().nullable()) })),
});
export type ReportTableView = z.infer<typeof reportTableView>;

export const monthlyReportView = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  /** Months are counted in this time zone (the municipality file's). */
  timeZone: z.string(),
  /** Whose figures: the viewer's agency, or the whole municipality (an admin of the coordinating agency). */
  scope: z.object({ kind: z.enum(['agency', 'municipality']), agency: z.string().nullable() }),
  tables: z.array(reportTableView),
});
export type MonthlyReportView = z.infer<typeof monthlyReportView>;
