/**
 * The staff conversation list: one agency, filtered, by lane (emergencies, then "check now",
 * then the rest: src/db/schema.ts `lane`) then newest activity,
 * paged by keyset (a cursor of the last row's sort key), searchable by substring over every
 * message's text (Japanese needs no word boundaries: 「ゴミ」 finds 「ゴミ屋敷」). Each row also
 * carries the start of the person's first message (what it is about) and, when searching, the
 * words around the match, so staff see why a conversation was found.
 */
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { conversations } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import { AppError } from '../errors';
import { channelSchema, conversationStatusSchema, riskBandSchema, urgencySchema } from '../contracts';
import { scopeConversations } from '../policies/conversation';
import { recordAudit } from '../audit/record';
import { presentConversation, type ConversationView } from '../presenters/conversation';

export const PAGE_SIZE = 50;

export const listQuery = z
  .object({
    status: conversationStatusSchema.optional(),
    urgency: urgencySchema.optional(),
    category: z.string().regex(/^[a-z0-9]+$/).optional(),
    channel: channelSchema.optional(),
    assignee: z.union([z.enum(['me', 'none']), z.uuid()]).optional(),
    /** A team's id, or `mine`: the teams I belong to. */
    team: z.union([z.literal('mine'), z.uuid()]).optional(),
    anonymous: z.enum(['true', 'false']).optional(),
    /** One lane: `crisis` (emergencies), `check` ("check now"), `clear` (the rest). */
    risk: riskBandSchema.optional(),
    q: z.string().trim().max(100).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuery>;

/** The stored lane numbers (generated column `lane`). */
export const LANE = { crisis: 2, check: 1, clear: 0 } as const;

// What `::text` of a timestamptz looks like: 2026-12-05 03:33:43.123456+00
const SORT_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** A real calendar time (Postgres refuses 2026-02-30 or 25:00, which would be a 500, not a 400). */
function isSortTime(t: string): boolean {
  const m = SORT_TIME.exec(t);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60 && sec < 60;
}

/** The sort key of the last row shown: lane, last activity (Postgres text, microseconds kept), id. */
const cursorSchema = z.object({
  l: z.union(Object.values(LANE).map((n) => z.literal(n))),
  t: z.string().refine(isSortTime),
  i: z.uuid(),
});
type Cursor = z.infer<typeof cursorSchema>;

const encodeCursor = (c: { l: number; t: string; i: string }) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(s: string): Cursor {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    /* fall through */
  }
  throw new AppError('invalid_query', 'cursor');
}

/**
 * A conversation exists for staff from the person's first message: a widget opened and left
 * empty is nobody's work (not listed, not counted in the shift view).
 */
export const hasInbound = sql`exists (select 1 from messages m where m.conversation_id = "conversations"."id" and m.direction = 'in')`;

/** `%`, `_` and `\` typed by a counsellor are searched for literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** How much of the first message the list shows, and how much text a search snippet keeps. */
export const FIRST_MESSAGE_CHARS = 80;
export const MATCH_CHARS = 80;
/** How much of the latest message a list item shows. */
const PREVIEW_CHARS = 80;

/**
 * The words around the first case-insensitive occurrence of `q` in `text`, at most `MATCH_CHARS`
 * characters, with … where it was cut. Null when `q` is not in `text`.
 */
export function matchSnippet(text: string, q: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const at = flat.toLocaleLowerCase().indexOf(q.toLocaleLowerCase());
  if (at < 0) return null;
  const chars = [...flat];
  // Index in code points, so a cut never splits a surrogate pair.
  const start = [...flat.slice(0, at)].length;
  const qLen = [...q].length;
  const before = Math.max(0, Math.floor((MATCH_CHARS - qLen) / 3));
  const from = Math.max(0, start - before);
  const to = Math.min(chars.length, from + MATCH_CHARS);
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}

/** Postgres and JavaScript may fold case differently: then the start of the matching message. */
const snippetOf = (text: string, q: string) => matchSnippet(text, q) ?? [...text.replace(/\s+/g, ' ')].slice(0, MATCH_CHARS).join('');

// Correlated subqueries name the outer table explicitly: a bare "id" would mean messages.id.
// The preview is what the person last wrote (the bot's and staff's words are not news).
const previewSql = sql<string | null>`(select m.text from messages m where m.conversation_id = "conversations"."id" and m.direction = 'in' order by m.seq desc limit 1)`;
const firstMessageSql = sql<string | null>`(select left(m.text, ${FIRST_MESSAGE_CHARS}) from messages m where m.conversation_id = "conversations"."id" and m.direction = 'in' order by m.seq asc limit 1)`;

export async function listConversations(db: Db, staff: SessionStaff, query: ListQuery) {
  if (query.q !== undefined && query.q.length > 0 && query.q.length < 2) throw new AppError('invalid_query', 'q: at least 2 characters');
  const where: SQL[] = [scopeConversations(staff), hasInbound];
  if (query.status) where.push(eq(conversations.status, query.status));
  if (query.channel) where.push(eq(conversations.channel, query.channel));
  if (query.urgency) where.push(sql`${conversations.triage} ->> 'urgency' = ${query.urgency}`);
  if (query.category) where.push(sql`${conversations.triage} -> 'categories' @> ${JSON.stringify([query.category])}::jsonb`);
  if (query.anonymous) where.push(eq(conversations.anonymous, query.anonymous === 'true'));
  if (query.risk) where.push(eq(conversations.lane, LANE[query.risk]));
  if (query.assignee === 'me') where.push(eq(conversations.assigneeId, staff.id));
  else if (query.assignee === 'none') where.push(isNull(conversations.assigneeId));
  else if (query.assignee) where.push(eq(conversations.assigneeId, query.assignee));
  if (query.team === 'mine') {
    where.push(sql`${conversations.teamId} in (select tm.team_id from team_members tm where tm.staff_id = ${staff.id})`);
  } else if (query.team) where.push(eq(conversations.teamId, query.team));
  const pattern = query.q ? `%${likeEscape(query.q)}%` : undefined;
  if (pattern) {
    where.push(sql`exists (select 1 from messages m where m.conversation_id = "conversations"."id" and m.text ilike ${pattern})`);
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    where.push(sql`(${conversations.lane}, ${conversations.lastMessageAt}, ${conversations.id}) < (${c.l}, ${c.t}::timestamptz, ${c.i}::uuid)`);
  }
  const limit = query.limit ?? PAGE_SIZE;
  const preview = previewSql;
  const firstMessage = firstMessageSql;
  // Where the search matched: the person's own words first, then the bot's or staff's.
  const matched = pattern
    ? sql<string | null>`(select m.text from messages m where m.conversation_id = "conversations"."id" and m.text ilike ${pattern} order by (m.direction = 'in') desc, m.seq asc limit 1)`
    : sql<null>`null`;
  const found = await db
    // The sort key as Postgres text keeps microseconds (a JS Date would round them away).
    .select({ c: conversations, preview, firstMessage, matched, sortTime: sql<string>`${conversations.lastMessageAt}::text` })
    .from(conversations)
    .where(and(...where))
    .orderBy(desc(conversations.lane), desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit + 1);
  const rows = found.map(({ firstMessage: first, matched: text, ...r }) => ({
    ...r,
    c: { ...r.c, listExtras: { firstMessage: first, ...(query.q ? { match: text ? snippetOf(text, query.q) : null } : {}) } },
  }));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ l: last.c.lane, t: last.sortTime, i: last.c.id }) : null;
  return { rows: page, nextCursor };
}

