import { z } from 'zod';
import { staffView } from '../../../contracts';

export const loginBody = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) }).strict();
export type LoginBody = z.infer<typeof loginBody>;

export const meResponse = z.object({ staff: staffView });
