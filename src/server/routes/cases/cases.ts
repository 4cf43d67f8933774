/**
 * Staff API over cases: open from conversations, list, read (audited, what the viewer may see),
 * change the person and household, move stages, refer, plans, follow-ups, participation, meetings of a case. Each route: parse →
 * policy (src/policies/case.ts) → one command or query (src/cases) → presenter.
 */
import type { AuditAction } from '../../../audit/actions';
import { Router, type Request } from 'express';
import type { Context } from '../../../context';
import type { SessionStaff } from '../../../auth/sessions';
import { recordAudit } from '../../../audit/record';
import { caseAccess, loadCaseFor, requireCaseEditor, type CaseRow } from '../../../policies/case';
import { listCases, loadCaseBundle, loadCaseMessages } from '../../../cases/load-case';
import { linkConversation, openCase } from '../../../cases/open-case';
import { editCase } from '../../../cases/edit-case';
import { transitionCase } from '../../../cases/transition';
import { referCase } from '../../../cases/refer';
import { referralRecord } from '../../../cases/referrals';
import { agreePlan, plansOfCase } from '../../../cases/agree-plan';
import { listFollowUps, scheduleFollowUp } from '../../../cases/follow-ups';
import { addParticipation, participationsOfCase } from '../../../cases/participation';
import { meetingsOfCase } from '../../../cases/meetings';
import { presentCase, presentCaseDetail, readableConversations } from '../../../presenters/case';
import { presentReferral } from '../../../presenters/referral';
import type { CaseAccess } from '../../../contracts';
import { parseQuery, validateBody } from '../../middleware/validate';
import { editCaseBody, followUpBody, linkConversationBody, listCasesQuery, openCaseBody, participationBody, planBody, referBody, transitionBody } from './schema';

export function caseRoutes(ctx: Context): Router {
  const router = Router();
  const { db } = ctx;
  const staffOf = (req: Request) => req.staff!;
  const load = (req: Request) => loadCaseFor(db, staffOf(req), String(req.params.id));
  // Every read of a case by staff is written before the data leaves.
  const audited = (staff: SessionStaff, action: AuditAction, caseId: string) =>
    recordAudit(db, { agencyId: staff.agencyId, actorId: staff.id, action, subjectType: 'case', subjectId: caseId });
  const detail = async (staff: SessionStaff, row: CaseRow, access: CaseAccess) => {
    const bundle = await loadCaseBundle(db, row);
    const msgs = await loadCaseMessages(db, readableConversations(bundle, staff));
    return presentCaseDetail(bundle, staff, access, msgs);
  };

  router.get('/', async (req, res) => {
    const query = parseQuery(listCasesQuery, req.query);
    const staff = staffOf(req);
    const rows = await listCases(db, staff, query);
    const views = [];
    for (const row of rows) views.push(presentCase(await loadCaseBundle(db, row), (await caseAccess(db, staff, row))!));
    await recordAudit(db, { agencyId: staff.agencyId, actorId: staff.id, action: query.q ? 'cases.search' : 'cases.list', subjectType: 'case_list', subjectId: String(rows.length) });
    res.json({ cases: views });
  });

  router.post('/', validateBody(openCaseBody), async (req, res) => {
    const staff = staffOf(req);
    const id = await openCase(ctx, staff, req.body);
    const { row, access } = await loadCaseFor(db, staff, id);
    res.status(201).json({ case: presentCase(await loadCaseBundle(db, row), access) });
  });

  router.get('/:id', async (req, res) => {
    const { row, access } = await load(req);
    await audited(staffOf(req), 'case.view', row.id);
    res.json({ case: await detail(staffOf(req), row, access) });
  });

  router.patch('/:id', validateBody(editCaseBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    await editCase(ctx, staffOf(req), row, req.body);
    const edited = await load(req);
    res.json({ case: await detail(staffOf(req), edited.row, edited.access) });
  });

  router.post('/:id/conversations', validateBody(linkConversationBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    await linkConversation(ctx, staffOf(req), row.id, req.body.conversationId);
    const linked = await load(req);
    res.json({ case: await detail(staffOf(req), linked.row, linked.access) });
  });

  router.post('/:id/transitions', validateBody(transitionBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    await transitionCase(ctx, staffOf(req), row, req.body);
    const moved = await load(req);
    res.json({ case: await detail(staffOf(req), moved.row, moved.access) });
  });

  router.post('/:id/referrals', validateBody(referBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    const record = await referralRecord(db, await referCase(ctx, staffOf(req), row, req.body));
    const referral = presentReferral(record);
    ctx.publisher.referralUpdated(referral, [record.ref.fromAgencyId, record.ref.toAgencyId]);
    res.status(201).json({ referral });
  });

  router.get('/:id/plans', async (req, res) => {
    const { row } = await load(req);
    await audited(staffOf(req), 'case.plans.read', row.id);
    res.json({ plans: await plansOfCase(ctx, row.id) });
  });

  router.post('/:id/plans', validateBody(planBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    res.status(201).json({ plan: await agreePlan(ctx, staffOf(req), row, req.body) });
  });

  router.get('/:id/follow-ups', async (req, res) => {
    const { row } = await load(req);
    await audited(staffOf(req), 'case.followups.read', row.id);
    res.json({ followUps: await listFollowUps(db, { caseId: row.id }) });
  });

  router.post('/:id/follow-ups', validateBody(followUpBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    res.status(201).json({ followUp: await scheduleFollowUp(ctx, staffOf(req), row, req.body) });
  });

  router.get('/:id/participations', async (req, res) => {
    const { row } = await load(req);
    await audited(staffOf(req), 'case.participations.read', row.id);
    res.json({ participations: await participationsOfCase(db, row.id) });
  });

  router.post('/:id/participations', validateBody(participationBody), async (req, res) => {
    const { row, access } = await load(req);
    requireCaseEditor(access);
    res.status(201).json({ participation: await addParticipation(db, staffOf(req), row, req.body) });
  });

  router.get('/:id/meetings', async (req, res) => {
    const { row } = await load(req);
    await audited(staffOf(req), 'case.meetings.read', row.id);
    res.json({ meetings: await meetingsOfCase(db, staffOf(req), row.id) });
  });

  return router;
}
