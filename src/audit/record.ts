/** Audit trail: every read of personal data by staff and every change they make. */
import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  agencyId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
