/**
 * LINE webhook. Verifies the signature on the raw body BEFORE anything else (a bad one is 401
 * and stores nothing), stores every message event durably via intake.acceptMany() (one statement
 * per body, or per several bodies arriving together), and only then answers 200. Slow work happens in the workers, so LINE gets its answer well within a second.
 * @see https://developers.line.biz/en/reference/messaging-api/#webhooks
 */
import express, { Router } from 'express';
import type { Context } from '../../../context';
import { acceptMany } from '../../../messages/accept-inbound';
import { verifyLineSignature } from '../../../channels/line';
import { labelPostbacks, postbackWriters, readLineWebhook } from '../../../channels/line/inbound';
import { contactLanguages } from '../../../intake/contact-languages';
import { AppError } from '../../../errors';

export function lineWebhookRoutes(ctx: Context, agencyId: string): Router {
  const router = Router();
  router.post('/', express.raw({ type: () => true, limit: '1mb' }), async (req, res) => {
    const secret = ctx.config.LINE_CHANNEL_SECRET;
    if (!ctx.config.lineEnabled || !secret) throw new AppError('line_disabled');
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifyLineSignature(raw, req.get('x-line-signature'), secret)) throw new AppError('invalid_signature');
    const parsed = readLineWebhook(raw);
    if (!parsed.ok) throw new AppError('invalid_body', parsed.error.message);
    const langs = await contactLanguages(ctx.db, 'line', postbackWriters(parsed.messages));
    // A person not yet known reads the default language (a new contact's too).
    const inbound = labelPostbacks(parsed.messages, (userId) => langs.get(userId) ?? 'ja');
    // One statement for the whole body, in the order LINE sent the events (100 events well within a second).
    const created = (await acceptMany(ctx, inbound, { agencyId })).filter((r) => r.created).length;
    // Hundreds a second under load (the metrics count them): a line each only at debug, unless
    // LINE sent something we ignore.
    const level = parsed.ignored.length > 0 ? 'info' : 'debug';
    ctx.log[level]({ events: parsed.messages.length, created, ignored: parsed.ignored.length }, 'line webhook accepted');
    res.status(200).json({});
  });
  return router;
}
