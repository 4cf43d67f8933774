import { z } from 'zod';

export const livenessResponse = z.object({ status: z.literal('ok') });

const check = z.enum(['ok', 'down']);
export const readinessResponse = z.object({
  status: z.enum(['ready', 'degraded', 'not_ready']),
  checks: z.object({ database: check, redis: check, queues: check, escalation: z.enum(['ok', 'missing', 'failing']) }),
});
