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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about. */
export type AuditSubjectType = 'conversation' | 'conversation_list' | 'message' | 'alert' | 'canned_reply' | 'staff';
