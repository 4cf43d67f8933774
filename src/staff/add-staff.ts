/** Creates a staff account (used by the CLI). The email is unique regardless of case. */
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, staff } from '../db/schema';
import { hashPassword } from '../auth/password';
import { AppError } from '../errors';

export const addStaffInput = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1).max(100),
    password: z.string().min(10, 'password must be at least 10 characters').max(200),
    role: z.enum(['counsellor', 'supervisor', 'admin']),
    agencyCode: z.string().min(1),
  })
  .strict();
export type AddStaffInput = z.infer<typeof addStaffInput>;

export async function addStaff(db: Db, input: AddStaffInput) {
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, input.agencyCode));
  if (!agency) throw new AppError('not_found', `agency ${input.agencyCode}`);
  const [existing] = await db.select({ id: staff.id }).from(staff).where(sql`lower(${staff.email}) = lower(${input.email})`);
  if (existing) throw new AppError('conflict', `staff ${input.email}`);
  const [row] = await db
    .insert(staff)
    .values({ agencyId: agency.id, email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash: await hashPassword(input.password) })
    .returning({ id: staff.id, email: staff.email, name: staff.name, role: staff.role, agencyId: staff.agencyId });
  return row;
}
