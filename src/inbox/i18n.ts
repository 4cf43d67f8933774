/** UI strings of the staff inbox, Japanese first, English for staff who prefer it. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Author, Channel, ConsentAnswer, ConsentScope, ConversationStatus, DeliveryState, Urgency } from './api.js';

export type InboxLang = 'ja' | 'en';

export interface Catalogue {
  htmlLang: string;
  langName: string;
  langLabel: string;
  appTitle: string;
  loading: string;
  login: {
    title: string;
    email: string;
    password: string;
    submit: string;
    submitting: string;
    badCredentials: string;
    locked: string;
    operator: string;
    tooMany: string;
    failed: string;
  };
  logout: string;
  signedInAs: (name: string) => string;
  live: { connected: string; disconnected: string };
  list: { label: string; empty: string; loadError: string; retry: string };
  channel: Record<Channel, string>;
  status: Record<ConversationStatus, string>;
  statusLabel: string;
  urgency: Record<Urgency, string>;
  urgencyLabel: string;
  noTriage: string;
  unread: (n: number) => string;
  noPreview: string;
  relative: { justNow: string };
  view: {
    select: string;
    back: string;
    title: (shortId: string) => string;
    log: string;
    loading: string;
    loadError: string;
    empty: string;
    categories: string;
    reasons: string;
    reporter: string;
    details: string;
  };
  reporter: Record<string, string>;
  author: (a: Author) => string;
  delivery: Record<DeliveryState, string>;
  reply: {
    label: string;
    placeholder: string;
    send: string;
    sending: string;
    hint: string;
    counter: (n: number, max: number) => string;
    tooLong: (max: number) => string;
    failed: string;
    typingOther: (name: string) => string;
  };
  role: Record<string, string>;
  header: {
    me: string;
    onDuty: string;
    online: string;
    offline: string;
    nobodyElse: string;
    skipToList: string;
    skipToView: string;
    inboxTab: string;
    shiftTab: string;
    views: string;
  };
  alerts: {
    banner: string;
    escalatedBanner: string;
    open: string;
    ack: string;
    acking: string;
    ackFailed: string;
    at: string;
    reasons: string;
    escalated: string;
    announce: (n: number) => string;
    announceEscalated: string;
    titleFlash: (n: number) => string;
    noReasons: string;
  };
  filters: {
    label: string;
    all: string;
    category: string;
    channel: string;
    assignee: string;
    assigneeMe: string;
    assigneeNone: string;
    anonymous: string;
    search: string;
    searchPlaceholder: string;
    searchHint: string;
    clear: string;
    on: string;
  };
  loadMore: string;
  loadingMore: string;
  endOfList: string;
  emergencyPinned: string;
  anonymousBadge: string;
  assignedTo: (name: string) => string;
  unassigned: string;
  select: (shortId: string) => string;
  category: Record<string, string>;
  subject: Record<string, string>;
  subjectLabel: string;
  channelLabel: string;
  autoReply: string;
  failedReason: (reason: string) => string;
  retry: string;
  retryFailed: string;
  buttonsOffered: string;
  assign: {
    assignee: string;
    claim: string;
    claimed: string;
    to: string;
    submit: string;
    choose: string;
    failed: string;
    unassign: string;
    teams: string;
    team: (name: string) => string;
    noTeam: string;
  };
  statusActions: { label: string; waiting: string; closed: string; reopen: string; failed: string };
  triageEdit: {
    edit: string;
    title: string;
    save: string;
    cancel: string;
    failed: string;
    needCategory: string;
  };
  consent: {
    label: string;
    scope: Record<ConsentScope, string>;
    answer: Record<ConsentAnswer | 'none', string>;
    by: Record<'person' | 'staff', string>;
    history: string;
    hideHistory: string;
    record: string;
    recordSubmit: string;
    recorded: string;
    failed: string;
    loadError: string;
  };
  tabs: { messages: string; notes: (n: number) => string };
  notes: {
    title: string;
    warning: string;
    label: string;
    add: string;
    adding: string;
    empty: string;
    failed: string;
    loadError: string;
  };
  canned: {
    open: string;
    close: string;
    title: string;
    empty: string;
    loadError: string;
    add: string;
    addTitle: string;
    addText: string;
    addSubmit: string;
    added: string;
    failed: string;
    inserted: (title: string) => string;
  };
  shift: {
    title: string;
    chart: string;
    table: string;
    name: string;
    role: string;
    open: string;
    oldest: string;
    none: string;
    unacknowledged: (n: number) => string;
    unassigned: (n: number) => string;
    loadError: string;
    refresh: string;
  };
  bulk: {
    select: (shortId: string) => string;
    selected: (n: number) => string;
    to: string;
    submit: string;
    done: (n: number) => string;
    failed: string;
    clear: string;
  };
  audit: {
    open: string;
    close: string;
    title: string;
    actor: string;
    action: string;
    at: string;
    empty: string;
    loadError: string;
  };
}

const categoryJa: Record<string, string> = {
  elderly: '高齢',
  disability: '障害',
  child: '子ども',
  poverty: '生活困窮',
  housing: '住まい',
  employment: '仕事',
  health: '健康',
  isolation: '孤立',
  hikikomori: 'ひきこもり',
  selfneglect: 'セルフネグレクト',
  abuse: '虐待',
  dv: 'DV',
  suicide: '自殺念慮',
  debt: '借金',
  foreign: '外国語',
  carer: 'ケアラー',
  '8050': '8050',
  other: 'その他',
};

const categoryEn: Record<string, string> = {
  elderly: 'Older people',
  disability: 'Disability',
  child: 'Children',
  poverty: 'Poverty',
  housing: 'Housing',
  employment: 'Work',
  health: 'Health',
  isolation: 'Isolation',
  hikikomori: 'Hikikomori',
  selfneglect: 'Self-neglect',
  abuse: 'Abuse',
  dv: 'Domestic violence',
  suicide: 'Suicidal thoughts',
  debt: 'Debt',
  foreign: 'Foreign language',
  carer: 'Carer',
  '8050': '8050',
  other: 'Other',
};

/** The category codes in the order the lexicon defines them. */
export const CATEGORY_CODES = Object.keys(categoryJa);

