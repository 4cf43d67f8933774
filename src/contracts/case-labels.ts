/**
 * Names of the vocabularies for people, Japanese and English: used by the つなぐシート and 開示請求
 * PDFs, the monthly report and the inbox (its case pages, and the category and channel names of
 * every screen). The one copy of each: data only, safe to import in the browser.
 */
import type { AgeBand, AgencyField, CaseStage, Category, Channel, ConsentAnswer, ConsentScope, FollowUpKind, MeetingKind, ParticipationKind, ParticipationOutcome, ReferralState, Relationship, Urgency } from './enums';

type Labels<K extends string> = Record<K, { ja: string; en: string }>;

export const STAGE_LABELS: Labels<CaseStage> = {
  intake: { ja: '受付', en: 'Intake' },
  assessment: { ja: 'アセスメント', en: 'Assessment' },
  referral: { ja: 'つなぎ', en: 'Referral' },
  coordination: { ja: '多機関協働', en: 'Coordination' },
  planning: { ja: '支援プラン', en: 'Planning' },
  support: { ja: '支援実施', en: 'Support' },
  monitoring: { ja: 'モニタリング', en: 'Monitoring' },
  closed: { ja: '終結', en: 'Closed' },
};

export const AGENCY_FIELD_LABELS: Labels<AgencyField> = {
  general: { ja: '総合相談', en: 'General consultation' },
  elderly: { ja: '高齢（地域包括支援センター）', en: 'Older people (community support centre)' },
  disability: { ja: '障害（相談支援事業所）', en: 'Disability (consultation support office)' },
  child: { ja: '子ども（こども家庭センター）', en: 'Children (child and family centre)' },
  poverty: { ja: '困窮（自立相談支援機関）', en: 'Poverty (self-reliance support)' },
  social_welfare_council: { ja: '社会福祉協議会', en: 'Social welfare council' },
  health_center: { ja: '保健センター', en: 'Health centre' },
  medical: { ja: '医療', en: 'Medical' },
  employment: { ja: '就労', en: 'Employment' },
  housing: { ja: '居住支援', en: 'Housing support' },
  other: { ja: 'その他', en: 'Other' },
};

export const AGE_BAND_LABELS: Labels<AgeBand> = {
  under18: { ja: '18歳未満', en: 'Under 18' },
  '18-39': { ja: '18〜39歳', en: '18–39' },
  '40-64': { ja: '40〜64歳', en: '40–64' },
  '65-74': { ja: '65〜74歳', en: '65–74' },
  '75plus': { ja: '75歳以上', en: '75 and over' },
  unknown: { ja: '不明', en: 'Unknown' },
};

export const RELATIONSHIP_LABELS: Labels<Relationship> = {
  self: { ja: '本人', en: 'The person' },
  spouse: { ja: '配偶者', en: 'Spouse' },
  parent: { ja: '親', en: 'Parent' },
  child: { ja: '子', en: 'Child' },
  sibling: { ja: 'きょうだい', en: 'Sibling' },
  grandparent: { ja: '祖父母', en: 'Grandparent' },
  grandchild: { ja: '孫', en: 'Grandchild' },
  other_relative: { ja: 'その他の親族', en: 'Other relative' },
  other: { ja: '同居人など', en: 'Other' },
};

export const CATEGORY_LABELS: Labels<Category> = {
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

export const CHANNEL_LABELS: Labels<Channel> = {
  line: { ja: 'LINE', en: 'LINE' },
  widget: { ja: 'Webチャット', en: 'Web chat' },
};

export const URGENCY_LABELS: Labels<Urgency> = {
  emergency: { ja: '緊急（命の危険）', en: 'Emergency' },
  high: { ja: '高', en: 'High' },
  normal: { ja: '通常', en: 'Normal' },
  low: { ja: '低', en: 'Low' },
};

export const CONSENT_LABELS: Labels<ConsentAnswer> = {
  yes: { ja: '同意あり', en: 'Agreed' },
  no: { ja: '同意なし', en: 'Declined' },
  later: { ja: '保留', en: 'Later' },
  withdrawn: { ja: '撤回', en: 'Withdrawn' },
};

export const CONSENT_SCOPE_LABELS: Labels<ConsentScope> = {
  contact: { ja: '連絡', en: 'Contact' },
  share: { ja: '情報共有', en: 'Sharing' },
};

export const REFERRAL_STATE_LABELS: Labels<ReferralState> = {
  sent: { ja: '送付済み（回答待ち）', en: 'Sent (waiting)' },
  accepted: { ja: '受理', en: 'Accepted' },
  returned: { ja: '差し戻し', en: 'Returned' },
};

export const MEETING_KIND_LABELS: Labels<MeetingKind> = {
  jusou: { ja: '重層的支援会議', en: 'Multi-layered support meeting (with consent)' },
  shien: { ja: '支援会議（社会福祉法第106条の6）', en: 'Support meeting (art. 106-6, confidential)' },
};

export const FOLLOW_UP_KIND_LABELS: Labels<FollowUpKind> = {
  visit: { ja: '訪問', en: 'Visit' },
  call: { ja: '電話', en: 'Call' },
  letter: { ja: '手紙', en: 'Letter' },
};

export const PARTICIPATION_KIND_LABELS: Labels<ParticipationKind> = {
  work: { ja: '就労', en: 'Work' },
  activity: { ja: '活動', en: 'Activity' },
  place: { ja: '居場所', en: 'A place to be' },
};

export const PARTICIPATION_OUTCOME_LABELS: Labels<ParticipationOutcome> = {
  ongoing: { ja: '継続中', en: 'Ongoing' },
  going_well: { ja: '順調', en: 'Going well' },
  stopped: { ja: '中断', en: 'Stopped' },
  ended: { ja: '終了', en: 'Ended' },
};

export const HOUSEHOLD_PATTERN_LABELS: Labels<'8050' | 'double_care' | 'young_carer'> = {
  '8050': { ja: '8050', en: '8050' },
  double_care: { ja: 'ダブルケア', en: 'Double care' },
  young_carer: { ja: 'ヤングケアラー', en: 'Young carer' },
};
