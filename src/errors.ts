/**
 * Every error code in one table, in three parts by who reads it:
 * - `errorCatalogue`: what the API and the sockets answer (HTTP status, Japanese and English for
 *   the person or the staff member in front of the screen). Routes and commands throw `AppError`;
 *   the HTTP layer (src/server/middleware/errors.ts) and the socket handshakes (`socketError`)
 *   map them in one place.
 * - `deliveryErrorCatalogue`: why an answer did not reach the person (LINE Messaging API
 *   outcomes, src/channels/line/send.ts). Stored on the message; staff see the text beside it.
 * - `operatorErrorCatalogue`: what stops the process or a CLI command (settings, files, Redis),
 *   read by whoever runs the installation, in English like the rest of the logs.
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
  referral_pending: {
    status: 409,
    ja: 'この機関へのつなぎはすでに送られ、返事を待っています。返事（受け入れ・差し戻し）が来てから、もう一度送れます。',
    en: 'A referral of this case to that agency is already waiting for its answer; it can be sent again once the agency accepts or returns it.',
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

/**
 * A Socket.IO handshake refusal. The client reads `message` (the code, as every client already
 * matches on it) and `data` (the same body as an HTTP error, for people).
 * @see https://socket.io/docs/v4/middlewares/#handling-middleware-error
 */
export function socketError(code: ErrorCode): Error & { data: ReturnType<AppError['toJSON']>['error'] } {
  return Object.assign(new Error(code), { data: new AppError(code).toJSON().error });
}

/**
 * Why a delivery to LINE failed, as stored in `messages.delivery_error` and shown to staff.
 * @see https://developers.line.biz/en/reference/messaging-api/#status-codes
 * @see https://developers.line.biz/en/reference/messaging-api/#error-responses
 */
export const deliveryErrorCatalogue = {
  reply_token_invalid: { ja: '返信用トークンが無効でした（通常の送信に切り替えます）。', en: 'The reply token was not valid (sent as a push instead).' },
  quota_exceeded: {
    ja: 'LINE の今月の送信上限に達したため届けられませんでした。管理者に連絡してください。',
    en: "LINE's monthly message limit is reached: not delivered. Tell your administrator.",
  },
  rate_limited: { ja: 'LINE への送信が一時的に多すぎました。自動で再送します。', en: 'Too many messages to LINE for now; it is retried automatically.' },
  server_error: { ja: 'LINE 側で問題が起きました。自動で再送します。', en: 'LINE had a problem; it is retried automatically.' },
  timeout: { ja: 'LINE から応答がありませんでした。自動で再送します。', en: 'LINE did not answer in time; it is retried automatically.' },
  network_error: { ja: 'LINE に接続できませんでした。自動で再送します。', en: 'LINE could not be reached; it is retried automatically.' },
  bad_request: { ja: 'LINE が内容を受け付けませんでした。', en: 'LINE did not accept the message.' },
  invalid_request: { ja: '送信内容が LINE の条件に合いませんでした。', en: 'The message does not meet LINE’s rules.' },
  invalid_retry_key: { ja: '再送用のキーが正しくありませんでした。', en: 'The retry key was not valid.' },
  unauthorized: { ja: 'LINE のアクセストークンが無効です。管理者に連絡してください。', en: 'The LINE access token is not valid. Tell your administrator.' },
  forbidden: { ja: 'この LINE チャネルには送信の権限がありません。管理者に連絡してください。', en: 'This LINE channel may not send this. Tell your administrator.' },
  not_found: { ja: '相手が見つかりませんでした（ブロックされた可能性があります）。', en: 'The person was not found (they may have blocked the account).' },
  conflict: { ja: 'LINE が重複した送信として扱いました。', en: 'LINE treated it as a duplicate.' },
  payload_too_large: { ja: 'メッセージが LINE には大きすぎました。', en: 'The message is too large for LINE.' },
  http_error: { ja: 'LINE への送信に失敗しました。', en: 'Sending to LINE failed.' },
  line_disabled: { ja: 'LINE 連携が設定されていないため送れませんでした。', en: 'LINE is not configured, so it could not be sent.' },
} as const;

export type DeliveryErrorCode = keyof typeof deliveryErrorCatalogue;

/** The text staff see for a stored delivery code; an unknown (older) code reads as a plain failure. */
export function deliveryErrorText(code: string): { ja: string; en: string } {
  const entry = (deliveryErrorCatalogue as Record<string, { ja: string; en: string }>)[code] ?? deliveryErrorCatalogue.http_error;
  return { ja: entry.ja, en: entry.en };
}

/** What stops the process or a CLI command; the thrown error's message adds the detail. */
export const operatorErrorCatalogue = {
  config_invalid: 'The settings (environment variables) are not valid.',
  municipality_invalid: 'The municipality settings file is not valid.',
  redis_unavailable: 'Redis cannot be reached at REDIS_URL.',
  database_busy: 'Another process holds the embedded database in DATA_DIR.',
  usage: 'The command line is not valid.',
  delivery_retryable: 'A delivery failed in a way worth retrying (the queue retries it).',
} as const;

export type OperatorErrorCode = keyof typeof operatorErrorCatalogue;
