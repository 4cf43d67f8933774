/** The stored language of each of these channel users who is already a contact (others are absent). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Channel, Lang } from '../channels/types';
import type { DbOrTx } from '../db/client';
import { contacts } from '../db/schema';

export async function contactLanguages(db: DbOrTx, channel: Channel, externalIds: string[]): Promise<Map<string, Lang>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ externalId: contacts.externalId, lang: contacts.lang })
    .from(contacts)
    .where(and(eq(contacts.channel, channel), inArray(contacts.externalId, externalIds)));
  return new Map(rows.map((r) => [r.externalId, r.lang as Lang]));
}
