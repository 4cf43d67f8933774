/** Messages belong to their conversation's agency; staff act only on their own agency's. */
import { eq } from 'drizzle-orm';
import { messages } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';

export const scopeMessages = (staff: SessionStaff) => eq(messages.agencyId, staff.agencyId);
