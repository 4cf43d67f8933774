/** A crisis alert as staff see it (event `alert:crisis` and GET /api/alerts). */
import type { alerts } from '../db/schema';

type AlertRow = typeof alerts.$inferSelect;

export interface AlertView {
  id: string;
  conversationId: string;
  urgency: 'emergency' | 'high';
  reasons: string[];
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalatedAt: string | null;
}

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
