/**
 * Everything the front-door bot says, one catalogue per language (ja, en, やさしい日本語); the
 * crisis reply's words are in src/safety/safety-texts.ts.
 * The bot always says it is an automatic reply, never refuses, and never pretends to be a person.
 * Consent wording is versioned: a change of wording needs a new CONSENT_TEXT_VERSION.
 */
export type Lang = 'ja' | 'en' | 'easy-ja';

/** Bump when the consent questions' wording changes; each consent record names the version. */
export const CONSENT_TEXT_VERSION = 'consent-2026-11-v1';

export interface Catalogue {
  ack: string;
  afterHours: (next: string | null) => string;
  askSubject: string;
  subjectSelf: string;
  subjectFamily: string;
  subjectNeighbour: string;
  askAnonymous: string;
  anonymousYes: string;
  anonymousNo: string;
  anonymousConfirmed: string;
  askContact: string;
  askShare: string;
  yes: string;
  no: string;
  later: string;
  handover: string;
  /** Before a question asked again after a free-text answer the bot did not understand. */
  reaskIntro: string;
  /** The bot stops asking a question nobody answered (staff will read everything). */
  leaveToStaff: string;
  /** When staff answer, in words (easy-ja says it in the first reply). */
  staffedHoursLine: (hours: string) => string;
  /** Whether the first reply tells the staffed hours (やさしい日本語: yes). */
  ackWithHours: boolean;
  /** The safety question, asked when triage is unsure (risk band `check`). */
  askSafety: string;
  safetyYes: string;
  safetyNo: string;
  safetyUnsure: string;
  safetyNoThanks: string;
  askWithdraw: string;
  withdrawContactLabel: string;
  withdrawShareLabel: string;
  withdrawBothLabel: string;
  withdrawKeepLabel: string;
  withdrawnContact: string;
  withdrawnShare: string;
  withdrawnBoth: string;
  withdrawKept: string;
}

const ja: Catalogue = {
  ack:
    'ご連絡ありがとうございます。こちらは自動応答です。いただいた内容は、市の相談員がすべて読みます。どんなことでも、そのまま書いてくださって大丈夫です。',
  afterHours: (next) =>
    next
      ? `ただいまは受付時間外です。相談員からのお返事は ${next} 以降になります。急ぎの場合や、命に関わるときは、下の電話窓口や 119・110 にご連絡ください。`
      : 'ただいまは受付時間外です。急ぎの場合や、命に関わるときは、119・110 にご連絡ください。',
  askSubject: '差し支えなければ教えてください。どなたのことについてのご相談ですか？',
  subjectSelf: '自分のこと',
  subjectFamily: '家族のこと',
  subjectNeighbour: '近所・知人のこと',
  askAnonymous: 'ご自身のお名前やご連絡先を伝えずに（匿名で）ご相談いただくこともできます。匿名を希望されますか？',
  anonymousYes: '匿名を希望する',
  anonymousNo: '名乗ってもよい',
  anonymousConfirmed: '承知しました。お名前は伺いません。あなたを特定する情報は相談員には表示されません。このままこのチャットでやりとりできます。',
  askContact: '相談員から、このチャットであなたに連絡してもよろしいですか？',
  askShare:
    'よりよい支援のため、必要なときに市と協力する支援機関（地域包括支援センターなど）と、ご相談の内容を共有してもよろしいですか？ 同意はいつでも取り消せます。',
  yes: 'はい',
  no: 'いいえ',
  later: 'あとで決める',
  handover: 'ありがとうございます。相談員が順番に読んで、お返事します。ほかに伝えたいことがあれば、いつでも書いてください。',
  reaskIntro: 'ありがとうございます。よろしければ、こちらにも答えてください（下のボタンか、短い言葉で）。',
  leaveToStaff: 'わかりました。この質問はここまでにします。書いてくださったことは、相談員がすべて読んでお返事します。',
  staffedHoursLine: (hours) => `相談員がお返事する時間: ${hours}`,
  ackWithHours: false,
  askSafety: 'ひとつ、率直にお聞きします。いま、あなたや、ほかの誰かの命に危険がありますか？',
  safetyYes: 'はい',
  safetyNo: 'いいえ',
  safetyUnsure: 'わからない',
  safetyNoThanks: '答えてくださってありがとうございます。相談員が読んで、お返事します。危ないと感じたときは、いつでもここに書くか、119・110 に電話してください。',
  askWithdraw:
    'どの同意を取り消しますか？「連絡」は相談員からこのチャットで連絡すること、「共有」は支援機関とご相談の内容を共有することです。',
  withdrawContactLabel: '連絡',
  withdrawShareLabel: '共有',
  withdrawBothLabel: '両方',
  withdrawKeepLabel: '取り消さない',
  withdrawnContact:
    '連絡についての同意を取り消しました。こちらから先にご連絡することはしません。相談を続けたいときは、いつでもここに書いてください。相談員が読んで、このチャットでお返事します。',
  withdrawnShare: '支援機関との共有についての同意を取り消しました。これからは、ご相談の内容を支援機関と共有しません。相談はこのまま続けられます。',
  withdrawnBoth:
    '連絡と共有、両方の同意を取り消しました。こちらから先にご連絡することも、支援機関と共有することもしません。相談を続けたいときは、いつでもここに書いてください。相談員が読んで、このチャットでお返事します。',
  withdrawKept: 'わかりました。同意はそのままにします。',
};

