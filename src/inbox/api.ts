/**
 * Why it stays whole (over 300 lines): one function per endpoint and their payload types, each a
 * few lines, read as one list. Typed, same-origin (cookie) fetch wrapper for the staff API.
 */
import { ApiError } from '../contracts/api-error.js';

export type Role = 'counsellor' | 'supervisor' | 'admin';

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role | string;
  agencyId: string;
}

export interface Colleague {
  id: string;
  name: string;
  role: Role | string;
  online: boolean;
}

export type Channel = 'line' | 'widget';
export type ConversationStatus = 'new' | 'open' | 'waiting' | 'closed';
export type Urgency = 'emergency' | 'high' | 'normal' | 'low';
export type Subject = 'self' | 'family' | 'neighbour';

export interface Triage {
  categories: string[];
  urgency: Urgency;
  reporter: string;
  reasons: string[];
}

export interface Team {
  id: string;
  name: string;
  members: string[];
}

export interface Conversation {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  agencyId?: string;
  assignee?: string | null;
  /** The team the conversation is with (see api.teams()). */
  team?: string | null;
  lastMessageAt: string;
  unread: number;
  preview?: string | null;
  /** The list and api.conversation(): the start of the person's first message (absent in socket events: keep the known one). */
  firstMessage?: string | null;
  /** A search only: the words around where it matched. */
  match?: string | null;
  triage?: Triage | null;
  subject?: Subject | null;
  anonymous?: boolean;
  frontDoor?: string;
  /** Raised by every change: of two views of one conversation, the higher version is the newer (ordering.ts `isCurrent`). */
  version?: number;
}

export interface Author {
  type: 'person' | 'bot' | 'staff';
  staffId?: string;
  name?: string;
}

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'unclear';

export interface StaffMessage {
  id: string;
  direction: 'in' | 'out';
  kind?: string;
  text: string;
  createdAt: string;
  author: Author;
  deliveryState?: DeliveryState | null;
  deliveryError?: string | null;
  /** What the code means, for staff, from the server's error table. */
  deliveryErrorText?: { ja: string; en: string } | null;
  buttons?: { label: string; data: string }[];
}

