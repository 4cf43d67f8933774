/**
 * Every string the widget shows, one catalogue per language. やさしい日本語 follows the usual
 * guidance: short sentences, spaces between phrases, plain words, kanji only where common.
 * Each text must be true whenever it is shown (also at night, with nobody on duty).
 */
import type { WidgetLang } from './contract.js';

export type { WidgetLang };

export const LANGS: readonly WidgetLang[] = ['ja', 'en', 'easy-ja'];

export interface Catalogue {
  /** Value for the `lang` attribute. */
  htmlLang: string;
  /** Name of this language, written in itself (language switch). */
  langName: string;
  langLabel: string;
  launcher: string;
  launcherLabel: string;
  unread: (n: number) => string;
  /** Accessible name of the chat frame (iframe title). */
  frameTitle: string;
  title: string;
  subtitle: string;
  /** The × button: hides the panel, the conversation stays. */
  close: string;
  quickExit: string;
  quickExitLabel: string;
  noticeStaff: string;
  noticeEmergency: string;
  /** How long the conversation stays on this device (the server's idle lifetime). */
  noticeDevice: (idleMinutes: number) => string;
  /** The browser keeps nothing for the frame (third-party storage blocked). */
  noticeNoStorage: string;
  noticeHide: string;
  noticeShow: string;
  welcome: string;
  logLabel: string;
  inputLabel: string;
  placeholder: string;
  /** Touch screens: Enter makes a new line, the button sends. */
  placeholderTouch: string;
  send: string;
  counter: (n: number, max: number) => string;
  tooLong: (max: number) => string;
  you: string;
  them: string;
  /** Label of messages written by the front-door bot (never presented as a person). */
  bot: string;
  choices: string;
  call: (number: string) => string;
  typing: string;
  sending: string;
  failed: string;
  retryNow: string;
  rejectedTooLong: (max: number) => string;
  rejectedInvalid: string;
  editRejected: string;
  removeRejected: string;
  tooMany: string;
  offline: string;
  loadError: string;
  erase: string;
  eraseQuestion: string;
  eraseConfirm: string;
  eraseCancel: string;
  erased: string;
  expired: string;
}

/** A duration in the largest whole unit (under a minute only in drills and tests). */
function duration(min: number, hours: (h: number) => string, minutes: (m: number) => string, seconds: (s: number) => string): string {
  if (min < 1) return seconds(Math.max(1, Math.round(min * 60)));
  const m = Math.round(min);
  return m % 60 === 0 ? hours(m / 60) : minutes(m);
}

const ja: Catalogue = {
  htmlLang: 'ja',
  langName: '日本語',
  langLabel: '表示言語',
  launcher: '相談する',
  launcherLabel: '福祉の総合相談チャットを開く',
  unread: (n) => `新しい返信 ${n}件`,
  frameTitle: '福祉の総合相談チャット',
  title: '福祉の総合相談',
  subtitle: 'どんなことでも、まずはご相談ください',
  close: 'チャットを最小化する（やりとりは残ります）',
  quickExit: 'すぐに閉じる',
  quickExitLabel: 'すぐに閉じる：この端末の履歴を消して、別のページに移ります',
  noticeStaff: '返信は市の職員が受付時間内にお送りします。時間外のご相談には翌開庁日以降に返信します。',
  noticeEmergency: '命に関わる緊急時は、すぐに 119（救急・消防）または 110（警察）に電話してください。',
  noticeDevice: (min) =>
    `ブラウザ（タブ）を閉じるか、${duration(min, (h) => `${h}時間`, (m) => `${m}分`, (sec) => `${sec}秒`)}操作がないと、この端末ではやりとりが見られなくなります（内容は職員に届いています）。返信を確実に受け取りたい方は、電話番号など連絡の取れる方法も書いてください。`,
  noticeNoStorage: 'このブラウザの設定では、ページを移動したり読み込み直したりすると、この端末ではやりとりが見られなくなります（内容は職員に届いています）。',
  noticeHide: 'お知らせをたたむ',
  noticeShow: 'お知らせを表示',
  welcome:
    '生活のこと、お金のこと、介護や子育て、ひきこもり、住まいなど、どこに相談すればよいか分からないことも、そのまま書いてください。',
  logLabel: '相談のやりとり',
  inputLabel: '相談内容',
  placeholder: 'ここに入力（Enterで送信、Shift+Enterで改行）',
  placeholderTouch: 'ここに入力（送信ボタンで送ります）',
  send: '送信',
  counter: (n, max) => `${n} / ${max}文字`,
  tooLong: (max) => `${max}文字以内で入力してください。`,
  you: 'あなた',
  them: '相談窓口',
  bot: '自動応答',
  choices: '選んで答える（入力して答えることもできます）',
  call: (n) => `${n} に電話する`,
  typing: '担当者が入力中です…',
  sending: '送信中…',
  failed: '未送信（自動で再送します）',
  retryNow: '今すぐ再送',
  rejectedTooLong: (max) => `送れませんでした：長すぎます（${max}文字まで）。直して送ってください。`,
  rejectedInvalid: '送れませんでした：この内容は受け付けられませんでした。直して送ってください。',
  editRejected: '直す',
  removeRejected: '取り消す',
  tooMany: '送信が集中しています。少し待ってから自動で再送します。',
  offline: '接続が切れています。つながり次第、自動で送信します。',
  loadError: 'これまでのやりとりを読み込めませんでした。',
  erase: 'この端末から履歴を消す',
  eraseQuestion: 'この端末から、このやりとりを消しますか？ 相談の内容は職員に届いていて、記録は市に残ります。',
  eraseConfirm: '消す',
  eraseCancel: 'やめる',
  erased: 'この端末から履歴を消しました。',
  expired:
    'しばらく操作がなかったため、この端末でのやりとりの表示を終えました。内容は職員に届いています。続けて書くと、新しい相談として届きます。',
};

