/**
 * Figures for the municipality (supervisors and admins; see src/policies/report.ts for whose):
 * parse → policy → query → presenter. Each read is in the audit log (what range, which format).
 */
import { Router } from 'express';
import type { Context } from '../../../context';
import { reportScopeFor } from '../../../policies/report';
import { monthlyReport } from '../../../reports/monthly';
import { recordAudit } from '../../../audit/record';
import { reportCsv } from '../../../presenters/report-csv';
import { parseQuery } from '../../middleware/validate';
import { monthlyReportQuery } from './schema';

export function reportRoutes(ctx: Context): Router {
  const router = Router();

  router.get('/monthly', async (req, res) => {
    const q = parseQuery(monthlyReportQuery, req.query);
    const staff = req.staff!;
    const scope = await reportScopeFor(ctx, staff);
    const report = await monthlyReport(ctx.db, { from: q.from, to: q.to, timeZone: ctx.municipality.timezone, ...scope });
    await recordAudit(ctx.db, {
      agencyId: staff.agencyId,
      actorId: staff.id,
      action: q.format === 'csv' ? 'report.monthly.csv' : 'report.monthly',
      subjectType: 'report',
      subjectId: `${q.from}..${q.to}${scope.agencyId ? '' : ' municipality'}`,
    });
    if (q.format === 'json') return void res.json(report);
    const file = reportCsv(report, { table: q.table, encoding: q.encoding, lang: q.lang });
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  });

  return router;
}
