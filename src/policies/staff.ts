/**
 * Who counts as a colleague: agency staff whose account is enabled. The system operator and
 * disabled accounts are not listed, not counted in the shift view and cannot be assigned work.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { staff } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { isSupervisor } from './roles';

export const colleaguesOf = (agencyId: string) => and(eq(staff.agencyId, agencyId), ne(staff.role, 'operator'), isNull(staff.disabledAt));

/** The colleagues `viewer` may list and assign to. */
export const scopeColleagues = (viewer: SessionStaff) => colleaguesOf(viewer.agencyId);

/** The shift view (who holds what, who is waiting) is for supervisors and admins. */
export const mayViewShift = (viewer: SessionStaff) => isSupervisor(viewer);
