/**
 * Staff login sessions stored in the database, so a Redis restart logs nobody out. A session is
 * valid while it has not expired and its account is not disabled; ending one also has to cut the
 * live sockets it opened (src/auth/end-sessions.ts).
 */
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { staff, staffSessions } from '../db/schema';
import { hashToken, newToken } from './tokens';

export type StaffRole = (typeof staff.role.enumValues)[number];

export interface SessionStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  agencyId: string;
}

export interface StaffSession {
  staff: SessionStaff;
  /** SHA-256 of the token: names the session (and its sockets' room) without being the secret. */
  sessionId: string;
  expiresAt: Date;
}

export async function createSession(db: Db, staffId: string, ttlHours: number): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(Date.now() + ttlHours * 3600 * 1000);
  await db.insert(staffSessions).values({ tokenHash: sessionId, staffId, expiresAt });
  return { token, sessionId, expiresAt };
}

const live = () => and(gt(staffSessions.expiresAt, new Date()), isNull(staff.disabledAt));

export async function findSession(db: Db, token: string): Promise<StaffSession | null> {
  const sessionId = hashToken(token);
  const [row] = await db
    .select({ id: staff.id, email: staff.email, name: staff.name, role: staff.role, agencyId: staff.agencyId, expiresAt: staffSessions.expiresAt })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, sessionId), live()));
  if (!row) return null;
  const { expiresAt, ...s } = row;
  return { staff: s, sessionId, expiresAt };
}

export const findSessionStaff = async (db: Db, token: string) => (await findSession(db, token))?.staff ?? null;

/** Of these session ids, the ones still valid (not expired, not deleted, account enabled). */
export async function liveSessionIds(db: Db, sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: staffSessions.tokenHash })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(inArray(staffSessions.tokenHash, sessionIds), live()));
  return new Set(rows.map((r) => r.id));
}

/** Deletes one session; returns its id (for cutting its sockets). */
export async function deleteSession(db: Db, token: string): Promise<string> {
  const sessionId = hashToken(token);
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, sessionId));
  return sessionId;
}

/** Deletes every session of a staff member (disabled account, new password). */
export async function deleteStaffSessions(db: DbOrTx, staffId: string): Promise<number> {
  const rows = await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId)).returning({ id: staffSessions.tokenHash });
  return rows.length;
}
