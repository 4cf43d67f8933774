/**
 * The audit log of the reader's agency, newest first (500). Filtered by a conversation, it
 * includes the list and search pages that showed that conversation.
 */
import { and, arrayContains, desc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { auditLog, staff } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { scopeAudit } from '../policies/audit';
import { presentAuditEntry, type AuditEntryView } from '../presenters/audit-entry';

export async function listAuditEntries(db: DbOrTx, reader: SessionStaff, filter: { conversationId?: string }): Promise<AuditEntryView[]> {
  const mine = scopeAudit(reader);
  const { conversationId } = filter;
  const rows = await db
    .select({ a: auditLog, actorName: staff.name })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.actorId))
    .where(conversationId ? and(mine, or(eq(auditLog.subjectId, conversationId), arrayContains(auditLog.conversationIds, [conversationId]))) : mine)
    .orderBy(desc(auditLog.id))
    .limit(500);
  return rows.map((r) => presentAuditEntry(r.a, r.actorName));
}
