/**
 * The supervisor's shift view: open work per counsellor, the oldest unanswered person, how many
 * conversations nobody holds (only those where the person has written), unacknowledged
 * crisis alerts, and the "check now" lane. The system operator and disabled accounts are not listed.
 */
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alerts, conversations, staff } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { ShiftView } from '../contracts';
import { scopeColleagues } from '../policies/staff';
import { scopeConversations } from '../policies/conversation';
import { scopeAlerts } from '../policies/alert';
import { hasInbound, LANE } from '../conversations/list';

export async function shiftOverview(db: Db, viewer: SessionStaff, online: Set<string>): Promise<ShiftView> {
  // "Unanswered": the person wrote last (their message is newer than any outbound one).
  const waitingSince = sql<string | null>`min(case when ${conversations.unread} > 0 then ${conversations.lastMessageAt} end)`;
  const perStaff = await db
    .select({ id: staff.id, name: staff.name, role: staff.role, open: count(conversations.id), oldestUnansweredAt: waitingSince })
    .from(staff)
    .leftJoin(conversations, and(eq(conversations.assigneeId, staff.id), ne(conversations.status, 'closed'), hasInbound))
    .where(scopeColleagues(viewer))
    .groupBy(staff.id, staff.name, staff.role)
    .orderBy(staff.name);
  const [{ unassigned }] = await db
    .select({ unassigned: count() })
    .from(conversations)
    .where(and(scopeConversations(viewer), isNull(conversations.assigneeId), ne(conversations.status, 'closed'), hasInbound));
  const [{ open }] = await db.select({ open: count() }).from(alerts).where(and(scopeAlerts(viewer), isNull(alerts.acknowledgedAt)));
  const [{ checkLane }] = await db
    .select({ checkLane: count() })
    .from(conversations)
    .where(and(scopeConversations(viewer), eq(conversations.lane, LANE.check), ne(conversations.status, 'closed'), hasInbound));
  return {
    counsellors: perStaff.map((s) => ({
      ...s,
      online: online.has(s.id),
      oldestUnansweredAt: s.oldestUnansweredAt ? new Date(s.oldestUnansweredAt).toISOString() : null,
    })),
    unassigned,
    unacknowledgedAlerts: open,
    checkLane,
  };
}
