/** What a message looks like to the person (widget) and to staff; fields not listed never leave. */
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { messages, staff } from '../db/schema';
import type { StaffMessageView, WidgetMessageView } from '../contracts';
import { deliveryErrorText } from '../errors';

export type { StaffMessageView, WidgetMessageView };

type MessageRow = typeof messages.$inferSelect;


export function presentForWidget(m: MessageRow): WidgetMessageView {
  const view: WidgetMessageView = { id: m.id, direction: m.direction, text: m.text, createdAt: m.createdAt.toISOString(), author: m.authorType };
  if (m.payload?.buttons?.length) view.buttons = m.payload.buttons;
  return view;
}

export function presentForStaff(m: MessageRow, staffNames: Map<string, string> = new Map()): StaffMessageView {
  const author: StaffMessageView['author'] = { type: m.authorType };
  if (m.authorType === 'staff' && m.authorStaffId) {
    author.staffId = m.authorStaffId;
    const name = staffNames.get(m.authorStaffId);
    if (name) author.name = name;
  }
  const view: StaffMessageView = { ...presentForWidget(m), kind: m.kind, author };
  if (m.payload?.postback) view.kind = 'postback';
  if (m.direction === 'out') {
    view.deliveryState = m.deliveryState;
    view.deliveryError = m.deliveryError;
    view.deliveryErrorText = m.deliveryError ? deliveryErrorText(m.deliveryError) : null;
  }
  return view;
}

/** Staff views of messages, with the names of the staff who wrote them (one query at most). */
export async function presentManyForStaff(db: DbOrTx, rows: MessageRow[]): Promise<StaffMessageView[]> {
  const ids = [...new Set(rows.map((m) => m.authorStaffId).filter((x): x is string => Boolean(x)))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const s of await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, ids))) names.set(s.id, s.name);
  }
  return rows.map((m) => presentForStaff(m, names));
}

/**
 * The staff author's name, read with the message (a scalar subquery on `messages`, e.g. in a
 * `returning`), so that `presentNamedForStaff` needs no query of its own.
 */
export const authorName = sql<string | null>`(select ${staff.name} from ${staff} where ${eq(staff.id, messages.authorStaffId)})`;

/** `presentForStaff` of a message read with its `authorName`. */
export function presentNamedForStaff({ authorName: name, ...m }: MessageRow & { authorName: string | null }): StaffMessageView {
  return presentForStaff(m, new Map(name && m.authorStaffId ? [[m.authorStaffId, name]] : []));
}
