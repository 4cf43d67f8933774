/** The case API for the inbox (same-origin cookie requests; types from the shared contract). */
import { request } from '../api.js';
import type {
  AgencyView,
  CaseDetailView,
  CaseStage,
  CaseView,
  EditCaseBody,
  FollowUpBody,
  FollowUpView,
  MeetingBody,
  MeetingView,
  ParticipationView,
  PlanBody,
  PlanView,
  ReferralView,
} from '../../contracts/index.js';

export type { AgencyView, CaseDetailView, CaseStage, CaseView, FollowUpView, MeetingView, ParticipationView, PlanView, ReferralView };
/** The participation body as the form sends it (the contract's input, before defaults). */
export interface ParticipationInput {
  kind: ParticipationView['kind'];
  name: string;
  startedOn?: string;
  outcome?: ParticipationView['outcome'];
  note?: string;
}

const at = (id: string, tail: string) => `/api/cases/${encodeURIComponent(id)}/${tail}`;

export const casesApi = {
  list: async (stage?: CaseStage) => (await request<{ cases: CaseView[] }>('GET', `/api/cases${stage ? `?stage=${stage}` : ''}`)).cases,
  ofConversation: async (conversationId: string) => (await request<{ cases: CaseView[] }>('GET', `/api/cases?conversationId=${encodeURIComponent(conversationId)}`)).cases,
  get: async (id: string) => (await request<{ case: CaseDetailView }>('GET', `/api/cases/${encodeURIComponent(id)}`)).case,
  open: async (conversationId: string) => (await request<{ case: CaseView }>('POST', '/api/cases', { conversationIds: [conversationId] })).case,
  /** Replaces the person and the household's members (the form sends what it shows). */
  edit: async (id: string, body: EditCaseBody) => (await request<{ case: CaseDetailView }>('PATCH', `/api/cases/${encodeURIComponent(id)}`, body)).case,
  move: async (id: string, to: CaseStage, reason?: string, meetingId?: string) =>
    (await request<{ case: CaseDetailView }>('POST', `/api/cases/${encodeURIComponent(id)}/transitions`, { to, ...(reason ? { reason } : {}), ...(meetingId ? { meetingId } : {}) })).case,
  refer: async (id: string, body: { toAgency: string; summary: string; quotes: string[] }) =>
    (await request<{ referral: ReferralView }>('POST', `/api/cases/${encodeURIComponent(id)}/referrals`, body)).referral,
  agencies: async (categories: string[] = []) =>
    (await request<{ agencies: AgencyView[] }>('GET', `/api/agencies${categories.length ? `?${categories.map((c) => `category=${encodeURIComponent(c)}`).join('&')}` : ''}`)).agencies,
  referrals: async (direction: 'incoming' | 'outgoing') => (await request<{ referrals: ReferralView[] }>('GET', `/api/referrals?direction=${direction}`)).referrals,
  accept: async (id: string) => (await request<{ referral: ReferralView }>('POST', `/api/referrals/${encodeURIComponent(id)}/accept`, {})).referral,
  returnIt: async (id: string, reason: string) => (await request<{ referral: ReferralView }>('POST', `/api/referrals/${encodeURIComponent(id)}/return`, { reason })).referral,
  followUps: async () => (await request<{ followUps: FollowUpView[] }>('GET', '/api/follow-ups')).followUps,
  meetings: async (id: string) => (await request<{ meetings: MeetingView[] }>('GET', at(id, 'meetings'))).meetings,
  holdMeeting: async (body: MeetingBody) => (await request<{ meeting: MeetingView }>('POST', '/api/meetings', body)).meeting,
  plans: async (id: string) => (await request<{ plans: PlanView[] }>('GET', at(id, 'plans'))).plans,
  agreePlan: async (id: string, body: PlanBody) => (await request<{ plan: PlanView }>('POST', at(id, 'plans'), body)).plan,
  caseFollowUps: async (id: string) => (await request<{ followUps: FollowUpView[] }>('GET', at(id, 'follow-ups'))).followUps,
  schedule: async (id: string, body: FollowUpBody) => (await request<{ followUp: FollowUpView }>('POST', at(id, 'follow-ups'), body)).followUp,
  participations: async (id: string) => (await request<{ participations: ParticipationView[] }>('GET', at(id, 'participations'))).participations,
  addParticipation: async (id: string, body: ParticipationInput) =>
    (await request<{ participation: ParticipationView }>('POST', at(id, 'participations'), body)).participation,
  done: async (id: string) => (await request<{ followUp: FollowUpView }>('POST', `/api/follow-ups/${encodeURIComponent(id)}/done`, {})).followUp,
};