const en: Catalogue = {
  ack:
    'Thank you for getting in touch. This is an automatic reply. A city counsellor will read everything you write. You can write about anything, just as it is.',
  afterHours: (next) =>
    next
      ? `We are outside office hours now. A counsellor will answer from ${next}. If it cannot wait, or if a life is at risk, please call the numbers below or 119 / 110.`
      : 'We are outside office hours now. If it cannot wait, or if a life is at risk, please call 119 / 110.',
  askSubject: 'If you are comfortable telling us: who is this about?',
  subjectSelf: 'Myself',
  subjectFamily: 'A family member',
  subjectNeighbour: 'Neighbour / friend',
  askAnonymous: 'You can tell us without giving your name or contact details (anonymously). Would you like to stay anonymous?',
  anonymousYes: 'Stay anonymous',
  anonymousNo: 'I can give my name',
  anonymousConfirmed: 'Understood. We will not ask your name, and nothing that identifies you will be shown to the counsellors. You can keep writing in this chat.',
  askContact: 'May a counsellor contact you in this chat?',
  askShare:
    'To help better, may we share what you told us with partner support agencies (such as the community care centre) when needed? You can withdraw this at any time.',
  yes: 'Yes',
  no: 'No',
  later: 'Decide later',
  handover: 'Thank you. A counsellor will read your messages in turn and answer. You can write more at any time.',
  reaskIntro: 'Thank you. If you can, please answer this too (with a button below, or in a few words).',
  leaveToStaff: 'All right, we will leave that question. A counsellor will read everything you wrote and answer.',
  staffedHoursLine: (hours) => `Counsellors answer: ${hours}`,
  ackWithHours: false,
  askSafety: 'May we ask you directly: is your life, or anyone else’s, in danger right now?',
  safetyYes: 'Yes',
  safetyNo: 'No',
  safetyUnsure: 'Not sure',
  safetyNoThanks: 'Thank you for answering. A counsellor will read your messages and answer. If you feel in danger, write here at any time or call 119 / 110.',
  askWithdraw: 'Which consent would you like to withdraw? "Contact": a counsellor contacting you in this chat. "Sharing": sharing what you told us with partner agencies.',
  withdrawContactLabel: 'Contact',
  withdrawShareLabel: 'Sharing',
  withdrawBothLabel: 'Both',
  withdrawKeepLabel: 'Keep them',
  withdrawnContact:
    'Your consent to be contacted is withdrawn: we will not contact you first. If you want to go on, write here at any time; a counsellor will read it and answer in this chat.',
  withdrawnShare: 'Your consent to sharing is withdrawn: we will not share your consultation with partner agencies. You can go on talking with us as before.',
  withdrawnBoth:
    'Both consents are withdrawn: we will not contact you first or share your consultation with partner agencies. If you want to go on, write here at any time; a counsellor will read it and answer in this chat.',
  withdrawKept: 'All right, your consent stays as it was.',
};

