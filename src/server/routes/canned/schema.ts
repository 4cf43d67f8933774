import { z } from 'zod';
import { cannedReplyView } from '../../../contracts';

export const cannedBody = z.object({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) }).strict();
export type CannedBody = z.infer<typeof cannedBody>;

export const listCannedResponse = z.object({ cannedReplies: z.array(cannedReplyView) });
export const cannedResponse = z.object({ cannedReply: cannedReplyView });
