/** The case API for the inbox (same-origin cookie requests; types from the shared contract). */
import { request } from '../api.js';
import type { AgencyView, CaseDetailView, CaseStage, CaseView, FollowUpView, ReferralView } from '../../contracts/index.js';

export type { AgencyView, CaseDetailView, CaseStage, CaseView, FollowUpView, ReferralView };

export const casesApi = {
  list: async (stage?: CaseStage) => (await request<{ cases: CaseView[] }>('GET', `/api/cases${stage ? `?stage=${stage}` : ''}`)).cases,
  ofConversation: async (conversationId: string) => (await request<{ cases: CaseView[] }>('GET', `/api/cases?conversationId=${encodeURIComponent(conversationId)}`)).cases,
  get: async (id: string) => (await request<{ case: CaseDetailView }>('GET', `/api/cases/${encodeURIComponent(id)}`)).case,
  open: async (conversationId: string) => (await request<{ case: CaseView }>('POST', '/api/cases', { conversationIds: [conversationId] })).case,
  move: async (id: string, to: CaseStage, reason?: string) =>
    (await request<{ case: CaseDetailView }>('POST', `/api/cases/${encodeURIComponent(id)}/transitions`, { to, ...(reason ? { reason } : {}) })).case,
  refer: async (id: string, body: { toAgency: string; summary: string; quotes: string[] }) =>
    (await request<{ referral: ReferralView }>('POST', `/api/cases/${encodeURIComponent(id)}/referrals`, body)).referral,
  agencies: async (categories: string[] = []) =>
    (await request<{ agencies: AgencyView[] }>('GET', `/api/agencies${categories.length ? `?${categories.map((c) => `category=${encodeURIComponent(c)}`).join('&')}` : ''}`)).agencies,
  referrals: async (direction: 'incoming' | 'outgoing') => (await request<{ referrals: ReferralView[] }>('GET', `/api/referrals?direction=${direction}`)).referrals,
  accept: async (id: string) => (await request<{ referral: ReferralView }>('POST', `/api/referrals/${encodeURIComponent(id)}/accept`, {})).referral,
  returnIt: async (id: string, reason: string) => (await request<{ referral: ReferralView }>('POST', `/api/referrals/${encodeURIComponent(id)}/return`, { reason })).referral,
  followUps: async () => (await request<{ followUps: FollowUpView[] }>('GET', '/api/follow-ups')).followUps,
  done: async (id: string) => (await request<{ followUp: FollowUpView }>('POST', `/api/follow-ups/${encodeURIComponent(id)}/done`, {})).followUp,
};
