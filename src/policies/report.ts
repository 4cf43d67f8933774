/**
 * Who may read the figures, and whose. Figures are for oversight: supervisors and admins only
 * (a counsellor gets 403). They count the reader's own agency, except for an admin of the
 * coordinating agency (多機関協働事業者: the agency directory's `coordinating` flag), who sees the
 * whole municipality.
 */
import { eq } from 'drizzle-orm';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { agencies } from '../db/schema';
import { requireSupervisor } from './roles';

export interface ReportScope {
  /** null: every agency. */
  agencyId: string | null;
  /** The reader's agency code when limited to it. */
  agencyCode: string | null;
}

export async function reportScopeFor(ctx: Context, staff: SessionStaff): Promise<ReportScope> {
  requireSupervisor(staff);
  return agencyScopeOf(ctx, staff);
}

/** The reader's agency, or every agency for an admin of the coordinating agency. */
export async function agencyScopeOf(ctx: Context, staff: SessionStaff): Promise<ReportScope> {
  const [agency] = await ctx.db.select({ code: agencies.code, coordinating: agencies.coordinating }).from(agencies).where(eq(agencies.id, staff.agencyId));
  if (staff.role === 'admin' && agency?.coordinating) return { agencyId: null, agencyCode: null };
  return { agencyId: staff.agencyId, agencyCode: agency?.code ?? null };
}
