/** The anonymous chat widget's API: open a session, send (idempotently), read the thread, end the session. */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Context } from '../../../context';
import { readWidgetHistory } from '../../../channels/widget/history';
import { accept } from '../../../messages/accept-inbound';
import { createWidgetSession, endWidgetSession } from '../../../channels/widget/sessions';
import { widgetInbound } from '../../../channels/widget/inbound';
import { presentForWidget } from '../../../presenters/message';
import { AppError } from '../../../errors';
import { findAgencyByCode } from '../../../agencies/add-agency';
import { validateBody } from '../../middleware/validate';
import { bearerToken, requireWidgetSession } from '../../middleware/widget-auth';
import { createSessionBody, MAX_TEXT, sendMessageBody, updateSessionBody, type SendMessageBody } from './schema';
import { switchLanguage } from '../../../dialogue/switch-language';

const limited = (windowMs: number, limit: number) =>
  rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('rate_limited')),
  });

export function widgetRoutes(ctx: Context, defaultAgencyId: string): Router {
  const router = Router();
  const idleMinutes = ctx.config.WIDGET_SESSION_IDLE_MINUTES;
  const auth = requireWidgetSession(ctx.db, idleMinutes);

  router.post('/sessions', limited(10 * 60_000, 30), validateBody(createSessionBody), async (req, res) => {
    let agencyId = defaultAgencyId;
    if (req.body.agency) {
      const agency = await findAgencyByCode(ctx.db, req.body.agency);
      if (!agency) throw new AppError('invalid_body', `unknown agency ${req.body.agency}`);
      agencyId = agency.id;
    }
    const session = await createWidgetSession(ctx.db, { agencyId, lang: req.body.lang ?? 'ja', idleMinutes });
    res.status(201).json({ ...session, idleMinutes });
  });

  router.post('/messages', limited(60_000, ctx.config.WIDGET_RATE_LIMIT_PER_MINUTE), auth, validateBody(sendMessageBody), async (req, res) => {
    const body = req.body as SendMessageBody;
    if (body.text.length > MAX_TEXT) throw new AppError('text_too_long');
    const w = req.widget!;
    const result = await accept(ctx, widgetInbound(w, body), { agencyId: w.agencyId, conversationId: w.conversationId, lang: w.lang });
    res.status(202).json({ messageId: result.messageId });
  });

  // The person switched language in the widget: the bot answers in it from now on, and asks
  // the question it is waiting on again in that language.
  router.patch('/session', limited(60_000, 30), auth, validateBody(updateSessionBody), async (req, res) => {
    const w = req.widget!;
    await switchLanguage(ctx, { contactId: w.contactId, conversationId: w.conversationId, lang: req.body.lang });
    res.json({ lang: req.body.lang });
  });

  // 「この端末から履歴を消す」 / quick exit: the token stops working at once (and its live
  // connections close). The conversation itself stays: it is a consultation record for staff.
  router.delete('/session', limited(60_000, 30), async (req, res) => {
    const token = bearerToken(req.get('authorization'));
    const ended = token ? await endWidgetSession(ctx.db, token) : null;
    if (!ended) throw new AppError('invalid_session');
    ctx.publisher.widgetSessionEnded(ended.conversationId);
    res.status(204).end();
  });

  router.get('/messages', limited(60_000, 120), auth, async (req, res) => {
    const visible = await readWidgetHistory(ctx.db, req.widget!.conversationId);
    // Their own messages carry their clientMessageId back: a widget whose POST answer was lost
    // recognises the message as stored and stops resending it.
    const prefix = `${req.widget!.conversationId}:`;
    res.json({
      lang: req.widget!.lang,
      messages: visible.map((m) => {
        const view = presentForWidget(m);
        return m.direction === 'in' && m.externalId?.startsWith(prefix) ? { ...view, clientMessageId: m.externalId.slice(prefix.length) } : view;
      }),
    });
  });

  return router;
}