const ja: Catalogue = {
  htmlLang: 'ja',
  langName: '日本語',
  langLabel: '表示言語',
  appTitle: 'tsunagu 相談受付',
  loading: '読み込み中…',
  login: {
    title: '職員ログイン',
    email: 'メールアドレス',
    password: 'パスワード',
    submit: 'ログイン',
    submitting: 'ログイン中…',
    badCredentials: 'メールアドレスまたはパスワードが違います。',
    operator: 'このアカウントはシステム運用者用です。相談の内容は表示されません。キューの状況は次のページで確認できます。',
    locked: 'ログインの失敗が続いたため、このアカウントはしばらくログインできません。急ぐときは管理者にロックの解除を頼んでください。',
    tooMany: 'この場所からのログインの失敗が多すぎます。しばらく待ってからもう一度どうぞ。',
    failed: 'ログインできませんでした。時間をおいてもう一度お試しください。',
  },
  logout: 'ログアウト',
  signedInAs: (name) => `${name} さん`,
  live: { connected: 'リアルタイム更新中', disconnected: '再接続中…（接続が切れています）' },
  list: {
    label: '相談一覧',
    empty: '相談はまだありません。',
    loadError: '相談一覧を読み込めませんでした。',
    retry: '再読み込み',
  },
  channel: { line: 'LINE', widget: 'Webチャット' },
  status: { new: '新規', open: '対応中', waiting: '返答待ち', closed: '終了' },
  statusLabel: '状態',
  urgency: { emergency: '緊急', high: '高', normal: '通常', low: '低' },
  urgencyLabel: '緊急度',
  noTriage: '未判定',
  unread: (n) => `未読 ${n}件`,
  noPreview: '（本文なし）',
  relative: { justNow: 'たった今' },
  view: {
    select: '左の一覧から相談を選んでください。',
    back: '一覧に戻る',
    title: (id) => `相談 #${id}`,
    log: 'メッセージ',
    loading: 'メッセージを読み込み中…',
    loadError: 'メッセージを読み込めませんでした。',
    empty: 'メッセージはありません。',
    categories: '分類',
    reasons: '判定の理由',
    reporter: '相談者',
    details: '分類・理由・同意',
  },
  reporter: {
    self: '本人',
    family: '家族',
    neighbor: '近所・知人',
    neighbour: '近所・知人',
    professional: '関係機関',
    other: 'その他',
    unknown: '不明',
  },
  author: (a) => (a.type === 'person' ? '相談者' : a.type === 'bot' ? '自動応答' : a.name || '職員'),
  delivery: { pending: '送信待ち', sending: '送信中', sent: '送信済み', failed: '送信失敗', unclear: '届いたか不明です。相談者に確認し、必要なら再送してください' },
  reply: {
    label: '返信',
    placeholder: '相談者への返信を入力',
    send: '送信',
    sending: '送信中…',
    hint: 'Ctrl+Enter（Macは⌘+Enter）でも送信できます。',
    counter: (n, max) => `${n} / ${max}文字`,
    tooLong: (max) => `${max}文字以内にしてください。`,
    failed: '送信できませんでした。',
    typingOther: (name) => `${name}さんが入力中…`,
  },
  role: { counsellor: '相談員', supervisor: '包括化推進員', admin: '管理者' },
  header: {
    me: 'ログイン中',
    onDuty: '勤務中の職員',
    online: 'オンライン',
    offline: 'オフライン',
    nobodyElse: 'ほかにオンラインの職員はいません',
    skipToList: '相談一覧へ移動',
    skipToView: '相談内容へ移動',
    inboxTab: '相談一覧',
    shiftTab: 'シフト状況',
    views: '画面の切り替え',
  },
  alerts: {
    banner: '緊急アラート',
    escalatedBanner: '【未確認のまま時間が経過】緊急アラート',
    open: '相談を開く',
    ack: '確認しました',
    acking: '確認中…',
    ackFailed: '確認を記録できませんでした。',
    at: '発生',
    reasons: '理由',
    escalated: 'エスカレーション済み（未確認のまま時間が経過）',
    announce: (n) => `緊急アラートが届きました。未確認 ${n}件。`,
    announceEscalated: '未確認の緊急アラートがエスカレーションされました。',
    titleFlash: (n) => `【緊急】未確認のアラート ${n}件`,
    noReasons: '（理由の記載なし）',
  },
  filters: {
    label: '絞り込み',
    all: 'すべて',
    category: '分類',
    channel: '窓口',
    assignee: '担当',
    assigneeMe: '自分',
    assigneeNone: '担当者なし',
    anonymous: '匿名の通報のみ',
    search: 'メッセージを検索',
    searchPlaceholder: '2文字以上で検索',
    searchHint: '2文字以上入力してください',
    clear: '絞り込みを解除',
    on: '適用中',
  },
  loadMore: 'さらに読み込む',
  loadingMore: '読み込み中…',
  endOfList: 'これ以上ありません',
  emergencyPinned: '緊急',
  anonymousBadge: '匿名',
  assignedTo: (name) => `担当: ${name}`,
  unassigned: '担当: なし',
  select: (id) => `相談 #${id} を選択`,
  category: categoryJa,
  subject: { self: '本人', family: '家族', neighbour: '近所・知人' },
  subjectLabel: '相談の対象',
  channelLabel: '窓口',
  autoReply: '自動応答',
  failedReason: (r) => `失敗: ${r}`,
  retry: '再送',
  retryFailed: '再送できませんでした。',
  buttonsOffered: '表示した選択肢',
  assign: {
    assignee: '担当者',
    claim: '担当する',
    claimed: '自分が担当しています',
    to: '担当者を変更',
    submit: '変更',
    choose: '職員を選択',
    failed: '担当を変更できませんでした。',
    unassign: '担当者なしにする',
    teams: 'チームに渡す',
    team: (name) => `チーム: ${name}`,
    noTeam: 'チームから外す',
  },
  statusActions: { label: '状態の変更', waiting: '返答待ちにする', closed: '終了する', reopen: '再開する', failed: '状態を変更できませんでした。' },
  triageEdit: {
    edit: '分類・緊急度を修正',
    title: '分類と緊急度の修正',
    save: '保存',
    cancel: 'キャンセル',
    failed: '修正を保存できませんでした。',
    needCategory: '分類を1つ以上選んでください。',
  },
  consent: {
    label: '同意',
    scope: { contact: '連絡', share: '情報共有' },
    answer: { yes: '同意あり', no: '同意なし', later: '保留', withdrawn: '撤回', none: '未確認' },
    by: { person: '本人が回答', staff: '職員が記録' },
    history: '履歴を表示',
    hideHistory: '履歴を閉じる',
    record: '職員が記録（電話などで聞いたとき）',
    recordSubmit: '記録',
    recorded: '記録しました。',
    failed: '同意を記録できませんでした。',
    loadError: '同意の状態を読み込めませんでした。',
  },
  tabs: { messages: 'メッセージ', notes: (n) => `内部メモ (${n})` },
  notes: {
    title: '内部メモ（相談者には送られません）',
    warning: 'ここに書いた内容は職員だけが見られます。相談者には送信されません。',
    label: 'メモを追加',
    add: 'メモを追加',
    adding: '追加中…',
    empty: 'メモはまだありません。',
    failed: 'メモを追加できませんでした。',
    loadError: 'メモを読み込めませんでした。',
  },
  canned: {
    open: '定型文',
    close: '定型文を閉じる',
    title: '定型文を選んで挿入',
    empty: '定型文はまだありません。',
    loadError: '定型文を読み込めませんでした。',
    add: '定型文を追加',
    addTitle: '件名',
    addText: '本文',
    addSubmit: '追加',
    added: '定型文を追加しました。',
    failed: '定型文を追加できませんでした。',
    inserted: (title) => `「${title}」を返信欄に挿入しました。`,
  },
  shift: {
    title: 'シフト状況',
    chart: '職員ごとの対応中の相談件数',
    table: '職員ごとの状況',
    name: '職員',
    role: '役割',
    open: '対応中',
    oldest: '最も古い未返信',
    none: 'なし',
    unacknowledged: (n) => `未確認の緊急アラート: ${n}件`,
    unassigned: (n) => `担当者のいない相談: ${n}件`,
    loadError: 'シフト状況を読み込めませんでした。',
    refresh: '更新',
  },
  bulk: {
    select: (id) => `相談 #${id} をまとめて担当変更の対象にする`,
    selected: (n) => `${n}件を選択中`,
    to: '新しい担当者',
    submit: 'まとめて担当変更',
    done: (n) => `${n}件の担当を変更しました。`,
    failed: '担当を変更できませんでした。',
    clear: '選択を解除',
  },
  audit: {
    open: '操作履歴',
    close: '操作履歴を閉じる',
    title: 'この相談の操作履歴',
    actor: '職員',
    action: '操作',
    at: '日時',
    empty: '記録はありません。',
    loadError: '操作履歴を読み込めませんでした。',
  },
};