export interface Note {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export type ConsentScope = 'contact' | 'share';
export type ConsentAnswer = 'yes' | 'no' | 'later' | 'withdrawn';

export interface Consent {
  scope: ConsentScope;
  answer: ConsentAnswer;
  textVersion: string;
  channel: string;
  by: 'person' | 'staff';
  at: string;
}

export interface Alert {
  id: string;
  conversationId: string;
  urgency: Urgency;
  reasons: string[];
  createdAt: string;
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
  escalatedAt?: string | null;
  /** Whether the on-call targets have the notice (src/contracts/alert.ts). */
  escalation?: { reachedAt: string | null; failures: number; lastFailedAt: string | null; lastError: string | null };
}

/** Escalated, refused by its targets and accepted by none: the on-call staff do not know. */
export const escalationUnreached = (a: Alert): boolean => Boolean(a.escalatedAt && a.escalation && a.escalation.failures > 0 && !a.escalation.reachedAt);

export interface CannedReply {
  id: string;
  title: string;
  text: string;
  /** From the municipality file: read-only here. */
  starter?: boolean;
}

export interface ShiftOverview {
  counsellors: { id: string; name: string; role: string; online: boolean; open: number; oldestUnansweredAt: string | null }[];
  unacknowledgedAlerts: number;
  unassigned: number;
}

export interface AuditEntry {
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  at: string;
}

export interface ListFilters {
  status?: ConversationStatus | '';
  urgency?: Urgency | '';
  category?: string;
  channel?: Channel | '';
  /** `me`, `none` or a colleague's id. */
  assignee?: string;
  anonymous?: boolean;
  q?: string;
}

export { ApiError };

let onUnauthorized: (() => void) | undefined;

/** Called when an authenticated request answers 401 (session expired or logged out elsewhere). */
export function setUnauthorizedHandler(fn: (() => void) | undefined): void {
  onUnauthorized = fn;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, opts: { authCheck?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const hasBody = method === 'POST' || method === 'PATCH';
  if (hasBody) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: hasBody ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  let data: unknown;
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try {
      data = await res.json();
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    const error = new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText);
    if (res.status === 401 && opts.authCheck !== false) onUnauthorized?.();
    throw error;
  }
  return data as T;
}

const enc = encodeURIComponent;
const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

/** The query string of the list for these filters (search only from 2 characters). */
export function listQueryString(f: ListFilters, cursor?: string | null): string {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.urgency) p.set('urgency', f.urgency);
  if (f.category) p.set('category', f.category);
  if (f.channel) p.set('channel', f.channel);
  if (f.assignee) p.set('assignee', f.assignee);
  if (f.anonymous) p.set('anonymous', 'true');
  const q = f.q?.trim();
  if (q && q.length >= 2) p.set('q', q);
  if (cursor) p.set('cursor', cursor);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const api = {
  async login(email: string, password: string): Promise<Staff> {
    const r = await request<{ staff: Staff }>('POST', '/api/auth/login', { email, password }, { authCheck: false });
    return r.staff;
  },
  async logout(): Promise<void> {
    await request<unknown>('POST', '/api/auth/logout', {}, { authCheck: false });
  },
  /** The signed-in staff member, or undefined when not signed in. */
  async me(): Promise<Staff | undefined> {
    try {
      const r = await request<{ staff: Staff }>('GET', '/api/auth/me', undefined, { authCheck: false });
      return r.staff;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return undefined;
      throw err;
    }
  },
  async staff(): Promise<Colleague[]> {
    return arr((await request<{ staff: Colleague[] }>('GET', '/api/staff'))?.staff);
  },
  async conversations(filters: ListFilters = {}, cursor?: string | null): Promise<{ conversations: Conversation[]; nextCursor: string | null }> {
    const r = await request<{ conversations: Conversation[]; nextCursor?: string | null }>(
      'GET',
      `/api/conversations${listQueryString(filters, cursor)}`,
    );
    return { conversations: arr(r?.conversations), nextCursor: r?.nextCursor ?? null };
  },
  async conversation(id: string): Promise<Conversation> {
    return (await request<{ conversation: Conversation }>('GET', `/api/conversations/${enc(id)}`)).conversation;
  },
  async messages(conversationId: string): Promise<StaffMessage[]> {
    const r = await request<{ messages: StaffMessage[] }>('GET', `/api/conversations/${enc(conversationId)}/messages`);
    return arr(r?.messages);
  },
  async reply(conversationId: string, text: string): Promise<{ messageId: string }> {
    return request<{ messageId: string }>('POST', `/api/conversations/${enc(conversationId)}/replies`, { text });
  },
  /** The open conversation's new messages were seen live: the server's unread count goes to 0. */
  async markRead(conversationId: string): Promise<void> {
    await request<unknown>('POST', `/api/conversations/${enc(conversationId)}/read`);
  },
  async retry(messageId: string): Promise<void> {
    await request<unknown>('POST', `/api/messages/${enc(messageId)}/retry`);
  },
  async assign(conversationId: string, staffId: string | null): Promise<Conversation> {
    return (await request<{ conversation: Conversation }>('POST', `/api/conversations/${enc(conversationId)}/assign`, { staffId })).conversation;
  },
  async assignTeam(conversationId: string, teamId: string | null): Promise<Conversation> {
    return (await request<{ conversation: Conversation }>('POST', `/api/conversations/${enc(conversationId)}/assign`, { teamId })).conversation;
  },
  async teams(): Promise<Team[]> {
    return arr((await request<{ teams: Team[] }>('GET', '/api/teams'))?.teams);
  },
  async bulkAssign(conversationIds: string[], staffId: string | null): Promise<Conversation[]> {
    return arr((await request<{ conversations: Conversation[] }>('POST', '/api/conversations/bulk-assign', { conversationIds, staffId }))?.conversations);
  },
  async update(conversationId: string, body: { status?: ConversationStatus; urgency?: Urgency; categories?: string[] }): Promise<Conversation> {
    return (await request<{ conversation: Conversation }>('PATCH', `/api/conversations/${enc(conversationId)}`, body)).conversation;
  },
  async notes(conversationId: string): Promise<Note[]> {
    return arr((await request<{ notes: Note[] }>('GET', `/api/conversations/${enc(conversationId)}/notes`))?.notes);
  },
  async addNote(conversationId: string, text: string): Promise<Note> {
    return (await request<{ note: Note }>('POST', `/api/conversations/${enc(conversationId)}/notes`, { text })).note;
  },
  async consents(conversationId: string): Promise<Consent[]> {
    return arr((await request<{ consents: Consent[] }>('GET', `/api/conversations/${enc(conversationId)}/consents`))?.consents);
  },
  async recordConsent(conversationId: string, scope: ConsentScope, answer: ConsentAnswer): Promise<void> {
    await request<unknown>('POST', `/api/conversations/${enc(conversationId)}/consents`, { scope, answer });
  },
  async alerts(state: 'open' | 'all' = 'open'): Promise<Alert[]> {
    return arr((await request<{ alerts: Alert[] }>('GET', `/api/alerts?state=${state}`))?.alerts);
  },
  async ackAlert(id: string): Promise<Alert> {
    return (await request<{ alert: Alert }>('POST', `/api/alerts/${enc(id)}/ack`)).alert;
  },
  async cannedReplies(): Promise<CannedReply[]> {
    return arr((await request<{ cannedReplies: CannedReply[] }>('GET', '/api/canned-replies'))?.cannedReplies);
  },
  async addCannedReply(title: string, text: string): Promise<CannedReply> {
    return (await request<{ cannedReply: CannedReply }>('POST', '/api/canned-replies', { title, text })).cannedReply;
  },
  async editCannedReply(id: string, title: string, text: string): Promise<CannedReply> {
    return (await request<{ cannedReply: CannedReply }>('PATCH', `/api/canned-replies/${enc(id)}`, { title, text })).cannedReply;
  },
  async deleteCannedReply(id: string): Promise<void> {
    await request<void>('DELETE', `/api/canned-replies/${enc(id)}`);
  },
  async shift(): Promise<ShiftOverview> {
    const r = await request<ShiftOverview>('GET', '/api/shift');
    return { counsellors: arr(r?.counsellors), unacknowledgedAlerts: r?.unacknowledgedAlerts ?? 0, unassigned: r?.unassigned ?? 0 };
  },
  async audit(conversationId: string): Promise<AuditEntry[]> {
    return arr((await request<{ entries: AuditEntry[] }>('GET', `/api/audit?conversationId=${enc(conversationId)}`))?.entries);
  },
};

export const isSupervisorRole = (role: string) => role === 'supervisor' || role === 'admin';

/** The error's message for the screen (the server's `message`, or a fallback). */
export function errorText(err: unknown, fallback: string): string {
  if (err instanceof ApiError && err.status > 0 && err.message) return `${fallback}（${err.message}）`;
  return fallback;
}
