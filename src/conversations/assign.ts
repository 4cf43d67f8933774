/**
 * Claim (assign to oneself), assign or transfer conversations to a colleague or a team of the
 * same agency. Everyone on duty sees the change at once (`conversation:updated`); it is audited.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../context';
import type { SessionStaff } from '../auth/sessions';
import { conversations, staff, teams } from '../db/schema';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record';
import { scopeColleagues } from '../policies/staff';
import { scopeConversations } from '../policies/conversation';
import { scopeTeams } from '../policies/team';
import { presentConversation, type ConversationView } from '../presenters/conversation';

export interface AssignTo {
  /** undefined: leave as is; null: unassign. */
  staffId?: string | null;
  teamId?: string | null;
}

export async function assignConversations(ctx: Context, actor: SessionStaff, conversationIds: string[], to: AssignTo): Promise<ConversationView[]> {
  if (to.staffId) {
    const [target] = await ctx.db.select({ id: staff.id }).from(staff).where(and(eq(staff.id, to.staffId), scopeColleagues(actor)));
    if (!target) throw new AppError('invalid_body', 'staffId: not a colleague in this agency');
  }
  if (to.teamId) {
    const [team] = await ctx.db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, to.teamId), scopeTeams(actor)));
    if (!team) throw new AppError('invalid_body', 'teamId: not a team of this agency');
  }
  const set: Partial<typeof conversations.$inferInsert> = {};
  if (to.staffId !== undefined) set.assigneeId = to.staffId;
  if (to.teamId !== undefined) set.teamId = to.teamId;
  const action =
    to.staffId === actor.id ? 'conversation.claim' : to.staffId ? 'conversation.assign' : to.teamId ? 'conversation.assign_team' : 'conversation.unassign';
  const updated = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(conversations)
      .set(set)
      .where(and(inArray(conversations.id, conversationIds), scopeConversations(actor)))
      .returning();
    if (rows.length !== conversationIds.length && conversationIds.length === 1) throw new AppError('not_found');
    for (const c of rows) await recordAudit(tx, { agencyId: actor.agencyId, actorId: actor.id, action, subjectType: 'conversation', subjectId: c.id });
    return rows;
  });
  const views = updated.map((c) => presentConversation(c));
  for (const v of views) ctx.publisher.conversationUpdated(v);
  return views;
}
