import { z } from 'zod';
import { colleagueView } from '../../../contracts';

export const listColleaguesResponse = z.object({ staff: z.array(colleagueView) });
