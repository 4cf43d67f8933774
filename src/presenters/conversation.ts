/** A conversation as a list item for staff. The contact's channel id (LINE user id) never leaves. */
import type { conversations, Triage } from '../db/schema';

type ConversationRow = typeof conversations.$inferSelect;

export interface ConversationView {
  id: string;
  channel: 'line' | 'widget';
  status: 'new' | 'open' | 'waiting' | 'closed';
  agencyId: string;
  assignee: string | null;
  /** The team the conversation is with (GET /api/teams), if any. */
  team: string | null;
  lastMessageAt: string;
  unread: number;
  preview: string | null;
  triage: Triage | null;
  /** Who is writing about whom, as the person told the bot (null until known). */
  subject: 'self' | 'family' | 'neighbour' | null;
  /** An anonymous report: nothing identifying the reporter is shown. */
  anonymous: boolean;
  /** The bot's place in the front-door conversation; `staff` once a counsellor answered. */
  frontDoor: string;
}

export function presentConversation(c: ConversationRow, preview: string | null = null): ConversationView {
  return {
    id: c.id,
    channel: c.channel,
    status: c.status,
    agencyId: c.agencyId,
    assignee: c.assigneeId,
    team: c.teamId,
    lastMessageAt: c.lastMessageAt.toISOString(),
    unread: c.unread,
    preview,
    triage: c.triage ?? null,
    subject: c.subject ?? null,
    anonymous: c.anonymous,
    frontDoor: c.staffEngagedAt ? 'staff' : (c.dialogue?.step ?? 'start'),
  };
}
