/** Adds a partner agency (支援関係機関) or desk; staff and conversations belong to one. */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies } from '../db/schema';
import { AppError } from '../errors';

export const addAgencyInput = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, 'code: 2–40 lowercase letters, digits, - or _'),
    name: z.string().trim().min(1).max(200),
  })
  .strict();
export type AddAgencyInput = z.infer<typeof addAgencyInput>;

export async function addAgency(db: Db, input: AddAgencyInput) {
  const [existing] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.code));
  if (existing) throw new AppError('conflict', `agency ${input.code}`);
  const [row] = await db.insert(agencies).values(input).returning({ id: agencies.id, code: agencies.code, name: agencies.name });
  return row;
}

export async function findAgencyByCode(db: Db, code: string) {
  const [row] = await db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).where(eq(agencies.code, code));
  return row ?? null;
}
