/**
 * The Socket.IO rooms a staff socket joins, which decides every live event it can receive: its
 * session and account (to be cut on logout or disable), its agency, and its agency's supervisors.
 * No room of another agency, and none at all for the system operator (refused before joining).
 */
import type { SessionStaff } from '../auth/sessions';
import { rooms } from '../events/publisher';
import { isSupervisor } from './roles';

export function roomsFor(staff: SessionStaff, sessionId: string): string[] {
  const joined = [rooms.session(sessionId), rooms.staff(staff.id), rooms.agency(staff.agencyId)];
  if (isSupervisor(staff)) joined.push(rooms.supervisors(staff.agencyId));
  return joined;
}
