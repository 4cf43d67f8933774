/**
 * 開示請求 and deletion on request: only an admin may export or erase everything held about one
 * person, and only within their agency (the coordinating agency's admin: the whole municipality).
 * A person is reached through one of their conversations; a conversation outside the scope is
 * 404, like everywhere else.
 */
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { AppError } from '../errors';
import { isAdmin } from './roles';
import { agencyScopeOf, type ReportScope } from './report';

export type PersonDataScope = ReportScope;

export async function personDataScopeFor(ctx: Context, staff: SessionStaff): Promise<PersonDataScope> {
  if (!isAdmin(staff)) throw new AppError('forbidden');
  return agencyScopeOf(ctx, staff);
}

export const inScope = (scope: PersonDataScope, agencyId: string) => scope.agencyId === null || scope.agencyId === agencyId;
