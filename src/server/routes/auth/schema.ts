import { z } from 'zod';

export const loginBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }).strict();
export type LoginBody = z.infer<typeof loginBody>;

export const staffView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['counsellor', 'supervisor', 'admin', 'operator']),
  agencyId: z.uuid(),
});
export const meResponse = z.object({ staff: staffView });
