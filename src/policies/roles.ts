/** Role predicates: supervisors and admins oversee the shift; everyone works their agency's cases. */
import type { SessionStaff } from '../auth/sessions';
import { AppError } from '../errors';

export const isSupervisor = (s: SessionStaff) => s.role === 'supervisor' || s.role === 'admin';
export const isAdmin = (s: SessionStaff) => s.role === 'admin';

export function requireSupervisor(s: SessionStaff): void {
  if (!isSupervisor(s)) throw new AppError('forbidden');
}
