import { z } from 'zod';
import { teamView } from '../../../contracts';

export const listTeamsResponse = z.object({ teams: z.array(teamView) });
