/** Teams live inside one agency: staff see and hand work only to their own agency's teams. */
import { eq } from 'drizzle-orm';
import { teams } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';

export const scopeTeams = (staff: SessionStaff) => eq(teams.agencyId, staff.agencyId);
