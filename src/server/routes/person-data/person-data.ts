/**
 * 開示請求 and deletion on request (admins; see src/policies/person-data.ts): export everything
 * held about the person who wrote a conversation, or erase it. Both are in the audit log.
 */
import { Router } from 'express';
import type { Context } from '../../../context';
import { personDataScopeFor } from '../../../policies/person-data';
import { findPerson } from '../../../person-data/find-person';
import { exportPerson } from '../../../person-data/export-person';
import { renderPersonPdf } from '../../../person-data/export-pdf';
import { erasePerson } from '../../../person-data/erase-person';
import { recordAudit } from '../../../audit/record';
import { parseQuery, validateBody } from '../../middleware/validate';
import { erasePersonBody, personDataQuery } from './schema';

export function personDataRoutes(ctx: Context): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { conversationId, format } = parseQuery(personDataQuery, req.query);
    const staff = req.staff!;
    const scope = await personDataScopeFor(ctx, staff);
    const person = await findPerson(ctx.db, scope, conversationId);
    // Written before the data leaves the server, like every read of personal data.
    await recordAudit(ctx.db, {
      agencyId: staff.agencyId,
      actorId: staff.id,
      action: 'person_data.export',
      subjectType: 'contact',
      subjectId: person.contactId,
      conversationIds: person.conversationIds,
    });
    const body = await exportPerson(ctx.db, person, { id: staff.id, name: staff.name });
    res.setHeader('content-disposition', `attachment; filename="tsunagu-person-${person.contactId}.${format}"`);
    if (format === 'json') return void res.json(body);
    res.type('application/pdf').send(await renderPersonPdf(body, ctx.config.REFERRAL_PDF_FONT));
  });

  router.post('/erase', validateBody(erasePersonBody), async (req, res) => {
    const staff = req.staff!;
    const scope = await personDataScopeFor(ctx, staff);
    const person = await findPerson(ctx.db, scope, req.body.conversationId);
    res.json(await erasePerson(ctx.db, scope, person, staff));
  });

  return router;
}