const easyJa: Catalogue = {
  ack: 'れんらく ありがとうございます。これは じどうの へんじです。しやくしょの そうだんいんが ぜんぶ よみます。どんな ことでも かいて ください。',
  afterHours: (next) =>
    next
      ? `いまは うけつけの じかんでは ありません。そうだんいんの へんじは ${next} からです。いそぐ ときや いのちが あぶない ときは、したの でんわか 119・110 に でんわして ください。`
      : 'いまは うけつけの じかんでは ありません。いのちが あぶない ときは 119・110 に でんわして ください。',
  askSubject: 'だれの ことの そうだんですか？',
  subjectSelf: 'じぶんの こと',
  subjectFamily: 'かぞくの こと',
  subjectNeighbour: 'きんじょ・しりあい',
  askAnonymous: 'なまえを いわないで（とくめいで）そうだん できます。とくめいに しますか？',
  anonymousYes: 'とくめいに する',
  anonymousNo: 'なまえを いっても いい',
  anonymousConfirmed: 'わかりました。なまえは ききません。あなたの ことが わかる じょうほうは そうだんいんに みせません。このまま この チャットで はなせます。',
  askContact: 'そうだんいんが この チャットで あなたに れんらく しても いいですか？',
  askShare: 'たすける ために、しやくしょと いっしょに はたらく ところに そうだんの ないようを つたえても いいですか？ あとで やめる ことも できます。',
  yes: 'はい',
  no: 'いいえ',
  later: 'あとで きめる',
  handover: 'ありがとうございます。そうだんいんが じゅんばんに よんで、へんじを します。いつでも かいて ください。',
  reaskIntro: 'ありがとうございます。この しつもんにも こたえて ください（したの ボタンか、みじかい ことばで）。',
  leaveToStaff: 'わかりました。この しつもんは やめます。かいた ことは そうだんいんが ぜんぶ よんで、へんじを します。',
  staffedHoursLine: (hours) => `そうだんいんが へんじを する じかん: ${hours}`,
  ackWithHours: true,
  askSafety: 'ひとつ ききます。いま、あなたや ほかの ひとの いのちが あぶないですか？',
  safetyYes: 'はい',
  safetyNo: 'いいえ',
  safetyUnsure: 'わからない',
  safetyNoThanks: 'こたえて くれて ありがとう。そうだんいんが よんで、へんじを します。あぶない ときは、いつでも ここに かくか、119・110 に でんわして ください。',
  askWithdraw: 'どの どういを とりけしますか？「れんらく」は そうだんいんが この チャットで れんらく する こと、「つたえる」は ほかの ところに そうだんを つたえる ことです。',
  withdrawContactLabel: 'れんらく',
  withdrawShareLabel: 'つたえる',
  withdrawBothLabel: 'りょうほう',
  withdrawKeepLabel: 'とりけさない',
  withdrawnContact:
    'れんらくの どういを とりけしました。こちらから さきに れんらくは しません。そうだんを つづけたい ときは、いつでも ここに かいて ください。そうだんいんが よんで、この チャットで へんじを します。',
  withdrawnShare: 'つたえる どういを とりけしました。ほかの ところに そうだんを つたえません。そうだんは このまま つづけられます。',
  withdrawnBoth:
    'りょうほうの どういを とりけしました。こちらから さきに れんらくも しませんし、ほかの ところにも つたえません。そうだんを つづけたい ときは、いつでも ここに かいて ください。そうだんいんが よんで、この チャットで へんじを します。',
  withdrawKept: 'わかりました。どういは そのままです。',
};

export const catalogues: Record<Lang, Catalogue> = { ja, en, 'easy-ja': easyJa };

export const textsFor = (lang: string | null | undefined): Catalogue => catalogues[(lang as Lang) in catalogues ? (lang as Lang) : 'ja'];
