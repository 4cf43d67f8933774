/** Colleagues of the viewer's agency by name, each marked online when their inbox is open. */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { staff } from '../db/schema';
import type { SessionStaff } from '../auth/sessions';
import type { ColleagueView } from '../contracts';
import { scopeColleagues } from '../policies/staff';

export async function listColleagues(db: DbOrTx, viewer: SessionStaff, online: Set<string>): Promise<ColleagueView[]> {
  const rows = await db.select({ id: staff.id, name: staff.name, role: staff.role }).from(staff).where(scopeColleagues(viewer)).orderBy(asc(staff.name));
  return rows.map((s) => ({ ...s, online: online.has(s.id) }));
}
