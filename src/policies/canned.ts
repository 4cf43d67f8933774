/** 定型文 (canned answers): everyone of the agency reads them, supervisors and admins add, edit and delete. */
import { and, eq } from 'drizzle-orm';
import { cannedReplies } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { isSupervisor } from './roles';

export const scopeCanned = (staff: SessionStaff) => eq(cannedReplies.agencyId, staff.agencyId);
export const mayManageCanned = (staff: SessionStaff) => isSupervisor(staff);
/** One of the agency's own 定型文 (another agency's reads as absent). */
export const scopeOneCanned = (staff: SessionStaff, id: string) => and(eq(cannedReplies.id, id), scopeCanned(staff));