const en: Catalogue = {
  htmlLang: 'en',
  langName: 'English',
  langLabel: 'Language',
  launcher: 'Ask us',
  launcherLabel: 'Open the welfare consultation chat',
  unread: (n) => `${n} new ${n === 1 ? 'reply' : 'replies'}`,
  frameTitle: 'Welfare consultation chat',
  title: 'Welfare consultation',
  subtitle: 'Whatever it is, you can ask us first',
  close: 'Minimise the chat (the conversation stays)',
  quickExit: 'Leave now',
  quickExitLabel: 'Leave now: erase this chat from this device and go to another page',
  noticeStaff:
    'Replies come from city staff during staffed hours. Messages sent outside those hours are answered on the next working day.',
  noticeEmergency: 'In an emergency, call 119 (ambulance, fire) or 110 (police) right away.',
  noticeDevice: (min) =>
    `If you close this browser tab or do nothing for ${duration(min, (h) => `${h} hour${h === 1 ? '' : 's'}`, (m) => `${m} minute${m === 1 ? '' : 's'}`, (sec) => `${sec} seconds`)}, this conversation can no longer be seen on this device (staff have received it). To be sure to get an answer, also write how we can reach you, such as a phone number.`,
  noticeNoStorage:
    'With this browser’s settings, the conversation can no longer be seen on this device once you reload or leave this page (staff have received it).',
  noticeHide: 'Hide this notice',
  noticeShow: 'Show the notice',
  welcome:
    'Money, daily life, care, child-rearing, housing, isolation — even if you do not know whom to ask, just write it here.',
  logLabel: 'Conversation',
  inputLabel: 'Your message',
  placeholder: 'Type here (Enter to send, Shift+Enter for a new line)',
  placeholderTouch: 'Type here (tap Send to send)',
  send: 'Send',
  counter: (n, max) => `${n} / ${max} characters`,
  tooLong: (max) => `Please keep it within ${max} characters.`,
  you: 'You',
  them: 'City staff',
  bot: 'Automatic reply',
  choices: 'Choose an answer (or type your own)',
  call: (n) => `Call ${n}`,
  typing: 'A staff member is typing…',
  sending: 'Sending…',
  failed: 'Not sent yet, will retry automatically',
  retryNow: 'Retry now',
  rejectedTooLong: (max) => `Not sent: too long (at most ${max} characters). Please shorten it and send again.`,
  rejectedInvalid: 'Not sent: this message was not accepted. Please change it and send again.',
  editRejected: 'Edit',
  removeRejected: 'Remove',
  tooMany: 'Too many messages right now. Will retry shortly.',
  offline: 'Connection lost. Your messages will be sent when it is back.',
  loadError: 'Could not load the earlier messages.',
  erase: 'Erase from this device',
  eraseQuestion: 'Erase this conversation from this device? Staff have received it, and the city keeps its record.',
  eraseConfirm: 'Erase',
  eraseCancel: 'Cancel',
  erased: 'The conversation was erased from this device.',
  expired:
    'Nothing happened here for a while, so this conversation is no longer shown on this device. Staff have received it. If you write again, it reaches them as a new consultation.',
};

