/**
 * Referrals (つなぎ) between agencies: the incoming and outgoing lists, accept or return (the
 * receiving agency, once), and the つなぐシート as JSON and PDF — built for the viewer, so it
 * shows no more than they may see. Both agencies get `referral:updated` live.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Context } from '../../../context';
import { recordAudit } from '../../../audit/record';
import { listReferralsQuery, referralView, returnReferralBody } from '../../../contracts';
import { loadCaseFor, requireReferralReceiver } from '../../../policies/case';
import { listReferrals, loadReferralFor, referralRecord } from '../../../cases/referrals';
import { answerReferral } from '../../../cases/answer-referral';
import { buildReferralSheet } from '../../../cases/referral-sheet';
import { renderReferralPdf } from '../../../cases/referral-pdf';
import { presentReferral } from '../../../presenters/referral';
import { parseQuery, validateBody } from '../../middleware/validate';

export const listReferralsResponse = z.object({ referrals: z.array(referralView) });
export { listReferralsQuery, returnReferralBody };

export function referralRoutes(ctx: Context): Router {
  const router = Router();
  const { db } = ctx;
  const load = (req: Request) => loadReferralFor(db, req.staff!, String(req.params.id));

  router.get('/', async (req, res) => {
    const { direction } = parseQuery(listReferralsQuery, req.query);
    const records = await listReferrals(db, req.staff!, direction);
    await recordAudit(db, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: `referrals.${direction}`, subjectType: 'referral_list', subjectId: String(records.length) });
    res.json({ referrals: records.map(presentReferral) });
  });

  const answer = (accept: boolean) => async (req: Request, res: import('express').Response) => {
    const record = await load(req);
    requireReferralReceiver(req.staff!, record.ref);
    await answerReferral(ctx, req.staff!, record.ref, accept ? { accept: true } : { accept: false, reason: req.body.reason });
    const referral = presentReferral(await referralRecord(db, record.ref.id));
    ctx.publisher.referralUpdated(referral, [record.ref.fromAgencyId, record.ref.toAgencyId]);
    res.json({ referral });
  };
  router.post('/:id/accept', answer(true));
  router.post('/:id/return', validateBody(returnReferralBody), answer(false));

  // The sheet is the case seen through the referral: the viewer must still see the case (a
  // receiving agency that returned it no longer does).
  const sheet = async (req: Request, action: string) => {
    const record = await load(req);
    await loadCaseFor(db, req.staff!, record.ref.caseId);
    await recordAudit(db, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action, subjectType: 'case', subjectId: record.ref.caseId });
    return buildReferralSheet(db, req.staff!, record);
  };
  router.get('/:id/sheet.json', async (req, res) => {
    res.json({ sheet: await sheet(req, 'referral.sheet.json') });
  });
  router.get('/:id/sheet.pdf', async (req, res) => {
    const view = await sheet(req, 'referral.sheet.pdf');
    const pdf = await renderReferralPdf(view, ctx.config.REFERRAL_PDF_FONT);
    res
      .status(200)
      .type('application/pdf')
      .setHeader('content-disposition', `inline; filename="tsunagu-sheet-${view.caseNumber}.pdf"`)
      .setHeader('cache-control', 'no-store')
      .send(pdf);
  });

  return router;
}