/**
 * What the list adds to one conversation (its latest and first words from the person), for a
 * conversation looked up alone: a list item that arrived live then reads as a reloaded list does.
 */
export async function listLinesOf(db: Db, conversationId: string): Promise<{ preview: string | null; firstMessage: string | null }> {
  const [row] = await db.select({ preview: previewSql, firstMessage: firstMessageSql }).from(conversations).where(eq(conversations.id, conversationId));
  return { preview: row?.preview?.slice(0, PREVIEW_CHARS) ?? null, firstMessage: row?.firstMessage ?? null };
}

/**
 * The list (or search) as staff see it, audited: one row per page shown, naming every
 * conversation whose preview was on it (subjectId: how many). The search words are not kept:
 * they can be a name or a consultation's own words.
 */
export async function readConversationList(db: Db, reader: SessionStaff, query: ListQuery): Promise<{ conversations: ConversationView[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await listConversations(db, reader, query);
  await recordAudit(db, {
    agencyId: reader.agencyId,
    actorId: reader.id,
    action: query.q ? 'conversations.search' : 'conversations.list',
    subjectType: 'conversation_list',
    subjectId: String(rows.length),
    conversationIds: rows.map((r) => r.c.id),
  });
  return { conversations: rows.map((r) => presentConversation(r.c, r.preview?.slice(0, PREVIEW_CHARS) ?? null)), nextCursor };
}
