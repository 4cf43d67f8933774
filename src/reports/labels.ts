/**
 * The words of the monthly report (table titles, column names) in Japanese and English. The
 * report carries them, so the inbox page and the CSV say the same thing.
 */
type Label = { ja: string; en: string };

export const UNTRIAGED: Label = { ja: '未判定', en: 'Not yet triaged' };
export const TOTAL: Label = { ja: '相談件数', en: 'Consultations' };

export const categoryLabels: Record<string, Label> = {
  elderly: { ja: '高齢', en: 'Older people' },
  disability: { ja: '障害', en: 'Disability' },
  child: { ja: '子ども', en: 'Children' },
  poverty: { ja: '生活困窮', en: 'Poverty' },
  housing: { ja: '住まい', en: 'Housing' },
  employment: { ja: '仕事', en: 'Work' },
  health: { ja: '健康', en: 'Health' },
  isolation: { ja: '孤立', en: 'Isolation' },
  hikikomori: { ja: 'ひきこもり', en: 'Hikikomori' },
  selfneglect: { ja: 'セルフネグレクト', en: 'Self-neglect' },
  abuse: { ja: '虐待', en: 'Abuse' },
  dv: { ja: 'DV', en: 'Domestic violence' },
  suicide: { ja: '自殺念慮', en: 'Suicidal thoughts' },
  debt: { ja: '借金', en: 'Debt' },
  foreign: { ja: '外国語', en: 'Foreign language' },
  carer: { ja: 'ケアラー', en: 'Carer' },
  '8050': { ja: '8050', en: '8050' },
  other: { ja: 'その他', en: 'Other' },
};

export const channelLabels: Record<string, Label> = {
  line: { ja: 'LINE', en: 'LINE' },
  widget: { ja: 'Webチャット', en: 'Web chat' },
};

export const reporterLabels: Record<string, Label> = {
  self: { ja: '本人', en: 'The person' },
  family: { ja: '家族', en: 'Family' },
  neighbour: { ja: '近所・知人', en: 'Neighbour / acquaintance' },
  professional: { ja: '関係機関', en: 'Professional' },
  unknown: { ja: '不明', en: 'Unknown' },
};

export const urgencyLabels: Record<string, Label> = {
  emergency: { ja: '緊急', en: 'Emergency' },
  high: { ja: '高', en: 'High' },
  normal: { ja: '通常', en: 'Normal' },
  low: { ja: '低', en: 'Low' },
};

export const firstReplyLabels: Record<string, Label> = {
  answered: { ja: '職員が返信した相談', en: 'Answered by staff' },
  unanswered: { ja: '職員の返信がまだない相談', en: 'Not yet answered by staff' },
  medianMinutes: { ja: '最初の返信までの中央値（分）', en: 'Median minutes to first staff reply' },
};

export const stageLabels: Record<string, Label> = {
  intake: { ja: '受付', en: 'Intake' },
  assessment: { ja: 'アセスメント', en: 'Assessment' },
  referral: { ja: 'つなぎ', en: 'Referral' },
  coordination: { ja: '多機関協働', en: 'Coordination' },
  planning: { ja: '支援プラン', en: 'Planning' },
  support: { ja: '支援実施', en: 'Support' },
  monitoring: { ja: 'モニタリング', en: 'Monitoring' },
  closed: { ja: '終結', en: 'Closed' },
};

export const referralOutcomeLabels: Record<string, Label> = {
  sent: { ja: '回答待ち', en: 'Awaiting answer' },
  accepted: { ja: '受理', en: 'Accepted' },
  returned: { ja: '返戻', en: 'Returned' },
};

export const meetingKindLabels: Record<string, Label> = {
  jusou: { ja: '重層的支援会議', en: 'Jusou meeting (with consent)' },
  shien: { ja: '支援会議', en: 'Shien meeting (art. 106-6)' },
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
