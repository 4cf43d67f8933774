/**
 * Everything the front-door bot says, one catalogue per language (ja, en, やさしい日本語).
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
  withdrawn: string;
  safety: string;
  safetyHotlinesIntro: string;
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
  anonymousConfirmed: '承知しました。あなたを特定する情報は相談員には表示されません。このままこのチャットでやりとりできます。',
  askContact: '相談員から、このチャットであなたに連絡してもよろしいですか？',
  askShare:
    'よりよい支援のため、必要なときに市と協力する支援機関（地域包括支援センターなど）と、ご相談の内容を共有してもよろしいですか？ 同意はいつでも取り消せます。',
  yes: 'はい',
  no: 'いいえ',
  later: 'あとで決める',
  handover: 'ありがとうございます。相談員が順番に読んで、お返事します。ほかに伝えたいことがあれば、いつでも書いてください。',
  withdrawn: '同意の取り消しを受け付けました。これ以降、ご相談の内容を支援機関と共有したり、こちらから連絡したりすることはありません。',
  safety:
    'メッセージを読みました。とてもつらい状況の中、書いてくださってありがとうございます。あなたのことが心配です。相談員にすぐ知らせました。今、命の危険があるときは、ためらわずに 119（救急）か 110（警察）に電話してください。',
  safetyHotlinesIntro: '今すぐ話せる窓口:',
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
  anonymousConfirmed: 'Understood. Nothing that identifies you will be shown to the counsellors. You can keep writing in this chat.',
  askContact: 'May a counsellor contact you in this chat?',
  askShare:
    'To help better, may we share what you told us with partner support agencies (such as the community care centre) when needed? You can withdraw this at any time.',
  yes: 'Yes',
  no: 'No',
  later: 'Decide later',
  handover: 'Thank you. A counsellor will read your messages in turn and answer. You can write more at any time.',
  withdrawn: 'Your consent has been withdrawn. From now on we will not share your consultation with partner agencies or contact you.',
  safety:
    'We have read your message. Thank you for writing to us while things are so hard. We are worried about you and have told a counsellor right away. If your life is in danger now, please call 119 (ambulance) or 110 (police) without hesitation.',
  safetyHotlinesIntro: 'You can talk to someone now:',
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
  anonymousConfirmed: 'わかりました。あなたの ことが わかる じょうほうは そうだんいんに みせません。このまま この チャットで はなせます。',
  askContact: 'そうだんいんが この チャットで あなたに れんらく しても いいですか？',
  askShare: 'たすける ために、しやくしょと いっしょに はたらく ところに そうだんの ないようを つたえても いいですか？ あとで やめる ことも できます。',
  yes: 'はい',
  no: 'いいえ',
  later: 'あとで きめる',
  handover: 'ありがとうございます。そうだんいんが じゅんばんに よんで、へんじを します。いつでも かいて ください。',
  withdrawn: 'どういを とりけしました。これからは ほかの ところに つたえたり、れんらく したり しません。',
  safety:
    'メッセージを よみました。かいて くれて ありがとう。あなたの ことが しんぱいです。すぐに そうだんいんに しらせました。いま いのちが あぶない ときは 119（きゅうきゅう）か 110（けいさつ）に でんわして ください。',
  safetyHotlinesIntro: 'いま はなせる でんわ:',
};

export const catalogues: Record<Lang, Catalogue> = { ja, en, 'easy-ja': easyJa };

export const textsFor = (lang: string | null | undefined): Catalogue => catalogues[(lang as Lang) in catalogues ? (lang as Lang) : 'ja'];
