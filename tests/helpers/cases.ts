/**
 * Factories for case tests: a second agency with a logged-in counsellor, and conversations with
 * the person's messages and consent written straight to the database (the front door is tested
 * elsewhere; here what matters is what a case shares).
 */
import { randomBytes } from 'node:crypto';
import { contacts, conversations, messages } from '../../src/db/schema';
import { saveAgency } from '../../src/agencies/directory';
import { presentConversation } from '../../src/presenters/conversation';
import { presentForStaff } from '../../src/presenters/message';
import { addStaff } from '../../src/staff/add-staff';
import { recordConsent, type ConsentAnswer } from '../../src/consent/record';
import type { AgencyField } from '../../src/contracts';
import { login, staffFetch, type TestApp } from './app';

export interface OtherAgency {
  id: string;
  code: string;
  name: string;
  /** The app as seen by a counsellor of that agency. */
  as: TestApp;
  staffId: string;
  email: string;
  password: string;
}

export async function addAgencyWithCounsellor(app: TestApp, field: AgencyField, name: string, role: 'counsellor' | 'admin' = 'counsellor'): Promise<OtherAgency> {
  const code = `a${randomBytes(4).toString('hex')}`;
  const agency = await saveAgency(app.runtime.ctx.db, { code, name, field, coverageArea: [], coordinating: false, phone: '0120-000-000' });
  const email = `${code}@example.jp`;
  const password = 'agency staff long password';
  const staff = await addStaff(app.runtime.ctx.db, { email, name: `${name} 職員`, password, role, agencyCode: code });
  return { id: agency.id, code, name, as: { ...app, staffCookie: await login(app.url, email, password), staffId: staff.id }, staffId: staff.id, email, password };
}

export interface SeededConversation {
  id: string;
  messageIds: string[];
}

/** A conversation of the default agency with inbound messages and, optionally, a share answer. */
export async function seedConversation(
  app: TestApp,
  opts: { texts: string[]; subject?: 'self' | 'family' | 'neighbour'; anonymous?: boolean; share?: ConsentAnswer; agencyId?: string },
): Promise<SeededConversation> {
  const db = app.runtime.ctx.db;
  const agencyId = opts.agencyId ?? (await defaultAgencyId(app));
  const [contact] = await db.insert(contacts).values({ agencyId, channel: 'widget', externalId: `w-${randomBytes(8).toString('hex')}` }).returning();
  const [conv] = await db
    .insert(conversations)
    .values({ agencyId, contactId: contact.id, channel: 'widget', subject: opts.subject ?? 'self', anonymous: opts.anonymous ?? false, triage: triageOf(['elderly', 'hikikomori']) })
    .returning();
  const rows: (typeof messages.$inferSelect)[] = [];
  for (const [i, text] of opts.texts.entries()) {
    const [m] = await db
      .insert(messages)
            // Already through triage and the front door: the workers leave them alone (no bot replies).
      .values({ conversationId: conv.id, agencyId, channel: 'widget', direction: 'in', authorType: 'person', text, externalId: `${conv.id}:${i}`, createdAt: new Date(Date.now() - (opts.texts.length - i) * 1000), triagedAt: new Date(), dialoguedAt: new Date() })
      .returning();
    rows.push(m);
  }
  if (opts.share) await recordConsent(db, { conversationId: conv.id, agencyId, scope: 'share', answer: opts.share, channel: 'widget', by: 'person' });
  // As intake would: open inboxes learn of it live, the messages with the conversation.
  const last = rows.at(-1);
  if (last) app.runtime.ctx.publisher.messagesCreated(agencyId, conv.id, rows.map((r) => presentForStaff(r)), { conversation: presentConversation(conv, last.text.slice(0, 80)) });
  else app.runtime.ctx.publisher.conversationUpdated(presentConversation(conv));
  return { id: conv.id, messageIds: rows.map((r) => r.id) };
}

const triageOf = (categories: string[]) =>
  ({ categories, urgency: 'normal', reporter: 'self', reasons: [] }) as NonNullable<(typeof conversations.$inferInsert)['triage']>;

export async function defaultAgencyId(app: TestApp): Promise<string> {
  const me = await (await staffFetch(app, '/api/auth/me')).json();
  return me.staff.agencyId;
}

export async function json(res: Response): Promise<any> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const post = (app: TestApp, path: string, body: unknown) => staffFetch(app, path, { method: 'POST', body: JSON.stringify(body) });
