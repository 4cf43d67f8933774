/**
 * Role predicates. Counsellors work their agency's cases; supervisors and admins also oversee the
 * shift and the audit log. The system operator (`operator`) runs the installation (the queue
 * dashboard) and sees no consultation data of any agency: every staff API refuses it (403).
 */
import type { SessionStaff } from '../auth/sessions';
import { AppError } from '../errors';

export const isSupervisor = (s: SessionStaff) => s.role === 'supervisor' || s.role === 'admin';
export const isAdmin = (s: SessionStaff) => s.role === 'admin';
export const isOperator = (s: SessionStaff) => s.role === 'operator';
/** Inbox, staff API and staff sockets: agency staff only. */
export const mayUseInbox = (s: SessionStaff) => !isOperator(s);
/** The queue dashboard serves every agency's queues at once: the system operator only. */
export const mayUseQueueDashboard = (s: SessionStaff) => isOperator(s);

/** A policy's answer as a refusal: 403 when `allowed` is false. */
export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw new AppError('forbidden');
}

export function requireSupervisor(s: SessionStaff): void {
  authorize(isSupervisor(s));
}
