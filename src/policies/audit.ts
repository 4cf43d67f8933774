/** The audit log: supervisors and admins read their own agency's. */
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { isSupervisor } from './roles';

export const mayReadAudit = (staff: SessionStaff) => isSupervisor(staff);
export const scopeAudit = (staff: SessionStaff) => eq(auditLog.agencyId, staff.agencyId);
