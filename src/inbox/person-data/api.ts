/** The admin's person-data API for the inbox (same-origin cookie requests). */
import { request } from '../api.js';

/** What POST /api/person-data/erase answers (src/server/routes/person-data/schema.ts). */
export interface PersonErasure {
  erased: { agencyId: string; conversationIds: string[]; caseIds: string[]; counts: Record<string, number> }[];
  keptCases: { id: string; agencyId: string }[];
}

export const personDataApi = {
  /** A download link: the server audits the export when it is fetched. */
  exportUrl: (conversationId: string, format: 'json' | 'pdf') => `/api/person-data?conversationId=${encodeURIComponent(conversationId)}&format=${format}`,
  erase: (conversationId: string) => request<PersonErasure>('POST', '/api/person-data/erase', { conversationId, confirm: true }),
};
