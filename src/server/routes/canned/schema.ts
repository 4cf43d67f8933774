import { z } from 'zod';

export const cannedBody = z.object({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) }).strict();
export type CannedBody = z.infer<typeof cannedBody>;