const en: Catalogue = {
  htmlLang: 'en',
  langName: 'English',
  langLabel: 'Language',
  appTitle: 'tsunagu inbox',
  loading: 'Loading…',
  login: {
    title: 'Staff sign-in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    badCredentials: 'Wrong email or password.',
    operator: 'This is a system operator account: it shows no consultations. The queues are on this page.',
    locked: 'Too many failed logins: this account cannot log in for a while. If it cannot wait, ask an administrator to unlock it.',
    tooMany: 'Too many failed logins from this place. Please wait a while and try again.',
    failed: 'Could not sign in. Please try again later.',
  },
  logout: 'Sign out',
  signedInAs: (name) => name,
  live: { connected: 'Live', disconnected: 'Reconnecting… (disconnected)' },
  list: {
    label: 'Conversations',
    empty: 'No conversations yet.',
    loadError: 'Could not load the conversations.',
    retry: 'Reload',
  },
  channel: { line: 'LINE', widget: 'Web chat' },
  status: { new: 'New', open: 'Open', waiting: 'Waiting', closed: 'Closed' },
  statusLabel: 'Status',
  urgency: { emergency: 'Emergency', high: 'High', normal: 'Normal', low: 'Low' },
  urgencyLabel: 'Urgency',
  noTriage: 'Not triaged',
  unread: (n) => `${n} unread`,
  noPreview: '(no text)',
  relative: { justNow: 'just now' },
  view: {
    select: 'Choose a conversation from the list.',
    back: 'Back to the list',
    title: (id) => `Conversation #${id}`,
    log: 'Messages',
    loading: 'Loading messages…',
    loadError: 'Could not load the messages.',
    empty: 'No messages.',
    categories: 'Categories',
    reasons: 'Why',
    reporter: 'Reporter',
    details: 'Triage, reasons, consent',
  },
  reporter: {
    self: 'the person',
    family: 'family',
    neighbor: 'neighbour / acquaintance',
    neighbour: 'neighbour / acquaintance',
    professional: 'agency',
    other: 'other',
    unknown: 'unknown',
  },
  author: (a) => (a.type === 'person' ? 'Resident' : a.type === 'bot' ? 'Auto reply' : a.name || 'Staff'),
  delivery: { pending: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed', unclear: 'Not known whether it arrived. Check with the person and send again if needed' },
  reply: {
    label: 'Reply',
    placeholder: 'Write a reply to the resident',
    send: 'Send',
    sending: 'Sending…',
    hint: 'Ctrl+Enter (⌘+Enter on Mac) also sends.',
    counter: (n, max) => `${n} / ${max} characters`,
    tooLong: (max) => `Please keep it within ${max} characters.`,
    failed: 'Could not send.',
    typingOther: (name) => `${name} is typing…`,
  },
  role: { counsellor: 'Counsellor', supervisor: 'Coordinator', admin: 'Admin' },
  header: {
    me: 'Signed in',
    onDuty: 'Staff on duty',
    online: 'online',
    offline: 'offline',
    nobodyElse: 'No other staff online',
    skipToList: 'Skip to the list',
    skipToView: 'Skip to the conversation',
    inboxTab: 'Conversations',
    shiftTab: 'Shift',
    views: 'Views',
  },
  alerts: {
    banner: 'Crisis alerts',
    escalatedBanner: '[Not acknowledged in time] Crisis alerts',
    open: 'Open conversation',
    ack: 'Acknowledge',
    acking: 'Acknowledging…',
    ackFailed: 'Could not acknowledge.',
    at: 'Raised',
    reasons: 'Why',
    escalated: 'Escalated (not acknowledged in time)',
    announce: (n) => `New crisis alert. ${n} not acknowledged.`,
    announceEscalated: 'An unacknowledged crisis alert was escalated.',
    titleFlash: (n) => `[URGENT] ${n} crisis alert${n === 1 ? '' : 's'}`,
    noReasons: '(no reason given)',
  },
  filters: {
    label: 'Filters',
    all: 'All',
    category: 'Category',
    channel: 'Channel',
    assignee: 'Assignee',
    assigneeMe: 'Me',
    assigneeNone: 'Nobody',
    anonymous: 'Anonymous reports only',
    search: 'Search messages',
    searchPlaceholder: 'At least 2 characters',
    searchHint: 'Type at least 2 characters',
    clear: 'Clear filters',
    on: 'active',
  },
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  endOfList: 'No more conversations',
  emergencyPinned: 'Emergency',
  anonymousBadge: 'Anonymous',
  assignedTo: (name) => `Assignee: ${name}`,
  unassigned: 'Assignee: nobody',
  select: (id) => `Select conversation #${id}`,
  category: categoryEn,
  subject: { self: 'the person', family: 'family', neighbour: 'neighbour / acquaintance' },
  subjectLabel: 'About',
  channelLabel: 'Channel',
  autoReply: 'Auto reply',
  failedReason: (r) => `Failed: ${r}`,
  retry: 'Retry',
  retryFailed: 'Could not retry.',
  buttonsOffered: 'Choices shown',
  assign: {
    assignee: 'Assignee',
    claim: 'Take this case',
    claimed: 'You hold this case',
    to: 'Change assignee',
    submit: 'Change',
    choose: 'Choose a colleague',
    failed: 'Could not change the assignee.',
    unassign: 'Nobody',
    teams: 'Hand to a team',
    team: (name) => `Team: ${name}`,
    noTeam: 'No team',
  },
  statusActions: { label: 'Change status', waiting: 'Mark waiting', closed: 'Close', reopen: 'Reopen', failed: 'Could not change the status.' },
  triageEdit: {
    edit: 'Correct triage',
    title: 'Correct categories and urgency',
    save: 'Save',
    cancel: 'Cancel',
    failed: 'Could not save the correction.',
    needCategory: 'Choose at least one category.',
  },
  consent: {
    label: 'Consent',
    scope: { contact: 'Contact', share: 'Sharing' },
    answer: { yes: 'Yes', no: 'No', later: 'Later', withdrawn: 'Withdrawn', none: 'Not asked' },
    by: { person: 'answered by the person', staff: 'recorded by staff' },
    history: 'Show history',
    hideHistory: 'Hide history',
    record: 'Record (e.g. said on the phone)',
    recordSubmit: 'Record',
    recorded: 'Recorded.',
    failed: 'Could not record the consent.',
    loadError: 'Could not load the consent state.',
  },
  tabs: { messages: 'Messages', notes: (n) => `Internal notes (${n})` },
  notes: {
    title: 'Internal notes (never sent to the resident)',
    warning: 'Only staff can read these notes. They are never sent to the resident.',
    label: 'Add a note',
    add: 'Add note',
    adding: 'Adding…',
    empty: 'No notes yet.',
    failed: 'Could not add the note.',
    loadError: 'Could not load the notes.',
  },
  canned: {
    open: 'Canned replies',
    close: 'Close canned replies',
    title: 'Insert a canned reply',
    empty: 'No canned replies yet.',
    loadError: 'Could not load the canned replies.',
    add: 'Add a canned reply',
    addTitle: 'Title',
    addText: 'Text',
    addSubmit: 'Add',
    added: 'Canned reply added.',
    failed: 'Could not add the canned reply.',
    inserted: (title) => `Inserted "${title}" into the reply.`,
  },
  shift: {
    title: 'Shift overview',
    chart: 'Open conversations per staff member',
    table: 'Per staff member',
    name: 'Staff',
    role: 'Role',
    open: 'Open',
    oldest: 'Oldest unanswered',
    none: 'none',
    unacknowledged: (n) => `Unacknowledged crisis alerts: ${n}`,
    unassigned: (n) => `Conversations nobody holds: ${n}`,
    loadError: 'Could not load the shift overview.',
    refresh: 'Refresh',
  },
  bulk: {
    select: (id) => `Select conversation #${id} for reassignment`,
    selected: (n) => `${n} selected`,
    to: 'New assignee',
    submit: 'Reassign selected',
    done: (n) => `Reassigned ${n}.`,
    failed: 'Could not reassign.',
    clear: 'Clear selection',
  },
  audit: {
    open: 'Audit log',
    close: 'Close audit log',
    title: 'Audit log of this conversation',
    actor: 'Staff',
    action: 'Action',
    at: 'When',
    empty: 'No entries.',
    loadError: 'Could not load the audit log.',
  },
};

export const catalogues: Record<InboxLang, Catalogue> = { ja, en };

const LANG_KEY = 'tsunagu.inbox.lang';

export function initialLang(): InboxLang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    if (v === 'ja' || v === 'en') return v;
  } catch {
    /* ignore */
  }
  return 'ja';
}

export function saveLang(lang: InboxLang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* ignore */
  }
}

export const I18n = createContext<Catalogue>(ja);

export function useT(): Catalogue {
  return useContext(I18n);
}

/** "3分前" / "3 minutes ago"; older than a week: the date. */
export function relativeTime(iso: string, now: number, t: Catalogue): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const sec = Math.round((then - now) / 1000);
  const abs = Math.abs(sec);
  if (abs < 45) return t.relative.justNow;
  try {
    const rtf = new Intl.RelativeTimeFormat(t.htmlLang, { numeric: 'auto' });
    if (abs < 3600) return rtf.format(Math.round(sec / 60), 'minute');
    if (abs < 86400) return rtf.format(Math.round(sec / 3600), 'hour');
    if (abs < 7 * 86400) return rtf.format(Math.round(sec / 86400), 'day');
  } catch {
    /* fall through */
  }
  return absoluteTime(iso, t);
}

export function absoluteTime(iso: string, t: Catalogue): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(t.htmlLang, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  } catch {
    return d.toLocaleString();
  }
}

