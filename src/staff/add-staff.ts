/**
 * Creates a staff account (used by the CLI). The email is unique regardless of case; the
 * password must be hard to guess (src/auth/password-strength.ts).
 */
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { agencies, staff } from '../db/schema';
import { hashPassword } from '../auth/password';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/password-strength';
import { AppError } from '../errors';

export const STAFF_ROLES = staff.role.enumValues;

export const passwordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);

export const addStaffInput = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1).max(100),
    password: passwordField,
    role: z.enum(STAFF_ROLES),
    agencyCode: z.string().min(1),
  })
  .strict();
export type AddStaffInput = z.infer<typeof addStaffInput>;

/** Throws `invalid_body` naming the password's problem, if it has one. */
export function requireStrongPassword(password: string, userInputs: string[]): void {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw new AppError('invalid_body', `password: ${problem}`);
}

export async function addStaff(db: Db, input: AddStaffInput) {
  requireStrongPassword(input.password, [input.email, input.name]);
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
