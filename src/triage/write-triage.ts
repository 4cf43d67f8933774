/**
 * Triage's write when the conversation row is still the version read with the message's load:
 * the conversation's result, the run kept, the message marked triaged. Written by triage alone
 * (./record-result.ts) or folded into the statement of the message's dialogue turn
 * (src/dialogue/record-turn.ts: one statement where two were, issue 13). Either way nothing is
 * written when the row has changed since the load: the caller combines again under the lock.
 *
 * The version is raised by every update of the row (trigger `conversations_version`), the turn's
 * own included, so a second run of the same job finds it changed and writes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { conversations, messages, triageRuns, type Triage } from '../db/schema';

/** A triage result waiting to be written, worked out from the load (the row at `version`). */
export interface TriageToWrite {
  version: number;
  /** The conversation's result (never an emergency here: that is written under the lock, with its alert). */
  result: Triage;
  /** This message's own result (null: no words of its own, e.g. a tapped button). */
  own: Triage | null;
  /** The rules' and model's versions, recorded on the run. */
  engine: string;
}

/** The placeholders a statement with triage's write takes. */
export function triageParams(t: TriageToWrite, messageId: string, conversationId: string) {
  return {
    conversationId,
    version: t.version,
    result: JSON.stringify(t.result),
    messageId,
    triagedAt: new Date().toISOString(),
    engine: t.engine,
    messageTriage: t.own ? JSON.stringify(t.own) : null,
  };
}

/** The conversation's row at the version read, with `set` and the result written (placeholders of triageParams). */
export function updatedIfUnchanged(db: DbOrTx, set: Record<string, unknown> = {}) {
  return db.$with('updated').as(
    db
      .update(conversations)
      .set({ ...set, triage: sql`${sql.placeholder('result')}::jsonb` })
      .where(and(eq(conversations.id, sql.placeholder('conversationId')), eq(conversations.version, sql.placeholder('version'))))
      .returning(),
  );
}

/** The run kept, only if `updated` wrote the row. */
export function runKept(db: DbOrTx, updated: ReturnType<typeof updatedIfUnchanged>) {
  return db.$with('run').as(
    db
      .insert(triageRuns)
      .select(
        db
          .select({
            messageId: sql`${sql.placeholder('messageId')}::uuid`.as('message_id'),
            conversationId: updated.id,
            engine: sql`${sql.placeholder('engine')}::text`.as('engine'),
            result: sql`${sql.placeholder('result')}::jsonb`.as('result'),
            messageTriage: sql`${sql.placeholder('messageTriage')}::jsonb`.as('message_triage'),
            // every column, in the table's order (drizzle's insert … select)
            createdAt: sql`now()`.as('created_at'),
          })
          .from(updated),
      )
      .onConflictDoNothing()
      .returning({ messageId: triageRuns.messageId }),
  );
}

/**
 * Triage alone: the row, the run and the message's mark, all or none. Built once and prepared
 * (src/db/prepare-once.ts): drizzle took about 0.35 ms to build it for every message.
 */
export function writeIfUnchangedStatement(db: Db | DbOrTx) {
  const updated = updatedIfUnchanged(db);
  const stamp = db.$with('triaged').as(
    db
      .update(messages)
      .set({ triagedAt: sql`${sql.placeholder('triagedAt')}::timestamptz` })
      .from(updated)
      .where(eq(messages.id, sql.placeholder('messageId')))
      .returning({ id: messages.id }),
  );
  return db.with(updated, stamp, runKept(db, updated)).select().from(updated);
}
