/** A crisis alert as staff see it (event `alert:crisis` and GET /api/alerts). */
import type { AlertView } from '../contracts';
import type { alerts } from '../db/schema';

export type { AlertView };

type AlertRow = typeof alerts.$inferSelect;


export function presentAlert(a: AlertRow): AlertView {
  return {
    id: a.id,
    conversationId: a.conversationId,
    urgency: a.urgency,
    reasons: a.reasons,
    createdAt: a.createdAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy ?? null,
    escalatedAt: a.escalatedAt?.toISOString() ?? null,
  };
}
