/** The case workflow's paths in the OpenAPI document (issue 12's contract), registered by ./openapi.ts. */
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { caseDetailView, meetingView, referralSheetView } from '../contracts';
import {
  caseDetailResponse,
  caseResponse,
  editCaseBody,
  followUpBody,
  followUpResponse,
  followUpsResponse,
  linkConversationBody,
  listCasesQuery,
  listCasesResponse,
  meetingsResponse,
  openCaseBody,
  participationBody,
  participationResponse,
  participationsResponse,
  planBody,
  planResponse,
  plansResponse,
  referBody,
  referralResponse,
  transitionBody,
} from './routes/cases/schema';
import { listReferralsQuery, listReferralsResponse, returnReferralBody } from './routes/referrals/referrals';
import { meetingBody } from './routes/meetings/meetings';
import { agencyBody, directoryQuery, directoryResponse } from './routes/agencies/agencies';

type Json = (schema: z.ZodType, description: string) => { description: string; content: { 'application/json': { schema: z.ZodType } } };
type Errors = (...codes: number[]) => Record<string, ReturnType<Json>>;

export function registerCasePaths(registry: OpenAPIRegistry, json: Json, errors: Errors): void {
  const path = (route: RouteConfig) => registry.registerPath(route);
  const security = [{ staffCookie: [] }];
  const tags = ['cases'];
  const idParam = z.object({ id: z.uuid() });
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

  path({
    method: 'post', path: '/api/cases', tags, security, summary: 'Open a case (相談番号) from conversations of your agency, with the person and household',
    request: { body: body(openCaseBody) },
    responses: { 201: json(caseResponse, 'Opened at stage intake'), ...errors(400, 401, 404) },
  });
  path({
    method: 'get', path: '/api/cases', tags, security, summary: 'Cases your agency works, was referred or shares through a meeting; q matches the number or the person',
    request: { query: listCasesQuery },
    responses: { 200: json(listCasesResponse, 'Cases'), ...errors(400, 401) },
  });
  path({
    method: 'get', path: '/api/cases/{id}', tags, security,
    summary: "A case with history and timeline (audited). Another agency's case is 404 unless referred to it or shared through a meeting; its message texts only with the person's share consent, never who reported",
    request: { params: idParam },
    responses: { 200: json(caseDetailResponse, 'Case'), ...errors(401, 404) },
  });
  path({
    method: 'post', path: '/api/cases/{id}/conversations', tags, security, summary: "Link another conversation of your agency (e.g. the person's own after a neighbour's report)",
    request: { params: idParam, body: body(linkConversationBody) },
    responses: { 200: json(z.object({ case: caseDetailView }), 'Linked'), ...errors(400, 401, 403, 404) },
  });
  path({
    method: 'patch', path: '/api/cases/{id}', tags, security,
    summary: 'Change the person concerned (本人) and/or the household (世帯): each part given replaces what was there (household.members is the whole list). Only the agency working the case (403 for one it was referred or shared with)',
    request: { params: idParam, body: body(editCaseBody) },
    responses: { 200: json(z.object({ case: caseDetailView }), 'Changed'), ...errors(400, 401, 403, 404) },
  });
  path({
    method: 'post', path: '/api/cases/{id}/transitions', tags, security,
    summary: 'Move the stage. Back or closed need a reason (400 reason_required); closing a coordination case needs meetingId of a meeting that decided it (409 meeting_decision_required)',
    request: { params: idParam, body: body(transitionBody) },
    responses: { 200: json(z.object({ case: caseDetailView }), 'Moved'), ...errors(400, 401, 403, 404, 409) },
  });
  path({
    method: 'post', path: '/api/cases/{id}/referrals', tags, security,
    summary: 'Refer (つなぐ) to another agency by code. Without the person\'s share consent only to a participant of a 支援会議 on the case: else 403 consent_required. One referral of a case to an agency waits for its answer at a time: 409 referral_pending (also when two are sent at once). Event referral:updated to both agencies',
    request: { params: idParam, body: body(referBody) },
    responses: { 201: json(referralResponse, 'Sent'), ...errors(400, 401, 403, 404, 409) },
  });
  path({ method: 'get', path: '/api/cases/{id}/plans', tags, security, summary: '支援プラン versions, newest first', request: { params: idParam }, responses: { 200: json(plansResponse, 'Plans'), ...errors(401, 404) } });
  path({
    method: 'post', path: '/api/cases/{id}/plans', tags, security, summary: 'Agree a new plan version in a meeting that discussed the case',
    request: { params: idParam, body: body(planBody) },
    responses: { 201: json(planResponse, 'Agreed'), ...errors(400, 401, 403, 404) },
  });
  path({ method: 'get', path: '/api/cases/{id}/follow-ups', tags, security, request: { params: idParam }, responses: { 200: json(followUpsResponse, 'Follow-ups'), ...errors(401, 404) } });
  path({
    method: 'post', path: '/api/cases/{id}/follow-ups', tags, security, summary: 'Schedule a visit, call or letter (アウトリーチ); the owner is reminded when it is due (event followup:due)',
    request: { params: idParam, body: body(followUpBody) },
    responses: { 201: json(followUpResponse, 'Scheduled'), ...errors(400, 401, 403, 404) },
  });
  path({ method: 'get', path: '/api/cases/{id}/participations', tags, security, request: { params: idParam }, responses: { 200: json(participationsResponse, '参加支援'), ...errors(401, 404) } });
  path({
    method: 'post', path: '/api/cases/{id}/participations', tags, security, summary: '参加支援: an activity, place or employer, and how it goes',
    request: { params: idParam, body: body(participationBody) },
    responses: { 201: json(participationResponse, 'Recorded'), ...errors(400, 401, 403, 404) },
  });
  path({ method: 'get', path: '/api/cases/{id}/meetings', tags, security, summary: 'Meetings on the case that you may see: called by your agency or with it (or you) among the participants', request: { params: idParam }, responses: { 200: json(meetingsResponse, 'Meetings on the case'), ...errors(401, 404) } });
  path({ method: 'get', path: '/api/agencies', tags, security, summary: 'The directory (相談機関一覧); ?category= marks and lists first the fields serving those needs', request: { query: directoryQuery }, responses: { 200: json(directoryResponse, 'Agencies'), ...errors(400, 401) } });
  path({ method: 'post', path: '/api/agencies', tags, security, summary: 'Add or update an agency by code (admin)', request: { body: body(agencyBody) }, responses: { 201: json(z.object({ agency: z.unknown() }), 'Saved'), ...errors(400, 401, 403) } });
  path({ method: 'get', path: '/api/referrals', tags, security, summary: 'Incoming (to your agency) or outgoing referrals', request: { query: listReferralsQuery }, responses: { 200: json(listReferralsResponse, 'Referrals'), ...errors(400, 401) } });
  path({ method: 'post', path: '/api/referrals/{id}/accept', tags, security, summary: 'Accept (receiving agency): the case is now yours to work; the sender keeps read access', request: { params: idParam }, responses: { 200: json(referralResponse, 'Accepted'), ...errors(401, 404, 409) } });
  path({ method: 'post', path: '/api/referrals/{id}/return', tags, security, summary: 'Return with a reason (receiving agency)', request: { params: idParam, body: body(returnReferralBody) }, responses: { 200: json(referralResponse, 'Returned'), ...errors(400, 401, 404, 409) } });
  path({ method: 'get', path: '/api/referrals/{id}/sheet.json', tags, security, summary: 'つなぐシート as JSON (what the viewer may see; audited)', request: { params: idParam }, responses: { 200: json(z.object({ sheet: referralSheetView }), 'Sheet'), ...errors(401, 404) } });
  path({
    method: 'get', path: '/api/referrals/{id}/sheet.pdf', tags, security, summary: 'つなぐシート as a PDF in Japanese (audited)', request: { params: idParam },
    responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errors(401, 404) },
  });
  path({
    method: 'post', path: '/api/meetings', tags, security,
    summary: 'Record a meeting: jusou (重層的支援会議) needs every case\'s share consent (403 consent_required); shien (支援会議, art. 106-6) needs confidentialityAcknowledged from every participant (400 confidentiality_required)',
    request: { body: body(meetingBody) },
    responses: { 201: json(z.object({ meeting: meetingView }), 'Recorded'), ...errors(400, 401, 403, 404) },
  });
  path({ method: 'get', path: '/api/meetings/{id}', tags, security, request: { params: idParam }, responses: { 200: json(z.object({ meeting: meetingView }), 'Meeting'), ...errors(401, 404) } });
  path({ method: 'get', path: '/api/follow-ups', tags, security, summary: 'Your open follow-ups (overdue ones are reminders)', responses: { 200: json(followUpsResponse, 'Follow-ups'), ...errors(401) } });
  path({ method: 'post', path: '/api/follow-ups/{id}/done', tags, security, request: { params: idParam }, responses: { 200: json(followUpResponse, 'Done'), ...errors(401, 404) } });
}
