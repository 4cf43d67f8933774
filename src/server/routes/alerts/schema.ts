import { z } from 'zod';
import { alertView } from '../../../contracts';

export { alertView };

/** `/:id`: an alert's id (anything else names nothing: 404). */
export const alertParams = z.object({ id: z.uuid() });

export const listAlertsQuery = z.object({ state: z.enum(['open', 'all']).default('open') }).strict();

export const listAlertsResponse = z.object({ alerts: z.array(alertView) });
export const alertResponse = z.object({ alert: alertView });
