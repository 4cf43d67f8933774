/** A crisis alert as staff see it (event `alert:crisis` and GET /api/alerts). */
import type { AlertView } from '../contracts';
import type { alerts } from '../db/schema';

export type { AlertView };

type AlertRow = typeof alerts.$inferSelect;

const firstOf = (...dates: (Date | null)[]) => dates.filter((d) => d !== null).sort((x, y) => x.getTime() - y.getTime())[0];

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
    escalation: {
      reachedAt: firstOf(a.escalationNotifiedAt, a.escalationEmailedAt)?.toISOString() ?? null,
      failures: a.escalationFailures,
      lastFailedAt: a.escalationFailedAt?.toISOString() ?? null,
      lastError: a.escalationError,
    },
  };
}
