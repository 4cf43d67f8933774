import { z } from 'zod';
import { alertView } from '../../../contracts';

export { alertView };

export const listAlertsQuery = z.object({ state: z.enum(['open', 'all']).default('open') }).strict();

export const listAlertsResponse = z.object({ alerts: z.array(alertView) });
export const alertResponse = z.object({ alert: alertView });
