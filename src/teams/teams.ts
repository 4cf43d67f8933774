/** Teams within an agency: groups of colleagues a conversation can be handed to. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { agencies, staff, teamMembers, teams } from '../db/schema';
import { AppError } from '../errors';
import type { SessionStaff } from '../auth/sessions';
import type { TeamView } from '../contracts';
import { scopeTeams } from '../policies/team';

export const addTeamInput = z
  .object({
    agencyCode: z.string().min(1),
    name: z.string().trim().min(1).max(100),
    memberEmails: z.array(z.email()).default([]),
  })
  .strict();
export type AddTeamInput = z.input<typeof addTeamInput>;

export async function addTeam(db: Db, raw: AddTeamInput) {
  const input = addTeamInput.parse(raw);
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.agencyCode));
  if (!agency) throw new AppError('not_found', `agency ${input.agencyCode}`);
  const members = input.memberEmails.length
    ? await db
        .select({ id: staff.id, email: staff.email })
        .from(staff)
        .where(and(eq(staff.agencyId, agency.id), inArray(sql`lower(${staff.email})`, input.memberEmails.map((e) => e.toLowerCase()))))
    : [];
  if (members.length !== input.memberEmails.length) throw new AppError('not_found', 'a member is not staff of this agency');
  return db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ agencyId: agency.id, name: input.name }).onConflictDoNothing().returning();
    if (!team) throw new AppError('conflict', `team ${input.name}`);
    if (members.length) await tx.insert(teamMembers).values(members.map((m) => ({ teamId: team.id, staffId: m.id })));
    return { id: team.id, name: team.name, members: members.map((m) => m.id) };
  });
}

/** The teams of the viewer's agency, with their members. */
export async function listTeams(db: Db, viewer: SessionStaff): Promise<TeamView[]> {
  const rows = await db
    .select({ id: teams.id, name: teams.name, staffId: teamMembers.staffId })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(scopeTeams(viewer))
    .orderBy(asc(teams.name));
  const byId = new Map<string, { id: string; name: string; members: string[] }>();
  for (const r of rows) {
    const t = byId.get(r.id) ?? { id: r.id, name: r.name, members: [] };
    if (r.staffId) t.members.push(r.staffId);
    byId.set(r.id, t);
  }
  return [...byId.values()];
}
