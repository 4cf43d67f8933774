/**
 * Errors as values: a stable code, an HTTP status, and a message for people in Japanese and
 * English. Routes and workers return or throw these; the HTTP layer maps them in one place.
 */
export const errorCatalogue = {
  invalid_body: { status: 400, ja: '送信内容の形式が正しくありません。', en: 'The request body is not valid.' },
  invalid_query: { status: 400, ja: '検索条件が正しくありません。', en: 'The query is not valid.' },
  unauthenticated: { status: 401, ja: 'ログインが必要です。', en: 'Please log in.' },
  invalid_credentials: { status: 401, ja: 'メールアドレスまたはパスワードが違います。', en: 'Wrong email or password.' },
  invalid_session: { status: 401, ja: 'セッションが無効です。もう一度始めてください。', en: 'The session is not valid; please start again.' },
  invalid_signature: { status: 401, ja: '署名を確認できませんでした。', en: 'The signature could not be verified.' },
  forbidden: { status: 403, ja: 'この操作の権限がありません。', en: 'You are not allowed to do this.' },
  cross_origin: { status: 403, ja: '別のサイトからの操作は受け付けません。', en: 'Requests from another site are not accepted.' },
  not_found: { status: 404, ja: '見つかりません。', en: 'Not found.' },
  line_disabled: { status: 404, ja: 'LINE 連携は設定されていません。', en: 'LINE is not configured.' },
  conflict: { status: 409, ja: 'すでに存在します。', en: 'It already exists.' },
  invalid_transition: {
    status: 409,
    ja: 'このケースはその段階へ進めません。',
    en: 'The case cannot move to that stage.',
  },
  meeting_decision_required: {
    status: 409,
    ja: '多機関協働のケースの終結には、会議での終結の決定が必要です。会議の決定を記録してから終結してください。',
    en: 'A coordination case closes only on a meeting decision: record the decision, then close.',
  },
  reason_required: { status: 400, ja: '理由を入力してください（終結と前の段階へ戻すときは必須です）。', en: 'Give a reason (required to close or to move back).' },
  consent_required: {
    status: 403,
    ja: 'ご本人の情報共有への同意がないため、この機関とは共有できません。ご本人に同意を確認するか、支援会議（社会福祉法第106条の6）を開いてその参加機関として共有してください。',
    en: "Without the person's consent to share, this cannot go to that agency. Ask the person for consent, or call a 支援会議 (art. 106-6) with that agency as a participant.",
  },
  confidentiality_required: {
    status: 400,
    ja: '支援会議の参加者は全員、守秘義務の確認が必要です。',
    en: 'Every participant of a 支援会議 must acknowledge the duty of confidentiality.',
  },
  payload_too_large: { status: 413, ja: '内容が大きすぎます。', en: 'The content is too large.' },
  text_too_long: { status: 413, ja: 'メッセージは5,000文字までです。', en: 'Messages can be at most 5,000 characters.' },
  unsupported_media_type: { status: 415, ja: 'JSON で送ってください。', en: 'Send JSON (application/json).' },
  login_locked: {
    status: 429,
    ja: 'ログインの失敗が続いたため、このアカウントはしばらくログインできません。時間をおいて試すか、管理者に解除を依頼してください。',
    en: 'Too many failed logins: this account is locked for a while. Try again later or ask an administrator to unlock it.',
  },
  rate_limited: { status: 429, ja: '短い時間に送信が多すぎます。少し待ってからもう一度どうぞ。', en: 'Too many requests; please wait a moment.' },
  not_ready: { status: 503, ja: '準備中です。', en: 'Not ready.' },
  internal: { status: 500, ja: 'システムで問題が起きました。', en: 'Something went wrong on our side.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Extra detail for people (e.g. which field was wrong); never internal error text. */
    readonly detail?: string,
  ) {
    super(detail ? `${errorCatalogue[code].en} ${detail}` : errorCatalogue[code].en);
    this.status = errorCatalogue[code].status;
  }

  toJSON() {
    const entry = errorCatalogue[this.code];
    return {
      error: {
        code: this.code,
        message: this.detail ? `${entry.ja} (${this.detail})` : entry.ja,
        messageEn: this.detail ? `${entry.en} (${this.detail})` : entry.en,
      },
    };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
