/**
 * Open crisis alerts that went to the escalation targets, were refused and are held by none: the
 * on-call staff do not know. /readyz answers `degraded` while there is one, and the metric
 * `tsunagu_alerts_escalation_unreached` counts them. Few rows: open alerts only (partial index).
 */
import { and, count, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alerts } from '../db/schema';

export async function countUnreachedEscalations(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(alerts)
    .where(
      and(
        isNull(alerts.acknowledgedAt),
        isNotNull(alerts.escalatedAt),
        gt(alerts.escalationFailures, 0),
        isNull(alerts.escalationNotifiedAt),
        isNull(alerts.escalationEmailedAt),
      ),
    );
  return row.n;
}
