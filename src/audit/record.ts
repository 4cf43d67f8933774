/**
 * Audit trail: every read of personal data by staff and every change they make. A change's row
 * is written with `tx`, the transaction of the change itself, so there is never a change without
 * its row nor a row for a change that rolled back. A read has no transaction of its own: its row
 * is written before the data leaves the server.
 */
import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  agencyId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** A list or search: the conversations it returned (found again by `GET /api/audit?conversationId=`). */
  conversationIds?: string[];
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
