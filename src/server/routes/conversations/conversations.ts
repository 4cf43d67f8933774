/**
 * Staff API over conversations of their own agency: list (filters, search, cursor), read
 * (every read audited, GETs change nothing else), reply, claim/assign, correct triage and status,
 * notes, consents, bulk reassign. Each handler: parse → policy → one command or query → view.
 */
import { Router, type Request } from 'express';
import type { Context } from '../../../context';
import { authorize } from '../../../policies/roles';
import { mayAssignMany } from '../../../policies/conversation';
import { findConversationFor } from '../../../conversations/find';
import { viewConversation } from '../../../conversations/view';
import { readMessages } from '../../../conversations/read-messages';
import { markRead } from '../../../conversations/mark-read';
import { replyToConversation } from '../../../conversations/reply';
import { readConversationList } from '../../../conversations/list';
import { assignConversations } from '../../../conversations/assign';
import { correctConversation } from '../../../conversations/correct';
import { addNote } from '../../../notes/add-note';
import { readNotes } from '../../../notes/read-notes';
import { readConsents } from '../../../consent/read-consents';
import { recordConsentByStaff } from '../../../consent/record-by-staff';
import { AppError } from '../../../errors';
import { parseParams, parseQuery, validateBody } from '../../middleware/validate';
import { assignBody, bulkAssignBody, conversationParams, correctionBody, listQuery, MAX_TEXT, noteBody, recordConsentBody, replyBody, type ReplyBody } from './schema';

export function conversationRoutes(ctx: Context): Router {
  const router = Router();
  const { db } = ctx;
  // The conversation named in the path, if the staff member's agency holds it (else 404).
  const load = (req: Request) => findConversationFor(db, req.staff!, parseParams(conversationParams, req.params).id);

  // Reads of personal data are audited before the data leaves (GETs here are same-site only:
  // src/server/middleware/same-origin.ts), and change nothing else.
  router.get('/', async (req, res) => {
    res.json(await readConversationList(db, req.staff!, parseQuery(listQuery, req.query)));
  });

  router.post('/bulk-assign', validateBody(bulkAssignBody), async (req, res) => {
    authorize(mayAssignMany(req.staff!));
    const views = await assignConversations(ctx, req.staff!, req.body.conversationIds, { staffId: req.body.staffId, teamId: req.body.teamId });
    res.json({ conversations: views });
  });

  router.get('/:id', async (req, res) => {
    res.json({ conversation: await viewConversation(db, req.staff!, await load(req)) });
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
    res.json({ messages: await readMessages(db, req.staff!, await load(req)) });
  });

  router.post('/:id/read', async (req, res) => {
    await markRead(ctx, await load(req));
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
    res.json({ notes: await readNotes(db, req.staff!, await load(req)) });
  });

  router.post('/:id/notes', validateBody(noteBody), async (req, res) => {
    const conversation = await load(req);
    if (req.body.text.length > MAX_TEXT) throw new AppError('text_too_long');
    res.status(201).json({ note: await addNote(ctx, req.staff!, conversation, req.body.text) });
  });

  router.get('/:id/consents', async (req, res) => {
    res.json({ consents: await readConsents(db, req.staff!, await load(req)) });
  });

  router.post('/:id/consents', validateBody(recordConsentBody), async (req, res) => {
    await recordConsentByStaff(ctx, req.staff!, await load(req), { scope: req.body.scope, answer: req.body.answer });
    res.status(201).json({ ok: true });
  });

  return router;
}
