/**
 * The OpenAPI document, generated from the same zod schemas the routes validate with, served at
 * /api/openapi.json. Outside checks and later work rely on it: keep it in step with the routes.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { createSessionBody, createSessionResponse, listMessagesResponse, sendMessageBody, sendMessageResponse, updateSessionBody } from './routes/widget/schema';
import { alertResponse, listAlertsQuery, listAlertsResponse } from './routes/alerts/schema';
import { cannedBody, cannedParams, cannedResponse, listCannedResponse } from './routes/canned/schema';
import { listTeamsResponse } from './routes/teams/schema';
import { listColleaguesResponse } from './routes/staff/schema';
import { shiftResponse } from './routes/shift/schema';
import { livenessResponse, readinessResponse } from './routes/health/schema';
import { auditQuery, listAuditResponse } from './routes/audit/schema';
import { loginBody, meResponse } from './routes/auth/schema';
import { monthlyReportQuery, monthlyReportResponse } from './routes/reports/schema';
import { erasePersonBody, erasePersonResponse, personDataQuery, personExportResponse } from './routes/person-data/schema';
import { registerCasePaths } from './openapi-cases';
import { assignBody, bulkAssignBody, conversationParams, conversationView, correctionBody, listQuery, listConsentsResponse, listConversationsResponse, listStaffMessagesResponse, noteBody, noteView, recordConsentBody, replyBody } from './routes/conversations/schema';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), messageEn: z.string().optional() }) });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), json(errorBody, `Error (${c})`)]));

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'widgetBearer', { type: 'http', scheme: 'bearer', description: 'sessionToken from POST /api/widget/sessions' });
  registry.registerComponent('securitySchemes', 'staffCookie', { type: 'apiKey', in: 'cookie', name: 'tsunagu_session' });
  const path = (route: RouteConfig) => registry.registerPath(route);
  const widget = [{ widgetBearer: [] }];
  const staffAuth = [{ staffCookie: [] }];
  // Every `{id}` is a UUID (each route folder's params schema; the same shape for all).
  const idParam = conversationParams;

  path({
    method: 'post', path: '/api/widget/sessions', tags: ['widget'], summary: 'Open an anonymous widget session',
    request: { body: { content: { 'application/json': { schema: createSessionBody } } } },
    responses: { 201: json(createSessionResponse, 'Session opened'), ...errors(400, 413, 429) },
  });
  path({
    method: 'post', path: '/api/widget/messages', tags: ['widget'], security: widget,
    summary: 'Send a message (the same clientMessageId twice stores one message)',
    request: { body: { content: { 'application/json': { schema: sendMessageBody } } } },
    responses: { 202: json(sendMessageResponse, 'Stored durably'), ...errors(400, 401, 413, 429) },
  });
  path({
    method: 'patch', path: '/api/widget/session', tags: ['widget'], security: widget, summary: 'Switch the language the bot answers in',
    request: { body: { content: { 'application/json': { schema: updateSessionBody } } } },
    responses: { 200: json(updateSessionBody, 'Updated'), ...errors(400, 401) },
  });
  path({
    method: 'delete', path: '/api/widget/session', tags: ['widget'], security: widget,
    summary: 'End the session now (erase on this device, quick exit); the conversation stays for staff',
    responses: { 204: { description: 'Ended: the token answers 401 from now on' }, ...errors(401, 429) },
  });
  path({
    method: 'get', path: '/api/widget/messages', tags: ['widget'], security: widget, summary: 'The thread, oldest first',
    responses: { 200: json(listMessagesResponse, 'Messages'), ...errors(401, 429) },
  });
  path({
    method: 'post', path: '/webhooks/line', tags: ['line'], summary: 'LINE Messaging API webhook (X-Line-Signature required)',
    request: { headers: z.object({ 'x-line-signature': z.string() }) },
    responses: { 200: json(z.object({}), 'Events stored'), ...errors(400, 401, 404, 413) },
  });
  path({
    method: 'post', path: '/api/auth/login', tags: ['staff'], summary: 'Staff login; sets an httpOnly session cookie',
    request: { body: { content: { 'application/json': { schema: loginBody } } } },
    responses: { 200: json(meResponse, 'Logged in'), ...errors(400, 401, 403, 429) },
  });
  path({ method: 'post', path: '/api/auth/logout', tags: ['staff'], security: staffAuth, responses: { 204: { description: 'Logged out' }, ...errors(401, 403) } });
  path({ method: 'get', path: '/api/auth/me', tags: ['staff'], security: staffAuth, responses: { 200: json(meResponse, 'Current staff member'), ...errors(401) } });
  path({
    method: 'get', path: '/api/conversations', tags: ['staff'], security: staffAuth,
    summary: "Own agency's conversations: emergencies first, then the \"check now\" lane (risk=check), then newest activity; q searches every message's text (substring, 2+ characters)",
    request: { query: listQuery },
    responses: { 200: json(listConversationsResponse.extend({ nextCursor: z.string().nullable() }), 'Conversations'), ...errors(400, 401) },
  });
  const conversationResponse = z.object({ conversation: conversationView });
  path({ method: 'get', path: '/api/conversations/{id}', tags: ['staff'], security: staffAuth, request: { params: idParam }, responses: { 200: json(conversationResponse, 'Conversation'), ...errors(401, 404) } });
  path({
    method: 'patch', path: '/api/conversations/{id}', tags: ['staff'], security: staffAuth, summary: 'Change status or correct triage (recorded)',
    request: { params: idParam, body: { content: { 'application/json': { schema: correctionBody } } } },
    responses: { 200: json(conversationResponse, 'Updated'), ...errors(400, 401, 403, 404) },
  });
  path({
    method: 'post', path: '/api/conversations/{id}/assign', tags: ['staff'], security: staffAuth, summary: 'Claim (own id), assign or transfer; null unassigns',
    request: { params: idParam, body: { content: { 'application/json': { schema: assignBody } } } },
    responses: { 200: json(conversationResponse, 'Assigned'), ...errors(400, 401, 403, 404) },
  });
  path({
    method: 'post', path: '/api/conversations/bulk-assign', tags: ['supervisor'], security: staffAuth,
    request: { body: { content: { 'application/json': { schema: bulkAssignBody } } } },
    responses: { 200: json(z.object({ conversations: z.array(conversationView) }), 'Assigned'), ...errors(400, 401, 403) },
  });
  path({ method: 'get', path: '/api/conversations/{id}/notes', tags: ['staff'], security: staffAuth, request: { params: idParam }, responses: { 200: json(z.object({ notes: z.array(noteView) }), 'Internal notes'), ...errors(401, 404) } });
  path({
    method: 'post', path: '/api/conversations/{id}/notes', tags: ['staff'], security: staffAuth, summary: 'Internal note (never delivered to the person)',
    request: { params: idParam, body: { content: { 'application/json': { schema: noteBody } } } },
    responses: { 201: json(z.object({ note: noteView }), 'Added'), ...errors(400, 401, 403, 404, 413) },
  });
  path({ method: 'get', path: '/api/conversations/{id}/consents', tags: ['staff'], security: staffAuth, summary: 'Consent records, oldest first', request: { params: idParam }, responses: { 200: json(listConsentsResponse, 'Consents'), ...errors(401, 404) } });
  path({
    method: 'post', path: '/api/conversations/{id}/consents', tags: ['staff'], security: staffAuth, summary: 'Record consent given or withdrawn elsewhere (by staff)',
    request: { params: idParam, body: { content: { 'application/json': { schema: recordConsentBody } } } },
    responses: { 201: json(z.object({ ok: z.literal(true) }), 'Recorded'), ...errors(400, 401, 403, 404) },
  });
  path({ method: 'post', path: '/api/conversations/{id}/read', tags: ['staff'], security: staffAuth, summary: 'Mark read (the conversation is open on screen)', request: { params: idParam }, responses: { 204: { description: 'Marked read' }, ...errors(401, 404) } });
  path({ method: 'post', path: '/api/messages/{id}/retry', tags: ['staff'], security: staffAuth, summary: 'Retry a failed delivery', request: { params: idParam }, responses: { 202: json(z.object({ ok: z.literal(true) }), 'Queued'), ...errors(401, 404, 409) } });
  path({ method: 'get', path: '/api/alerts', tags: ['staff'], security: staffAuth, summary: 'Crisis alerts (open by default)', request: { query: listAlertsQuery }, responses: { 200: json(listAlertsResponse, 'Alerts'), ...errors(400, 401) } });
  path({ method: 'post', path: '/api/alerts/{id}/ack', tags: ['staff'], security: staffAuth, summary: 'Acknowledge (no body)', request: { params: idParam }, responses: { 200: json(alertResponse, 'Acknowledged'), ...errors(401, 404) } });
  path({ method: 'get', path: '/api/canned-replies', tags: ['staff'], security: staffAuth, responses: { 200: json(listCannedResponse, '定型文'), ...errors(401) } });
  path({
    method: 'post', path: '/api/canned-replies', tags: ['supervisor'], security: staffAuth,
    request: { body: { content: { 'application/json': { schema: cannedBody } } } },
    responses: { 201: json(cannedResponse, 'Added'), ...errors(400, 401, 403) },
  });
  path({
    method: 'patch', path: '/api/canned-replies/{id}', tags: ['supervisor'], security: staffAuth, summary: 'Edit one of the agency’s own (not a starter)',
    request: { params: cannedParams, body: { content: { 'application/json': { schema: cannedBody } } } },
    responses: { 200: json(cannedResponse, 'Edited'), ...errors(400, 401, 403, 404) },
  });
  path({
    method: 'delete', path: '/api/canned-replies/{id}', tags: ['supervisor'], security: staffAuth, summary: 'Delete one of the agency’s own (not a starter)',
    request: { params: cannedParams }, responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
  });
  path({
    method: 'get', path: '/api/audit', tags: ['supervisor'], security: staffAuth, request: { query: auditQuery },
    responses: {
      200: json(listAuditResponse, 'Audit entries'),
      ...errors(400, 401, 403),
    },
  });
  path({ method: 'get', path: '/api/teams', tags: ['staff'], security: staffAuth, responses: { 200: json(listTeamsResponse, 'Teams of my agency'), ...errors(401) } });
  path({ method: 'get', path: '/api/staff', tags: ['staff'], security: staffAuth, responses: { 200: json(listColleaguesResponse, 'Colleagues'), ...errors(401) } });
  path({
    method: 'get', path: '/api/shift', tags: ['supervisor'], security: staffAuth,
    responses: {
      200: json(shiftResponse, 'Shift'),
      ...errors(401, 403),
    },
  });
  path({
    method: 'get', path: '/api/conversations/{id}/messages', tags: ['staff'], security: staffAuth,
    summary: 'Full history (each read is written to the audit log)', request: { params: idParam },
    responses: { 200: json(listStaffMessagesResponse, 'Messages'), ...errors(401, 404) },
  });
  path({
    method: 'post', path: '/api/conversations/{id}/replies', tags: ['staff'], security: staffAuth, summary: 'Answer the person',
    request: { params: idParam, body: { content: { 'application/json': { schema: replyBody } } } },
    responses: { 202: json(sendMessageResponse, 'Stored; delivery queued'), ...errors(400, 401, 403, 404, 413) },
  });
  path({
    method: 'get', path: '/api/reports/monthly', tags: ['supervisor'], security: staffAuth,
    summary:
      "Figures per month (supervisors and admins; audited): consultations by category, channel, reporter and urgency; median time to the first staff reply; " +
      'cases entering each stage; referrals by receiving agency and by outcome; meetings by kind; median time to the first referral. ' +
      "Own agency only, except an admin of the coordinating agency (多機関協働事業者, the directory's coordinating flag), who gets the whole municipality. " +
      'format=csv: UTF-8 with BOM (default) or encoding=shift_jis; table= one table, else all one after another.',
    request: { query: monthlyReportQuery },
    responses: {
      200: {
        description: 'The report (JSON) or CSV',
        content: { 'application/json': { schema: monthlyReportResponse }, 'text/csv': { schema: z.string() } },
      },
      ...errors(400, 401, 403),
    },
  });
  path({
    method: 'get', path: '/api/person-data', tags: ['admin'], security: staffAuth,
    summary:
      "開示請求: everything held about the person who wrote this conversation (their other conversations and the cases holding them), as JSON, or format=pdf (Japanese, for the person). " +
      "Admins only, within their agency (the coordinating agency's admin: every agency); audited (person_data.export).",
    request: { query: personDataQuery },
    responses: {
      200: { description: 'Export', content: { 'application/json': { schema: personExportResponse }, 'application/pdf': { schema: z.string().describe('PDF') } } },
      ...errors(400, 401, 403, 404),
    },
  });
  path({
    method: 'post', path: '/api/person-data/erase', tags: ['admin'], security: staffAuth,
    summary:
      'Deletion on request: erases what the export shows within the admin\'s scope (conversations, messages, consents, notes, cases …); ' +
      'cases another agency works now are listed in keptCases. Ids and counts go to the erasures table; audited (person_data.erase).',
    request: { body: { content: { 'application/json': { schema: erasePersonBody } } } },
    responses: { 200: json(erasePersonResponse, 'Erased'), ...errors(400, 401, 403, 404) },
  });
  registerCasePaths(registry, json, errors);
  path({ method: 'get', path: '/healthz', tags: ['ops'], responses: { 200: json(livenessResponse, 'Process up') } });
  path({
    method: 'get', path: '/readyz', tags: ['ops'],
    responses: { 200: json(readinessResponse, 'Ready (or degraded)'), 503: json(readinessResponse, 'Not ready') },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'tsunagu API',
      version: '0.1.0',
      description:
        'Front door for 断らない相談. Socket.IO: namespace /widget (auth.token = sessionToken; event `message`) and ' +
        '/staff (session cookie; events `message:created` {conversationId, messages, conversation?, triagedMessageId?} (messages of one conversation written together, in order; with the conversation as they left it when they changed it, instead of a conversation:updated), `message:updated` {conversationId, messages} (a delivered batch), `conversation:updated` {conversation, triagedMessageId when sent by triage}, ' +
        '`conversation:typing`, `note:created`, `presence`, `alert:crisis` {id, conversationId, urgency, reasons, createdAt}, `alert:acknowledged`, `alert:escalated`, `referral:updated` {referral} (both agencies), `followup:due` {followUp} (the owner); ' +
        'client emits `typing` {conversationId, active}). Widget events also include `typing` {active} and `session:ended` {} (then the socket is closed). ' +
        'Errors: {"error":{"code","message","messageEn"}} (codes and texts: src/errors.ts). Staff writes need a same-origin Origin or Sec-Fetch-Site: same-origin.',
    },
  });
}
