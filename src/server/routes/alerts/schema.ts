import { z } from 'zod';

export const listAlertsQuery = z.object({ state: z.enum(['open', 'all']).default('open') }).strict();

export const alertView = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  urgency: z.enum(['emergency', 'high']),
  reasons: z.array(z.string()),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.uuid().nullable(),
  escalatedAt: z.iso.datetime().nullable(),
});
export const listAlertsResponse = z.object({ alerts: z.array(alertView) });
export const alertResponse = z.object({ alert: alertView });
