import { z } from 'zod';
import { cannedReplyView } from '../../../contracts';

export const cannedBody = z.object({ title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(5000) }).strict();
export type CannedBody = z.infer<typeof cannedBody>;
/** Only the agency's own can be changed: a starter's `starter:<id>` is not a uuid and reads as absent. */
export const cannedParams = z.object({ id: z.uuid() });

export const listCannedResponse = z.object({ cannedReplies: z.array(cannedReplyView) });
export const cannedResponse = z.object({ cannedReply: cannedReplyView });
