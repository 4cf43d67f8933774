/**
 * Staff API over conversations of their own agency: list (filters, search, cursor), read
 * (every read audited, GETs change nothing else), reply, claim/assign, correct triage and status, notes, consents, bulk reassign.
 */
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import type { Context } from '../../../context';
import { conversations, messages } from '../../../db/schema';
import { presentConversation } from '../../../presenters/conversation';
import { presentManyForStaff } from '../../../presenters/message';
import { loadConversationFor } from '../../../policies/conversation';
import { requireSupervisor } from '../../../policies/roles';
import type { SessionStaff } from '../../../auth/sessions';
import { recordAudit } from '../../../audit/record';
import { replyToConversation } from '../../../conversations/reply';
import { listConversations, listQuery } from '../../../conversations/list';
import { assignConversations } from '../../../conversations/assign';
import { correctConversation, correctionBody } from '../../../conversations/correct';
import { addNote, listNotes } from '../../../notes/add-note';
import { listConsents, recordConsent } from '../../../consent/record';
import { AppError } from '../../../errors';
import { parseQuery, validateBody } from '../../middleware/validate';
import { assignBody, bulkAssignBody, MAX_TEXT, noteBody, recordConsentBody, replyBody, type ReplyBody } from './schema';

export function conversationRoutes(ctx: Context): Router {
  const router = Router();
  const { db } = ctx;
  const load = (req: { staff?: Parameters<typeof loadConversationFor>[1]; params: Record<string, unknown> }) =>
    loadConversationFor(db, req.staff!, String(req.params.id));

  // Reads of personal data are audited before the data leaves (GETs here are same-site only:
  // src/server/middleware/same-origin.ts), and change nothing else.
  const audited = (req: { staff?: SessionStaff }, action: string, conversationId: string) =>
    recordAudit(db, { agencyId: req.staff!.agencyId, actorId: req.staff!.id, action, subjectType: 'conversation', subjectId: conversationId });

  router.get('/', async (req, res) => {
    const query = parseQuery(listQuery, req.query);
    const { rows, nextCursor } = await listConversations(db, req.staff!, query);
    // One row per page shown, naming every conversation whose preview was on it (subjectId: how
    // many). The search words are not kept: they can be a name or a consultation's own words.
    await recordAudit(db, {
      agencyId: req.staff!.agencyId,
      actorId: req.staff!.id,
      action: query.q ? 'conversations.search' : 'conversations.list',
      subjectType: 'conversation_list',
      subjectId: String(rows.length),
      conversationIds: rows.map((r) => r.c.id),
    });
    res.json({ conversations: rows.map((r) => presentConversation(r.c, r.preview?.slice(0, 80) ?? null)), nextCursor });
  });

  router.post('/bulk-assign', validateBody(bulkAssignBody), async (req, res) => {
    requireSupervisor(req.staff!);
    const views = await assignConversations(ctx, req.staff!, req.body.conversationIds, { staffId: req.body.staffId, teamId: req.body.teamId });
    res.json({ conversations: views });
  });

  router.get('/:id', async (req, res) => {
    const conversation = await load(req);
    await audited(req, 'conversation.view', conversation.id);
    res.json({ conversation: presentConversation(conversation) });
  });

  router.patch('/:id', validateBody(correctionBody), async (req, res) => {
    const conversation = await load(req);
    res.json({ conversation: await correctConversation(ctx, req.staff!, conversation, req.body) });
  });

  router.post('/:id/assign', validateBody(assignBody), async (req, res) => {
    const conversation = await load(req);
    const [view] = await assignConversations(ctx, req.staff!, [conversation.id], { staffId: req.body.staffId, teamId: req.body.teamId });
    res.json({ conversation: view });
  });

  router.get('/:id/messages', async (req, res) => {
    const conversation = await load(req);
    const rows = await db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.seq));
    // Marking it read is POST /:id/read (the inbox calls it): a GET changes nothing but the audit log.
    await audited(req, 'conversation.messages.read', conversation.id);
    res.json({ messages: await presentManyForStaff(db, rows) });
  });

  // The counsellor has the conversation open and saw new messages arrive live: nothing unread.
  router.post('/:id/read', async (req, res) => {
    const conversation = await load(req);
    if (conversation.unread > 0) {
      const [updated] = await db.update(conversations).set({ unread: 0 }).where(eq(conversations.id, conversation.id)).returning();
      ctx.publisher.conversationUpdated(presentConversation(updated));
    }
    res.status(204).end();
  });

  router.post('/:id/replies', validateBody(replyBody), async (req, res) => {
    const conversation = await load(req);
    const { text } = req.body as ReplyBody;
    if (text.length > MAX_TEXT) throw new AppError('text_too_long');
    const result = await replyToConversation(ctx, { conversationId: conversation.id, staffId: req.staff!.id, text });
    res.status(202).json(result);
  });

  router.get('/:id/notes', async (req, res) => {
    const conversation = await load(req);
    const notes = await listNotes(ctx, conversation.id);
    await audited(req, 'conversation.notes.read', conversation.id);
    res.json({ notes });
  });

  router.post('/:id/notes', validateBody(noteBody), async (req, res) => {
    const conversation = await load(req);
    if (req.body.text.length > MAX_TEXT) throw new AppError('text_too_long');
    res.status(201).json({ note: await addNote(ctx, req.staff!, conversation, req.body.text) });
  });

  router.get('/:id/consents', async (req, res) => {
    const conversation = await load(req);
    const rows = await listConsents(db, conversation.id);
    await audited(req, 'conversation.consents.read', conversation.id);
    res.json({
      consents: rows.map((r) => ({ scope: r.scope, answer: r.answer, textVersion: r.textVersion, channel: r.channel, by: r.by, at: r.at.toISOString() })),
    });
  });

  // Staff record what the person said elsewhere (e.g. a withdrawal by phone): a new record, by staff.
  router.post('/:id/consents', validateBody(recordConsentBody), async (req, res) => {
    const conversation = await load(req);
    await db.transaction(async (tx) => {
      await recordConsent(tx, {
        conversationId: conversation.id,
        agencyId: conversation.agencyId,
        scope: req.body.scope,
        answer: req.body.answer,
        channel: 'staff',
        by: 'staff',
        staffId: req.staff!.id,
      });
      await recordAudit(tx, { agencyId: conversation.agencyId, actorId: req.staff!.id, action: `consent.${req.body.answer}`, subjectType: 'conversation', subjectId: conversation.id });
    });
    // Colleagues see the standing contact consent change (e.g. the warning above the reply box).
    const [updated] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    ctx.publisher.conversationUpdated(presentConversation(updated));
    res.status(201).json({ ok: true });
  });

  return router;
}
