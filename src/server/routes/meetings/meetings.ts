/** Meetings: 重層的支援会議 (`jusou`, the person's share consent) and 支援会議 (`shien`, art. 106-6). */
import { Router } from 'express';
import type { Context } from '../../../context';
import { recordAudit } from '../../../audit/record';
import { meetingBody } from '../../../contracts';
import { holdMeeting } from '../../../cases/hold-meeting';
import { loadMeetingFor } from '../../../cases/meetings';
import { validateBody } from '../../middleware/validate';

export { meetingBody };

export function meetingRoutes(ctx: Context): Router {
  const router = Router();
  router.post('/', validateBody(meetingBody), async (req, res) => {
    const id = await holdMeeting(ctx, req.staff!, req.body);
    res.status(201).json({ meeting: await loadMeetingFor(ctx.db, req.staff!, id) });
  });
  router.get('/:id', async (req, res) => {
    const meeting = await loadMeetingFor(ctx.db, req.staff!, String(req.params.id));
    await recordAudit(ctx.db, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action: 'meeting.view', subjectType: 'meeting', subjectId: meeting.id });
    res.json({ meeting });
  });
  return router;
}
