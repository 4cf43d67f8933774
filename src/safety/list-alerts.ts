/** The crisis alerts of the staff member's agency, newest first: open ones, or all (last 200). */
import { and, desc, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { alerts } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { scopeAlerts } from '../policies/alert';
import { presentAlert, type AlertView } from '../presenters/alert';

export async function listAlerts(db: DbOrTx, viewer: SessionStaff, state: 'open' | 'all'): Promise<AlertView[]> {
  const mine = scopeAlerts(viewer);
  const rows = await db
    .select()
    .from(alerts)
    .where(state === 'open' ? and(mine, isNull(alerts.acknowledgedAt)) : mine)
    .orderBy(desc(alerts.createdAt))
    .limit(200);
  return rows.map(presentAlert);
}
