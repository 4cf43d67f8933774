/**
 * Anonymous widget sessions. Creating one opens a contact and a conversation; the widget's frame
 * keeps the random bearer token, we keep only its hash. No name, no account, nothing identifying.
 *
 * A session lives `idleMinutes` after the widget's last request (sliding) and can be ended at
 * once by the person (「この端末から履歴を消す」, quick exit). Ending it only makes the token
 * useless: the conversation stays, because it is a consultation record staff must keep.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, conversations, widgetSessions } from '../../db/schema';
import { hashToken, newToken } from '../../auth/tokens';
import type { Lang } from '../types';

export interface WidgetSession {
  contactId: string;
  contactExternalId: string;
  conversationId: string;
  agencyId: string;
  lang: Lang;
}

const deadline = (idleMinutes: number, from = Date.now()) => new Date(from + idleMinutes * 60_000);

export async function createWidgetSession(db: Db, input: { agencyId: string; lang: Lang; idleMinutes: number }) {
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
      expiresAt: deadline(input.idleMinutes),
    });
    return conversation.id;
  });
  return { sessionToken: token, conversationId };
}

/**
 * The live session of `token`, or null when unknown, expired or ended. With `slideMinutes` the
 * session's end moves to that many minutes from now (a request from the person is activity).
 */
export async function findWidgetSession(db: Db, token: string, opts: { slideMinutes?: number } = {}): Promise<WidgetSession | null> {
  const now = new Date();
  const live = and(eq(widgetSessions.tokenHash, hashToken(token)), gt(widgetSessions.expiresAt, now));
  if (opts.slideMinutes !== undefined) {
    // One statement checks and extends, so an expired session can never be revived.
    const [moved] = await db
      .update(widgetSessions)
      .set({ expiresAt: deadline(opts.slideMinutes, now.getTime()) })
      .where(live)
      .returning({ tokenHash: widgetSessions.tokenHash });
    if (!moved) return null;
  }
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
    .where(live);
  return row ?? null;
}

/** Ends the session of `token` now; answers the conversation it belonged to, or null if it was not live. */
export async function endWidgetSession(db: Db, token: string): Promise<{ conversationId: string } | null> {
  const now = new Date();
  const [row] = await db
    .update(widgetSessions)
    .set({ expiresAt: now })
    .where(and(eq(widgetSessions.tokenHash, hashToken(token)), gt(widgetSessions.expiresAt, now)))
    .returning({ conversationId: widgetSessions.conversationId });
  return row ?? null;
}
