/**
 * Audit trail: every read of personal data by staff and every change they make. A change's row
 * is written with `tx`, the transaction of the change itself, so there is never a change without
 * its row nor a row for a change that rolled back. A read has no transaction of its own: its row
 * is written before the data leaves the server (`recordRead`).
 */
import type { DbOrTx } from '../db/client';
import { auditLog } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { AuditAction, AuditSubjectType } from './actions';

export type { AuditAction, AuditSubjectType };

export interface AuditEntry {
  agencyId: string;
  actorId: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  /** A list or search: the conversations it returned (found again by `GET /api/audit?conversationId=`). */
  conversationIds?: string[];
}

export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

/** A staff member read something of one conversation (messages, notes, consents…). */
export function recordRead(db: DbOrTx, reader: SessionStaff, action: AuditAction, conversationId: string): Promise<void> {
  return recordAudit(db, { agencyId: reader.agencyId, actorId: reader.id, action, subjectType: 'conversation', subjectId: conversationId });
}
