/**
 * Account changes an administrator makes from the CLI: disable or enable an account, set a new
 * password. Disabling and a new password end every session of the account (the caller then cuts
 * its live sockets). Each change is written to the audit log in the same transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { staff } from '../db/schema';
import { hashPassword } from '../auth/password';
import { deleteStaffSessions } from '../auth/sessions';
import { recordAudit } from '../audit/record';
import { AppError } from '../errors';
import { requireStrongPassword } from './add-staff';

export interface AccountChange {
  staff: { id: string; email: string; disabled: boolean };
  sessionsEnded: number;
}

async function findByEmail(db: Db, email: string) {
  const [row] = await db.select().from(staff).where(sql`lower(${staff.email}) = lower(${email})`);
  if (!row) throw new AppError('not_found', `staff ${email}`);
  return row;
}

export async function setStaffDisabled(db: Db, email: string, disabled: boolean): Promise<AccountChange> {
  const row = await findByEmail(db, email);
  return db.transaction(async (tx) => {
    await tx.update(staff).set({ disabledAt: disabled ? new Date() : null }).where(eq(staff.id, row.id));
    const sessionsEnded = disabled ? await deleteStaffSessions(tx, row.id) : 0;
    await recordAudit(tx, { agencyId: row.agencyId, actorId: null, action: disabled ? 'staff.disable' : 'staff.enable', subjectType: 'staff', subjectId: row.id });
    return { staff: { id: row.id, email: row.email, disabled }, sessionsEnded };
  });
}

export async function setStaffPassword(db: Db, email: string, password: string): Promise<AccountChange> {
  const row = await findByEmail(db, email);
  requireStrongPassword(password, [row.email, row.name]);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.update(staff).set({ passwordHash }).where(eq(staff.id, row.id));
    const sessionsEnded = await deleteStaffSessions(tx, row.id);
    await recordAudit(tx, { agencyId: row.agencyId, actorId: null, action: 'staff.password_reset', subjectType: 'staff', subjectId: row.id });
    return { staff: { id: row.id, email: row.email, disabled: row.disabledAt !== null }, sessionsEnded };
  });
}
