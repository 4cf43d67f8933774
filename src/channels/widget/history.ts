/**
 * What the person sees of their own conversation in the widget: what they wrote and what was
 * actually sent to them (not drafts still pending), oldest first.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { messages } from '../../db/schema';

export type WidgetHistoryRow = typeof messages.$inferSelect;

export async function readWidgetHistory(db: DbOrTx, conversationId: string, limit = 1000): Promise<WidgetHistoryRow[]> {
  const rows = await db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq)).limit(limit);
  return rows.filter((m) => m.direction === 'in' || m.deliveryState === 'sent');
}
