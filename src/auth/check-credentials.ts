/**
 * Checks an email and password against the staff accounts. A disabled account is treated exactly
 * like an unknown one, and an unknown email is verified against a dummy hash so the time taken
 * does not tell whether the account exists.
 */
import { and, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { staff } from '../db/schema';
import { hashPassword, verifyPassword } from './password';
import type { SessionStaff } from './sessions';

const dummyHash = hashPassword('timing-equaliser-not-a-password');

/** The account when both match, else null. */
export async function checkCredentials(db: DbOrTx, email: string, password: string): Promise<SessionStaff | null> {
  const [row] = await db
    .select()
    .from(staff)
    .where(and(sql`lower(${staff.email}) = lower(${email})`, isNull(staff.disabledAt)));
  const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash), password);
  if (!row || !ok) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, agencyId: row.agencyId };
}
