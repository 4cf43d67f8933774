import { z } from 'zod';
import { auditEntryView } from '../../../contracts';

export const auditQuery = z.object({ conversationId: z.uuid().optional() }).strict();

export const listAuditResponse = z.object({ entries: z.array(auditEntryView) });
