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
});
export type AlertView = z.infer<typeof alertView>;
