/**
 * Every conversation and every staff account belongs to an agency. Until the inbox work adds
 * more, everything lands in the default intake agency (総合相談窓口), created on first use.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies } from '../db/schema';

export const DEFAULT_AGENCY_CODE = 'intake';

export async function ensureDefaultAgency(db: Db): Promise<{ id: string; code: string }> {
  await db.insert(agencies).values({ code: DEFAULT_AGENCY_CODE, name: '福祉の総合相談窓口', field: 'general' }).onConflictDoNothing();
  const [row] = await db.select({ id: agencies.id, code: agencies.code }).from(agencies).where(eq(agencies.code, DEFAULT_AGENCY_CODE));
  return row;
}