const easyJa: Catalogue = {
  htmlLang: 'ja',
  langName: 'やさしい日本語',
  langLabel: 'ことば',
  launcher: 'そうだん',
  launcherLabel: 'そうだんの チャットを ひらく',
  unread: (n) => `あたらしい へんじ ${n}こ`,
  frameTitle: 'ふくしの そうだんの チャット',
  title: 'ふくしの そうだん',
  subtitle: 'こまった ことを 書いて ください',
  close: 'チャットを 小さく する（やりとりは のこります）',
  quickExit: 'すぐ とじる',
  quickExitLabel: 'すぐ とじる：りれきを けして、ちがう ページに いきます',
  noticeStaff: '市の しょくいんが へんじを します。しょくいんが いる 時間に へんじを します。',
  noticeEmergency: 'いのちが あぶない ときは、すぐに 119（きゅうきゅうしゃ）か 110（けいさつ）に 電話して ください。',
  noticeDevice: (min) =>
    `ブラウザを とじるか、${duration(min, (h) => `${h}じかん`, (m) => `${m}分`, (sec) => `${sec}びょう`)} なにも しないと、やりとりは もう 見られません（しょくいんには とどいて います）。へんじが ほしい ときは、電話ばんごう なども 書いて ください。`,
  noticeNoStorage: 'この ブラウザでは、ページを かえると やりとりは もう 見られません（しょくいんには とどいて います）。',
  noticeHide: 'おしらせを 小さく する',
  noticeShow: 'おしらせを 見る',
  welcome: 'お金、くらし、びょうき、こそだて、すむ ところ など、なんでも 書いて ください。',
  logLabel: 'そうだんの やりとり',
  inputLabel: 'そうだんする こと',
  placeholder: 'ここに 書いて ください',
  placeholderTouch: 'ここに 書いて ください（「おくる」で おくります）',
  send: 'おくる',
  counter: (n, max) => `${n} / ${max}もじ`,
  tooLong: (max) => `${max}もじ までに して ください。`,
  you: 'あなた',
  them: '市の しょくいん',
  bot: 'じどうの へんじ',
  choices: 'えらんで ください（書いても いいです）',
  call: (n) => `${n} に 電話する`,
  typing: 'たんとうの ひとが かいています…',
  sending: 'おくっています…',
  failed: 'まだ おくれて いません（あとで もう一度 おくります）',
  retryNow: 'もう一度 おくる',
  rejectedTooLong: (max) => `おくれません でした：ながすぎます（${max}もじ まで）。みじかく して ください。`,
  rejectedInvalid: 'おくれません でした。ないようを なおして ください。',
  editRejected: 'なおす',
  removeRejected: 'やめる',
  tooMany: 'いま こんでいます。すこし まってから おくります。',
  offline: 'インターネットに つながって いません。つながったら おくります。',
  loadError: 'まえの やりとりを 出せませんでした。',
  erase: 'りれきを けす',
  eraseQuestion: 'ここから やりとりを けしますか？ しょくいんには とどいて います。',
  eraseConfirm: 'けす',
  eraseCancel: 'やめる',
  erased: 'りれきを けしました。',
  expired:
    'しばらく つかわなかったので、やりとりは もう 見られません。しょくいんには とどいて います。また 書くと、あたらしい そうだんに なります。',
};

export const catalogues: Record<WidgetLang, Catalogue> = { ja, en, 'easy-ja': easyJa };

export function isLang(v: unknown): v is WidgetLang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Initial language from the browser's first preferred language: `ja*` → 日本語, anything else → English. */
export function detectLang(navLang: string | undefined): WidgetLang {
  return (navLang ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
