/** 定型文 (canned answers): everyone of the agency reads them, supervisors and admins add. */
import { eq } from 'drizzle-orm';
import { cannedReplies } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { isSupervisor } from './roles';

export const scopeCanned = (staff: SessionStaff) => eq(cannedReplies.agencyId, staff.agencyId);
export const mayAddCanned = (staff: SessionStaff) => isSupervisor(staff);
