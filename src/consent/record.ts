/**
 * Consent (同意) records: append-only. A withdrawal is a new `withdrawn` record per scope that
 * currently stands at yes or later; nothing is overwritten, so the history shows who agreed to
 * what wording, when, on which channel.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { consents, conversations } from '../db/schema';
import { CONSENT_TEXT_VERSION } from '../dialogue/texts';

export type ConsentScope = 'contact' | 'share';
export type ConsentAnswer = 'yes' | 'no' | 'later' | 'withdrawn';
export const CONSENT_SCOPES: ConsentScope[] = ['contact', 'share'];

export interface ConsentInput {
  conversationId: string;
  agencyId: string;
  scope: ConsentScope;
  answer: ConsentAnswer;
  channel: 'line' | 'widget' | 'staff';
  by: 'person' | 'staff';
  staffId?: string;
  messageId?: string;
}

/** Appends a record; the contact answer that now stands is also kept on the conversation (staff see it above the reply box). */
export async function recordConsent(db: DbOrTx, input: ConsentInput): Promise<void> {
  const inserted = await db
    .insert(consents)
    .values({ ...input, staffId: input.staffId ?? null, messageId: input.messageId ?? null, textVersion: CONSENT_TEXT_VERSION })
    .onConflictDoNothing()
    .returning({ id: consents.id });
  if (inserted.length > 0 && input.scope === 'contact') {
    await db.update(conversations).set({ contactConsent: input.answer }).where(eq(conversations.id, input.conversationId));
  }
}

export async function listConsents(db: DbOrTx, conversationId: string) {
  return db.select().from(consents).where(eq(consents.conversationId, conversationId)).orderBy(asc(consents.id));
}

/** The answer that stands now for each scope (the latest record), or null when never asked. */
export function currentConsent(records: { scope: string; answer: string }[]): Record<ConsentScope, ConsentAnswer | null> {
  const now: Record<ConsentScope, ConsentAnswer | null> = { contact: null, share: null };
  for (const r of records) now[r.scope as ConsentScope] = r.answer as ConsentAnswer;
  return now;
}

/**
 * Withdraws the given scopes (default both) that are not already refused or withdrawn (also one
 * never asked: the wish is recorded before anyone could act on an old answer); returns the scopes
 * withdrawn.
 */
export async function withdrawConsent(
  db: DbOrTx,
  input: Omit<ConsentInput, 'scope' | 'answer'>,
  which: readonly ConsentScope[] = CONSENT_SCOPES,
): Promise<ConsentScope[]> {
  const standing = currentConsent(await listConsents(db, input.conversationId));
  const scopes = which.filter((s) => standing[s] !== 'no' && standing[s] !== 'withdrawn');
  for (const scope of scopes) await recordConsent(db, { ...input, scope, answer: 'withdrawn' });
  return scopes;
}
