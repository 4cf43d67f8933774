/**
 * Who may see a conversation: staff of the agency it belongs to. Anything else answers 404
 * (src/conversations/find.ts), so another agency's conversations cannot even be confirmed to exist.
 */
import { eq } from 'drizzle-orm';
import { conversations } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { isSupervisor } from './roles';

/** The conversations `staff` may see: a `where` condition for every list, search and lookup. */
export const scopeConversations = (staff: SessionStaff) => eq(conversations.agencyId, staff.agencyId);

/** Handing many conversations at once (bulk reassign) is the supervisor's. */
export const mayAssignMany = (staff: SessionStaff) => isSupervisor(staff);
