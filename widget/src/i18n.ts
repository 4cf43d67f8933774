/**
 * Every string the widget shows, one catalogue per language. やさしい日本語 follows the usual
 * guidance: short sentences, spaces between phrases, plain words, kanji only where common.
 */
export type WidgetLang = 'ja' | 'en' | 'easy-ja';

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
  title: string;
  subtitle: string;
  close: string;
  noticeStaff: string;
  noticeEmergency: string;
  welcome: string;
  logLabel: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  counter: (n: number, max: number) => string;
  tooLong: (max: number) => string;
  you: string;
  them: string;
  /** Label of messages written by the front-door bot (never presented as a person). */
  bot: string;
  choices: string;
  typing: string;
  sending: string;
  failed: string;
  retryNow: string;
  sendError: string;
  tooMany: string;
  offline: string;
  loadError: string;
}

const ja: Catalogue = {
  htmlLang: 'ja',
  langName: '日本語',
  langLabel: '表示言語',
  launcher: '相談する',
  launcherLabel: '福祉の総合相談チャットを開く',
  unread: (n) => `新しい返信 ${n}件`,
  title: '福祉の総合相談',
  subtitle: 'どんなことでも、まずはご相談ください',
  close: 'チャットを閉じる',
  noticeStaff: '返信は市の職員が受付時間内にお送りします。時間外のご相談には翌開庁日以降に返信します。',
  noticeEmergency: '命に関わる緊急時は、すぐに 119（救急・消防）または 110（警察）に電話してください。',
  welcome:
    '生活のこと、お金のこと、介護や子育て、ひきこもり、住まいなど、どこに相談すればよいか分からないことも、そのまま書いてください。',
  logLabel: '相談のやりとり',
  inputLabel: '相談内容',
  placeholder: 'ここに入力（Enterで送信、Shift+Enterで改行）',
  send: '送信',
  counter: (n, max) => `${n} / ${max}文字`,
  tooLong: (max) => `${max}文字以内で入力してください。`,
  you: 'あなた',
  them: '相談窓口',
  bot: '自動応答',
  choices: '選んで答える（入力して答えることもできます）',
  typing: '担当者が入力中です…',
  sending: '送信中…',
  failed: '未送信（自動で再送します）',
  retryNow: '今すぐ再送',
  sendError: '送信できませんでした。内容を確認して、もう一度お試しください。',
  tooMany: '送信が集中しています。少し待ってから自動で再送します。',
  offline: '接続が切れています。つながり次第、自動で送信します。',
  loadError: 'これまでのやりとりを読み込めませんでした。',
};

const en: Catalogue = {
  htmlLang: 'en',
  langName: 'English',
  langLabel: 'Language',
  launcher: 'Ask us',
  launcherLabel: 'Open the welfare consultation chat',
  unread: (n) => `${n} new ${n === 1 ? 'reply' : 'replies'}`,
  title: 'Welfare consultation',
  subtitle: 'Whatever it is, you can ask us first',
  close: 'Close the chat',
  noticeStaff:
    'Replies come from city staff during staffed hours. Messages sent outside those hours are answered on the next working day.',
  noticeEmergency: 'In an emergency, call 119 (ambulance, fire) or 110 (police) right away.',
  welcome:
    'Money, daily life, care, child-rearing, housing, isolation — even if you do not know whom to ask, just write it here.',
  logLabel: 'Conversation',
  inputLabel: 'Your message',
  placeholder: 'Type here (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  counter: (n, max) => `${n} / ${max} characters`,
  tooLong: (max) => `Please keep it within ${max} characters.`,
  you: 'You',
  them: 'City staff',
  bot: 'Automatic reply',
  choices: 'Choose an answer (or type your own)',
  typing: 'A staff member is typing…',
  sending: 'Sending…',
  failed: 'Not sent yet, will retry automatically',
  retryNow: 'Retry now',
  sendError: 'Could not send. Please check the text and try again.',
  tooMany: 'Too many messages right now. Will retry shortly.',
  offline: 'Connection lost. Your messages will be sent when it is back.',
  loadError: 'Could not load the earlier messages.',
};

const easyJa: Catalogue = {
  htmlLang: 'ja',
  langName: 'やさしい日本語',
  langLabel: 'ことば',
  launcher: 'そうだん',
  launcherLabel: 'そうだんの チャットを ひらく',
  unread: (n) => `あたらしい へんじ ${n}こ`,
  title: 'ふくしの そうだん',
  subtitle: 'こまった ことを 書いて ください',
  close: 'チャットを とじる',
  noticeStaff: '市の しょくいんが へんじを します。しょくいんが いる 時間に へんじを します。',
  noticeEmergency: 'いのちが あぶない ときは、すぐに 119（きゅうきゅうしゃ）か 110（けいさつ）に 電話して ください。',
  welcome: 'お金、くらし、びょうき、こそだて、すむ ところ など、なんでも 書いて ください。',
  logLabel: 'そうだんの やりとり',
  inputLabel: 'そうだんする こと',
  placeholder: 'ここに 書いて ください',
  send: 'おくる',
  counter: (n, max) => `${n} / ${max}もじ`,
  tooLong: (max) => `${max}もじ までに して ください。`,
  you: 'あなた',
  them: '市の しょくいん',
  bot: 'じどうの へんじ',
  choices: 'えらんで ください（書いても いいです）',
  typing: 'たんとうの ひとが かいています…',
  sending: 'おくっています…',
  failed: 'まだ おくれて いません（あとで もう一度 おくります）',
  retryNow: 'もう一度 おくる',
  sendError: 'おくれませんでした。もう一度 おくって ください。',
  tooMany: 'いま こんでいます。すこし まってから おくります。',
  offline: 'インターネットに つながって いません。つながったら おくります。',
  loadError: 'まえの やりとりを 出せませんでした。',
};

export const catalogues: Record<WidgetLang, Catalogue> = { ja, en, 'easy-ja': easyJa };

export function isLang(v: unknown): v is WidgetLang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Initial language from the browser's first preferred language: `ja*` → 日本語, anything else → English. */
export function detectLang(navLang: string | undefined): WidgetLang {
  return (navLang ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
