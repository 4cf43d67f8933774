/** A crisis alert as staff see it (`alert:*` events and GET /api/alerts). */
import { z } from 'zod';
import { alertUrgencySchema } from './enums';

export const alertView = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  urgency: alertUrgencySchema,
  reasons: z.array(z.string()),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.uuid().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
  /**
   * Whether the escalation targets (the on-call webhook, e-mail) have the notice: when the first
   * accepted it, and the refused attempts since the alert went to them (retried while it stays
   * open). Refused and not reached means the on-call staff do not know.
   */
  escalation: z.object({
    reachedAt: z.iso.datetime().nullable(),
    failures: z.number().int().nonnegative(),
    lastFailedAt: z.iso.datetime().nullable(),
    /** Codes of the last refusal: `webhook_503`, `webhook_ECONNREFUSED`, `email_550`. */
    lastError: z.string().nullable(),
  }),
});
export type AlertView = z.infer<typeof alertView>;
