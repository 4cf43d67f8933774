/**
 * What the person sees of their own conversation in the widget: what they wrote and what was
 * actually sent to them (not drafts still pending), oldest first.
 */
import { and, asc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { messages } from '../../db/schema';

export type WidgetHistoryRow = typeof messages.$inferSelect;

export function readWidgetHistory(db: DbOrTx, conversationId: string, limit = 1000): Promise<WidgetHistoryRow[]> {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), or(eq(messages.direction, 'in'), eq(messages.deliveryState, 'sent'))))
    .orderBy(asc(messages.seq))
    .limit(limit);
}
