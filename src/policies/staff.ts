/**
 * Who counts as a colleague: agency staff whose account is enabled. The system operator and
 * disabled accounts are not listed, not counted in the shift view and cannot be assigned work.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { staff } from '../db/schema';

export const colleaguesOf = (agencyId: string) => and(eq(staff.agencyId, agencyId), ne(staff.role, 'operator'), isNull(staff.disabledAt));
