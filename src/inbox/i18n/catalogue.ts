/**
 * The shape of the inbox's UI strings. Each language is one file beside this one (ja.ts first,
 * en.ts); the compiler makes both complete.
 *
 * Where new strings go:
 * - a word or sentence for an existing screen: add the key here, then in ja.ts and en.ts;
 * - a new page (cases, reports…): keep its strings in its own file, `src/inbox/i18n/pages/<page>.ts`,
 *   made with `definePage({ ja: {...}, en: {...} })` and read with `usePage(page)` (see pages.ts), so
 *   a page never edits the shared catalogue.
 */
import type { Author, Channel, ConsentAnswer, ConsentScope, ConversationStatus, DeliveryState, Urgency } from '../api.js';

export type InboxLang = 'ja' | 'en';

export interface Catalogue {
  htmlLang: InboxLang;
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
  list: {
    label: string;
    empty: string;
    loadError: string;
    retry: string;
    /** Labels of the list item's lines: the first message (the subject), the latest, the search match. */
    first: string;
    latest: string;
    matched: string;
  };
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
  /** The learned model's bands in triage reasons. */
  riskBand: Record<string, string>;
  /** Fixed Japanese phrases of triage reasons in this language (empty in Japanese). */
  reasonPhrases: Record<string, string>;
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
    /** The on-call targets refused the notice and none has it; `n` refused attempts, retried. */
    unreached: (n: number, lastAt: string) => string;
    reached: (at: string) => string;
    announceUnreached: string;
    titleFlash: (n: number) => string;
    noReasons: string;
    /** The alert sound's switch and what it says now. */
    sound: string;
    soundOn: string;
    soundOff: string;
    soundBlocked: string;
    notifyAsk: string;
    notifyOn: string;
    notifyDenied: string;
    notifyTitle: string;
    notifyEscalatedTitle: string;
    /** A button's accessible name: the action and which alert it acts on. */
    named: (action: string, at: string, what: string) => string;
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
