import { z } from 'zod';
import { monthlyReportView, reportTableIdSchema } from '../../../contracts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');

export const monthlyReportQuery = z
  .object({
    from: month,
    to: month,
    format: z.enum(['json', 'csv']).default('json'),
    /** CSV only: one table (default: all, one after another). */
    table: reportTableIdSchema.optional(),
    /** CSV only: `utf-8` (with BOM, default) or `shift_jis` (Windows-31J, for older Excel). */
    encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
    /** CSV only: the language of the titles and column names. */
    lang: z.enum(['ja', 'en']).default('ja'),
  })
  .strict();
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuery>;

export const monthlyReportResponse = monthlyReportView;
