/** An audit row as supervisors see it: who, what, about what, when (the agency is implied). */
import type { AuditEntryView } from '../contracts';
import type { auditLog } from '../db/schema';

export type { AuditEntryView };

export function presentAuditEntry(a: typeof auditLog.$inferSelect, actorName: string | null): AuditEntryView {
  return {
    actorId: a.actorId,
    actorName,
    action: a.action,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    ...(a.conversationIds ? { conversationIds: a.conversationIds } : {}),
    at: a.at.toISOString(),
  };
}
