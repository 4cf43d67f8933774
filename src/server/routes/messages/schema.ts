import { z } from 'zod';

/** `/:id`: a message's id (anything else names nothing: 404). */
export const messageParams = z.object({ id: z.uuid() });
