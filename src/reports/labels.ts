/**
 * The words of the monthly report (table titles, column names) in Japanese and English. The
 * report carries them, so the inbox page and the CSV say the same thing.
 */
type Label = { ja: string; en: string };

export {
  CATEGORY_LABELS as categoryLabels,
  CHANNEL_LABELS as channelLabels,
  URGENCY_LABELS as urgencyLabels,
  STAGE_LABELS as stageLabels,
  MEETING_KIND_LABELS as meetingKindLabels,
} from '../contracts';

export const UNTRIAGED: Label = { ja: '未判定', en: 'Not yet triaged' };
export const TOTAL: Label = { ja: '相談件数', en: 'Consultations' };

export const reporterLabels: Record<string, Label> = {
  self: { ja: '本人', en: 'The person' },
  family: { ja: '家族', en: 'Family' },
  neighbour: { ja: '近所・知人', en: 'Neighbour / acquaintance' },
  professional: { ja: '関係機関', en: 'Professional' },
  unknown: { ja: '不明', en: 'Unknown' },
};

export const firstReplyLabels: Record<string, Label> = {
  answered: { ja: '職員が返信した相談', en: 'Answered by staff' },
  unanswered: { ja: '職員の返信がまだない相談', en: 'Not yet answered by staff' },
  medianMinutes: { ja: '最初の返信までの中央値（分）', en: 'Median minutes to first staff reply' },
};

export const crisisAlertLabels: Record<string, Label> = {
  raised: { ja: '件数', en: 'Alerts' },
  escalated: { ja: 'エスカレーション', en: 'Escalated' },
  onCallRefused: { ja: '当番への通知失敗', en: 'On-call notice refused' },
  unacknowledged: { ja: '未確認', en: 'Not acknowledged' },
  medianMinutes: { ja: '確認までの中央値（分）', en: 'Median minutes to acknowledge' },
};

export const timeToReferralLabels: Record<string, Label> = {
  referred: { ja: 'つないだケース', en: 'Cases referred' },
  medianHours: { ja: '最初のつなぎまでの中央値（時間）', en: 'Median hours to the first referral' },
};

export const tableTexts = {
  consultationsByCategory: {
    title: { ja: '分類別の相談件数', en: 'Consultations by category' },
    note: {
      ja: 'その月に始まった相談。複数の分類がある相談はそれぞれの分類に数えます（相談件数は1件）。',
      en: 'Consultations that began in the month. One with several categories counts under each (once in Consultations).',
    },
  },
  consultationsByChannel: {
    title: { ja: '窓口別の相談件数', en: 'Consultations by channel' },
    note: { ja: 'その月に始まった相談。', en: 'Consultations that began in the month.' },
  },
  consultationsByReporter: {
    title: { ja: '相談者別の相談件数', en: 'Consultations by who wrote' },
    note: { ja: 'その月に始まった相談。相談者は自動判定（職員の修正を含む）。', en: 'Consultations that began in the month; who wrote as triage (and staff corrections) recorded it.' },
  },
  consultationsByUrgency: {
    title: { ja: '緊急度別の相談件数', en: 'Consultations by urgency' },
    note: { ja: 'その月に始まった相談。緊急度は現在の判定（職員の修正を含む）。', en: 'Consultations that began in the month; urgency as it stands now (with staff corrections).' },
  },
  firstHumanReply: {
    title: { ja: '最初の職員返信までの時間', en: 'Time to the first staff reply' },
    note: {
      ja: 'その月に始まった相談で、相談者の最初のメッセージから職員の最初の返信まで（自動応答は数えません）。',
      en: "Consultations that began in the month: from the person's first message to the first staff reply (the bot does not count).",
    },
  },
  crisisAlerts: {
    title: { ja: '緊急アラート（命に関わるおそれのある相談）', en: 'Crisis alerts (danger to life)' },
    note: {
      ja: 'その月に発生した緊急アラート。エスカレーション: 確認されないまま時間が経過したか、受信箱を開いている職員がいなかったもの。当番への通知失敗: 当番への通知（Webhook・メール）を通知先が一度以上受け取らなかったもの。確認までの時間は、確認されたものの中央値。',
      en: 'Crisis alerts raised in the month. Escalated: not acknowledged in time, or nobody had the inbox open. On-call notice refused: a webhook or e-mail target did not accept it at least once. The median is of those acknowledged.',
    },
  },
  casesByStage: {
    title: { ja: '段階別のケース数', en: 'Cases by stage' },
    note: {
      ja: 'その月にその段階に入ったケース（開始は「受付」に数えます）。段階を進めた職員の機関の数字です。',
      en: 'Cases that entered the stage in the month (opening counts as Intake), counted for the agency of the staff member who moved it.',
    },
  },
  referralsByAgency: {
    title: { ja: 'つなぎ先の機関別のつなぎ件数', en: 'Referrals by receiving agency' },
    note: { ja: 'その月に送ったつなぎ（送った機関の数字）。', en: 'Referrals sent in the month (counted for the sending agency).' },
  },
  referralsByOutcome: {
    title: { ja: 'つなぎの結果', en: 'Referral outcomes' },
    note: { ja: 'その月に送ったつなぎの、今の結果。', en: 'Referrals sent in the month, by their outcome now.' },
  },
  meetingsByKind: {
    title: { ja: '種類別の会議数', en: 'Meetings by kind' },
    note: { ja: 'その月に開いた会議（招集した機関の数字）。', en: 'Meetings held in the month (counted for the agency that called them).' },
  },
  timeToReferral: {
    title: { ja: '最初のつなぎまでの時間', en: 'Time to the first referral' },
    note: {
      ja: 'その月に最初のつなぎを送ったケースで、相談者の最初のメッセージからつなぎを送るまで。',
      en: "Cases whose first referral was sent in the month: from the person's first message to the referral.",
    },
  },
} as const;
