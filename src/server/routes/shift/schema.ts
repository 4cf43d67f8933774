import { shiftView } from '../../../contracts';

export const shiftResponse = shiftView;
