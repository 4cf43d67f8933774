/** Pure rules for what the inbox lists and in which order; the hooks apply them to live state. */
import type { Conversation, ListFilters, StaffMessage } from './api.js';

export const time = (iso: string | null | undefined) => {
  const t = Date.parse(iso ?? '');
  return Number.isNaN(t) ? 0 : t;
};

const isEmergency = (c: Conversation) => c.triage?.urgency === 'emergency';

/** Emergencies pinned on top, then newest activity first. */
export function sortConversations(list: Conversation[]): Conversation[] {
  return [...list].sort(
    (a, b) =>
      Number(isEmergency(b)) - Number(isEmergency(a)) ||
      time(b.lastMessageAt) - time(a.lastMessageAt) ||
      (a.id < b.id ? -1 : 1),
  );
}

/** Delivery only moves forward (a retry goes failed → sent): a late event cannot turn it back. */
const deliveryRank: Record<string, number> = { pending: 0, sending: 1, failed: 2, unclear: 2, sent: 3 };
const rank = (m: StaffMessage) => deliveryRank[m.deliveryState ?? ''] ?? -1;

/** Merge by id (a later copy replaces an earlier one, e.g. a new deliveryState); oldest first. */
export function mergeMessages(current: StaffMessage[], incoming: StaffMessage[]): StaffMessage[] {
  const byId = new Map<string, StaffMessage>();
  const order = new Map<string, number>();
  let i = 0;
  for (const m of [...current, ...incoming]) {
    if (!order.has(m.id)) order.set(m.id, i++);
    const known = byId.get(m.id);
    byId.set(m.id, known && rank(known) > rank(m) ? { ...m, deliveryState: known.deliveryState, deliveryError: known.deliveryError, deliveryErrorText: known.deliveryErrorText } : m);
  }
  return [...byId.values()].sort(
    (a, b) => time(a.createdAt) - time(b.createdAt) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}

/**
 * Whether `incoming` is at least as new as `known`, by the version every change raises. Live events
 * come from several processes (the API, the workers) and can cross on the way, and a page loaded
 * from the server can be older than an event that arrived while it loaded: an older view must not
 * overwrite a newer one (a triage result turned back to the view from before triage). Without a
 * version on either side (an older server), the incoming view wins, as it always did.
 */
export function isCurrent(incoming: Conversation, known: Conversation | undefined): boolean {
  return known?.version === undefined || incoming.version === undefined || incoming.version >= known.version;
}

/** Merge conversations by id (the newer view wins; incoming at equal versions), keeping every one once. */
export function mergeConversations(current: Conversation[], incoming: Conversation[]): Conversation[] {
  const byId = new Map<string, Conversation>();
  for (const c of current) byId.set(c.id, c);
  for (const c of incoming) if (isCurrent(c, byId.get(c.id))) byId.set(c.id, c);
  return sortConversations([...byId.values()]);
}

/** Whether a conversation belongs in the list under these filters (the search is the server's to judge). */
export function matchesFilters(c: Conversation, f: ListFilters, meId: string): boolean {
  if (f.status && c.status !== f.status) return false;
  if (f.urgency && c.triage?.urgency !== f.urgency) return false;
  if (f.category && !(c.triage?.categories ?? []).includes(f.category)) return false;
  if (f.channel && c.channel !== f.channel) return false;
  if (f.assignee === 'me' && c.assignee !== meId) return false;
  if (f.assignee === 'none' && c.assignee) return false;
  if (f.assignee && f.assignee !== 'me' && f.assignee !== 'none' && c.assignee !== f.assignee) return false;
  if (f.anonymous && !c.anonymous) return false;
  return true;
}

/** A search of two characters or more: only the server knows what matches. */
export const searching = (f: ListFilters) => (f.q?.trim().length ?? 0) >= 2;
