/** Crisis alerts: every staff member of the agency sees and may acknowledge its alerts. */
import { eq } from 'drizzle-orm';
import { alerts } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';

export const scopeAlerts = (staff: SessionStaff) => eq(alerts.agencyId, staff.agencyId);
