/** A staff member acknowledges a crisis alert: it stops being loud for everyone, and it is recorded. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { alerts } from '../db/schema';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record';
import { scopeAlerts } from '../policies/alert';
import { presentAlert, type AlertView } from '../presenters/alert';

export async function acknowledgeAlert(ctx: Context, staff: SessionStaff, alertId: string): Promise<AlertView> {
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: staff.id })
      .where(and(eq(alerts.id, alertId), scopeAlerts(staff), isNull(alerts.acknowledgedAt)))
      .returning();
    if (row) await recordAudit(tx, { agencyId: staff.agencyId, actorId: staff.id, action: 'alert.acknowledge', subjectType: 'alert', subjectId: alertId });
    return row;
  });
  if (!updated) {
    // Already acknowledged (by someone else, or a double click): answer with how it stands.
    const [existing] = await ctx.db.select().from(alerts).where(and(eq(alerts.id, alertId), scopeAlerts(staff)));
    if (!existing) throw new AppError('not_found');
    return presentAlert(existing);
  }
  const view = presentAlert(updated);
  ctx.publisher.alertAcknowledged(updated.agencyId, view);
  return view;
}
