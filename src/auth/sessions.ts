/** Staff login sessions stored in the database, so a Redis restart logs nobody out. */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { staff, staffSessions } from '../db/schema';
import { hashToken, newToken } from './tokens';

export interface SessionStaff {
  id: string;
  email: string;
  name: string;
  role: 'counsellor' | 'supervisor' | 'admin';
  agencyId: string;
}

export async function createSession(db: Db, staffId: string, ttlHours: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3600 * 1000);
  await db.insert(staffSessions).values({ tokenHash: hashToken(token), staffId, expiresAt });
  return { token, expiresAt };
}

export async function findSessionStaff(db: Db, token: string): Promise<SessionStaff | null> {
  const [row] = await db
    .select({ id: staff.id, email: staff.email, name: staff.name, role: staff.role, agencyId: staff.agencyId })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, hashToken(token)), gt(staffSessions.expiresAt, new Date())));
  return row ?? null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
}
