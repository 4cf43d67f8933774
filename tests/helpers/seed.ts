/**
 * Direct inserts for tests that need data at chosen times (months ago, past a retention period):
 * a contact, a conversation and its messages, in one call. Everything else (triage JSON, status)
 * is what the caller says, so the expected figures can be worked out by hand.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client';
import { contacts, conversations, messages, type Triage } from '../../src/db/schema';
import type { Channel, ConversationStatus } from '../../src/contracts';

export interface SeedMessage {
  /** Minutes after the conversation began. */
  after: number;
  by: 'person' | 'bot' | 'staff';
  text?: string;
}

export interface SeedConversation {
  agencyId: string;
  createdAt: Date;
  channel?: Channel;
  status?: ConversationStatus;
  triage?: Triage | null;
  messages?: SeedMessage[];
  /** Reuse a contact (the same person writing again); default: a new one. */
  contactId?: string;
  staffId?: string;
}

export const triage = (categories: string[], urgency: Triage['urgency'], reporter: Triage['reporter']): Triage => ({ categories, urgency, reporter, reasons: ['seeded'] });

export async function seedConversation(db: Db, s: SeedConversation) {
  const channel = s.channel ?? 'widget';
  const contactId =
    s.contactId ??
    (await db.insert(contacts).values({ agencyId: s.agencyId, channel, externalId: `seed-${randomUUID()}`, createdAt: s.createdAt }).returning({ id: contacts.id }))[0].id;
  const msgs = s.messages ?? [{ after: 0, by: 'person' as const }];
  const last = msgs.reduce((m, x) => Math.max(m, x.after), 0);
  const at = (min: number) => new Date(s.createdAt.getTime() + min * 60_000);
  const [conversation] = await db
    .insert(conversations)
    .values({ agencyId: s.agencyId, contactId, channel, status: s.status ?? 'open', triage: s.triage ?? null, createdAt: s.createdAt, lastMessageAt: at(last) })
    .returning();
  const rows = msgs.length
    ? await db
        .insert(messages)
        .values(
          msgs.map((m) => ({
            conversationId: conversation.id,
            agencyId: s.agencyId,
            channel,
            direction: m.by === 'person' ? ('in' as const) : ('out' as const),
            authorType: m.by,
            authorStaffId: m.by === 'staff' ? s.staffId : undefined,
            text: m.text ?? `${m.by} at +${m.after} min`,
            createdAt: at(m.after),
            ...(m.by === 'person' ? { triagedAt: at(m.after), dialoguedAt: at(m.after) } : { deliveryState: 'sent' as const, deliveredAt: at(m.after) }),
          })),
        )
        .returning({ id: messages.id })
    : [];
  return { conversation, contactId, messageIds: rows.map((r) => r.id) };
}
