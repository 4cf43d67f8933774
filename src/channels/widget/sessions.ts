/**
 * Anonymous widget sessions. Creating one opens a contact and a conversation; the browser keeps
 * the random bearer token, we keep only its hash. No name, no account, nothing identifying.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, conversations, widgetSessions } from '../../db/schema';
import { hashToken, newToken } from '../../auth/tokens';
import type { Lang } from '../types';

const SESSION_DAYS = 30;

export interface WidgetSession {
  contactId: string;
  contactExternalId: string;
  conversationId: string;
  agencyId: string;
  lang: Lang;
}

export async function createWidgetSession(db: Db, input: { agencyId: string; lang: Lang }) {
  const token = newToken();
  const conversationId = await db.transaction(async (tx) => {
    const [contact] = await tx
      .insert(contacts)
      .values({ agencyId: input.agencyId, channel: 'widget', externalId: randomUUID(), lang: input.lang })
      .returning();
    const [conversation] = await tx
      .insert(conversations)
      .values({ agencyId: input.agencyId, contactId: contact.id, channel: 'widget' })
      .returning({ id: conversations.id });
    await tx.insert(widgetSessions).values({
      tokenHash: hashToken(token),
      contactId: contact.id,
      conversationId: conversation.id,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
    });
    return conversation.id;
  });
  return { sessionToken: token, conversationId };
}

export async function findWidgetSession(db: Db, token: string): Promise<WidgetSession | null> {
  const [row] = await db
    .select({
      contactId: contacts.id,
      contactExternalId: contacts.externalId,
      conversationId: widgetSessions.conversationId,
      agencyId: contacts.agencyId,
      lang: contacts.lang,
    })
    .from(widgetSessions)
    .innerJoin(contacts, eq(contacts.id, widgetSessions.contactId))
    .where(and(eq(widgetSessions.tokenHash, hashToken(token)), gt(widgetSessions.expiresAt, new Date())));
  return row ?? null;
}
