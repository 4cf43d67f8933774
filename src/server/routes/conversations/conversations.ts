/**
 * Staff API over conversations of their own agency: list (filters, search, cursor), read
 * (audited), reply, claim/assign, correct triage and status, notes, consents, bulk reassign.
 */
import { Router } from 'express';
import { asc, eq } from 'drizzle-orm';
import type { Context } from '../../../context';
import { conversations, messages } from '../../../db/schema';
import { presentConversation } from '../../../presenters/conversation';
import { presentManyForStaff } from '../../../presenters/message';
import { loadConversationFor } from '../../../policies/conversation';
import { requireSupervisor } from '../../../policies/roles';
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

  router.get('/', async (req, res) => {
    const query = parseQuery(listQuery, req.query);
    const { rows, nextCursor } = await listConversations(db, req.staff!, query);
    res.json({ conversations: rows.map((r) => presentConversation(r.c, r.preview?.slice(0, 80) ?? null)), nextCursor });
  });

  router.post('/bulk-assign', validateBody(bulkAssignBody), async (req, res) => {
    requireSupervisor(req.staff!);
    const views = await assignConversations(ctx, req.staff!, req.body.conversationIds, { staffId: req.body.staffId, teamId: req.body.teamId });
    res.json({ conversations: views });
  });

  router.get('/:id', async (req, res) => {
    res.json({ conversation: presentConversation(await load(req)) });
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
    await recordAudit(db, {
      agencyId: conversation.agencyId,
      actorId: req.staff!.id,
      action: 'conversation.messages.read',
      subjectType: 'conversation',
      subjectId: conversation.id,
    });
    if (conversation.unread > 0) {
      const [updated] = await db.update(conversations).set({ unread: 0 }).where(eq(conversations.id, conversation.id)).returning();
      ctx.publisher.conversationUpdated(presentConversation(updated, rows.filter((m) => m.direction === 'in').at(-1)?.text.slice(0, 80) ?? null));
    }
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
    await recordAudit(db, { agencyId: conversation.agencyId, actorId: req.staff!.id, action: 'conversation.reply', subjectType: 'message', subjectId: result.messageId });
    res.status(202).json(result);
  });

  router.get('/:id/notes', async (req, res) => {
    const conversation = await load(req);
    res.json({ notes: await listNotes(ctx, conversation.id) });
  });

  router.post('/:id/notes', validateBody(noteBody), async (req, res) => {
    const conversation = await load(req);
    if (req.body.text.length > MAX_TEXT) throw new AppError('text_too_long');
    res.status(201).json({ note: await addNote(ctx, req.staff!, conversation, req.body.text) });
  });

  router.get('/:id/consents', async (req, res) => {
    const conversation = await load(req);
    const rows = await listConsents(db, conversation.id);
    res.json({
      consents: rows.map((r) => ({ scope: r.scope, answer: r.answer, textVersion: r.textVersion, channel: r.channel, by: r.by, at: r.at.toISOString() })),
    });
  });

  // Staff record what the person said elsewhere (e.g. a withdrawal by phone): a new record, by staff.
  router.post('/:id/consents', validateBody(recordConsentBody), async (req, res) => {
    const conversation = await load(req);
    await recordConsent(db, {
      conversationId: conversation.id,
      agencyId: conversation.agencyId,
      scope: req.body.scope,
      answer: req.body.answer,
      channel: 'staff',
      by: 'staff',
      staffId: req.staff!.id,
    });
    await recordAudit(db, { agencyId: conversation.agencyId, actorId: req.staff!.id, action: `consent.${req.body.answer}`, subjectType: 'conversation', subjectId: conversation.id });
    res.status(201).json({ ok: true });
  });

  return router;
}
