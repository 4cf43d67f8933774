/** A conversation as a list item for staff. The contact's channel id (LINE user id) never leaves. */
import type { ConversationView } from '../contracts';
import type { conversations } from '../db/schema';

export type { ConversationView };

/** What the list query adds to a row (src/conversations/list.ts); other callers leave it out. */
export interface ListExtras {
  firstMessage: string | null;
  match?: string | null;
}

type ConversationRow = typeof conversations.$inferSelect & { listExtras?: ListExtras };

/** The stored lane number (src/db/schema.ts) as staff see it. */
const LANES: Record<number, ConversationView['lane']> = { 2: 'emergency', 1: 'check', 0: 'rest' };

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
    lane: LANES[c.lane] ?? 'rest',
    contactConsent: c.contactConsent ?? null,
    version: c.version,
    ...(c.listExtras ? { firstMessage: c.listExtras.firstMessage, ...(c.listExtras.match !== undefined ? { match: c.listExtras.match } : {}) } : {}),
  };
}
