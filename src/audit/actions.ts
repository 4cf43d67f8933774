/**
 * Every audit action, in one place: what a staff member (or the system, actorId null) read or
 * changed. `GET /api/audit` shows these names to supervisors; a new act adds its name here first.
 */
export const AUDIT_ACTIONS = [
  // Reads of personal data (written before the data leaves the server).
  'conversations.list',
  'conversations.search',
  'conversation.view',
  'conversation.messages.read',
  'conversation.notes.read',
  'conversation.consents.read',
  'cases.list',
  'cases.search',
  'case.view',
  'case.plans.read',
  'case.followups.read',
  'case.participations.read',
  'case.meetings.read',
  'referrals.incoming',
  'referrals.outgoing',
  'referral.sheet.json',
  'referral.sheet.pdf',
  'meeting.view',
  'followups.mine',
  'report.monthly',
  'report.monthly.csv',
  'person_data.export',
  // Changes (written in the change's own transaction).
  'conversation.reply',
  'conversation.correct',
  'conversation.claim',
  'conversation.assign',
  'conversation.assign_team',
  'conversation.unassign',
  'note.add',
  'consent.yes',
  'consent.no',
  'consent.later',
  'consent.withdrawn',
  'message.retry',
  'alert.acknowledge',
  'alert.escalate',
  'canned.add',
  'canned.edit',
  'canned.delete',
  'staff.disable',
  'staff.enable',
  'staff.password_reset',
  // Cases (src/cases): a stage move is named after the stage it enters.
  'case.open',
  'case.link',
  'case.edit',
  'case.stage.intake',
  'case.stage.assessment',
  'case.stage.referral',
  'case.stage.coordination',
  'case.stage.planning',
  'case.stage.support',
  'case.stage.monitoring',
  'case.stage.closed',
  'referral.send',
  'referral.accept',
  'referral.return',
  'meeting.jusou',
  'meeting.shien',
  'plan.agree',
  'followup.schedule',
  'followup.done',
  'participation.add',
  // The system (actorId null): a message whose triage failed in every round was handed to staff.
  'message.triage_failed',
  // The person's rights (src/person-data): erasure on request.
  'person_data.erase',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about. */
export type AuditSubjectType =
  | 'conversation'
  | 'conversation_list'
  | 'message'
  | 'alert'
  | 'canned_reply'
  | 'staff'
  | 'case'
  | 'case_list'
  | 'referral_list'
  | 'meeting'
  | 'followup_list'
  | 'report'
  | 'contact';
