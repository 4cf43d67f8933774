/** Request and response schemas of the case routes (the contract's, reused by the OpenAPI document). */
import { z } from 'zod';
import {
  caseDetailView,
  caseView,
  editCaseBody,
  followUpBody,
  followUpView,
  linkConversationBody,
  listCasesQuery,
  meetingView,
  openCaseBody,
  participationBody,
  participationView,
  planBody,
  planView,
  referBody,
  referralView,
  transitionBody,
} from '../../../contracts';

export { editCaseBody, followUpBody, linkConversationBody, listCasesQuery, openCaseBody, participationBody, planBody, referBody, transitionBody };

export const caseResponse = z.object({ case: caseView });
export const caseDetailResponse = z.object({ case: caseDetailView });
export const listCasesResponse = z.object({ cases: z.array(caseView) });
export const referralResponse = z.object({ referral: referralView });
export const plansResponse = z.object({ plans: z.array(planView) });
export const planResponse = z.object({ plan: planView });
export const followUpsResponse = z.object({ followUps: z.array(followUpView) });
export const followUpResponse = z.object({ followUp: followUpView });
export const participationsResponse = z.object({ participations: z.array(participationView) });
export const participationResponse = z.object({ participation: participationView });
export const meetingsResponse = z.object({ meetings: z.array(meetingView) });
