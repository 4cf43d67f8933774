/**
 * The words of the crisis reply, per language (ja, en, やさしい日本語), in parts that
 * safety-reply.ts puts together: an opening that fits who is writing, what happens now (true at
 * that moment: staff told, the on-call staff being told, or nobody can read it until the desk
 * opens; later, if every on-call target refused the notice, that they were not reached), what to
 * do, and the numbers.
 */
import type { Lang } from '../dialogue/texts';

export interface SafetyTexts {
  /** To the person in trouble. */
  openSelf: string;
  /** To someone worried about another person (family, neighbour). */
  openOthers: string;
  /** A staff member has the inbox open. */
  dutyStaff: string;
  /** Nobody has the inbox open; the on-call roster covers this hour. */
  dutyOnCall: string;
  /** Later, when every on-call target refused the notice: the on-call staff were not reached. */
  onCallUnreached: string;
  /** Nobody can read it now; `next`: when the desk opens (null: not known / open but nobody in). */
  dutyNobody: (next: string | null) => string;
  /** Self, staff told. */
  actSelf: string;
  /** Self, nobody reading now: call now. */
  actNow: string;
  /** Danger from a partner or at home: options that need no call. */
  actUnsafeToCall: (hasChat: boolean) => string;
  /** The widget's quick exit button (label as the widget shows it). */
  quickExit: string;
  /** Someone worried about another: a welfare check (安否確認), what to tell, stay safe. */
  actOthers: string;
  hotlinesIntroSelf: string;
  hotlinesIntroOthers: string;
  /** Between sentences of one paragraph. */
  join: string;
}

const ja: SafetyTexts = {
  openSelf: 'メッセージを読みました。とてもつらい状況の中、書いてくださってありがとうございます。あなたのことが心配です。',
  openOthers: '知らせてくださってありがとうございます。その方のことが心配ですね。',
  dutyStaff: '相談員にすぐ知らせました。',
  dutyOnCall: 'いまは受信箱を見ている相談員がいないため、当番の職員に知らせています。お返事までに時間がかかることがあります。',
  onCallUnreached: '先ほどのメッセージについて、当番の職員に、まだ連絡がついていません。',
  dutyNobody: (next) =>
    next ? `いまは、このメッセージをすぐに読める職員がいません。相談員が読めるのは ${next} 以降です。` : 'いまは、このメッセージをすぐに読める職員がいません。',
  actSelf: '今、命の危険があるときは、ためらわずに 119（救急）か 110（警察）に電話してください。',
  actNow: '待たずに、今すぐ下の番号に電話してください。命の危険があるときは 119（救急）か 110（警察）へ。',
  actUnsafeToCall: (hasChat) =>
    `今すぐ危ないときは 110（警察）へ。電話ができない・声を出せないときは、${hasChat ? '下の「チャット」のページから文字で相談できます。また、' : ''}近くの交番や、コンビニなど人のいる安全な場所に逃げることもできます。`,
  quickExit: '「すぐに閉じる」ボタンを押すと、この画面の履歴を消して、すぐに別のページに移ります。',
  actOthers:
    'その方の命が心配なときは、迷わず 110（警察）か 119（救急）に電話して、安否確認をお願いしてください。伝えること: その方の住所（わかれば名前）、最後に姿を見たり連絡が取れたりした日時、心配なこと（郵便物や新聞がたまっている、返事がない、別れのメッセージが届いた など）。ご自身の安全を第一に、無理に家の中に入ったりしないでください。',
  hotlinesIntroSelf: '今すぐ話せる窓口:',
  hotlinesIntroOthers: '電話する先:',
  join: '',
};

const en: SafetyTexts = {
  openSelf: 'We have read your message. Thank you for writing to us while things are so hard. We are worried about you.',
  openOthers: 'Thank you for letting us know. It is right to be worried about them.',
  dutyStaff: 'We have told a counsellor right away.',
  dutyOnCall: 'No counsellor has the inbox open right now, so we are alerting the staff member on call. It may take a while before they can write back.',
  onCallUnreached: 'About your message: we have not been able to reach the staff member on call yet.',
  dutyNobody: (next) => (next ? `No one can read this message right now. A counsellor will read it from ${next}.` : 'No one can read this message right now.'),
  actSelf: 'If your life is in danger now, please call 119 (ambulance) or 110 (police) without hesitation.',
  actNow: 'Please do not wait: call one of the numbers below now. If your life is in danger, call 119 (ambulance) or 110 (police).',
  actUnsafeToCall: (hasChat) =>
    `If you are in danger right now, call 110 (police). If you cannot call or speak, ${hasChat ? 'you can write to the chat page below, or ' : 'you can '}go to a safe place with people around, such as a police box (koban) or a convenience store.`,
  quickExit: 'The "Leave now" button closes this chat at once, erases it from this device and takes you to another page.',
  actOthers:
    'If you fear for their life, please call 110 (police) or 119 (ambulance) now and ask for a welfare check (安否確認). Tell them the person’s address (and name if you know it), when you last saw or heard from them, and what worries you (post piling up, no answer, a farewell message…). Keep yourself safe: do not force your way into their home.',
  hotlinesIntroSelf: 'You can talk to someone now:',
  hotlinesIntroOthers: 'Numbers to call:',
  join: ' ',
};

const easyJa: SafetyTexts = {
  openSelf: 'メッセージを よみました。かいて くれて ありがとう。あなたの ことが しんぱいです。',
  openOthers: 'しらせて くれて ありがとう。その ひとの ことが しんぱいですね。',
  dutyStaff: 'すぐに そうだんいんに しらせました。',
  dutyOnCall: 'いまは そうだんいんが いないので、とうばんの しょくいんに しらせて います。へんじには じかんが かかる ことが あります。',
  onCallUnreached: 'さきほどの メッセージの ことで、とうばんの しょくいんに まだ れんらくが つきません。',
  dutyNobody: (next) =>
    next ? `いまは この メッセージを すぐに よめる ひとが いません。そうだんいんが よめるのは ${next} からです。` : 'いまは この メッセージを すぐに よめる ひとが いません。',
  actSelf: 'いま いのちが あぶない ときは 119（きゅうきゅう）か 110（けいさつ）に でんわして ください。',
  actNow: 'またないで、いま すぐ したの ばんごうに でんわして ください。いのちが あぶない ときは 119（きゅうきゅう）か 110（けいさつ）です。',
  actUnsafeToCall: (hasChat) =>
    `いま あぶない ときは 110（けいさつ）に でんわして ください。でんわが できない ときは、${hasChat ? 'したの チャットで もじで そうだん できます。また、' : ''}こうばんや コンビニなど、ひとが いる あんぜんな ところに にげる ことも できます。`,
  quickExit: '「すぐ とじる」ボタンを おすと、この がめんの りれきを けして、すぐに ちがう ページに いきます。',
  actOthers:
    'その ひとの いのちが しんぱいな ときは、110（けいさつ）か 119（きゅうきゅう）に でんわして、ようすを みに いって もらって ください（あんぴかくにん）。つたえる こと: その ひとの じゅうしょ（わかれば なまえ）、さいごに あった ひや れんらくが とれた ひ、しんぱいな こと（ゆうびんが たまっている、へんじが ない、「さようなら」の メッセージが きた など）。あなたの あんぜんが いちばんです。むりに いえに はいらないで ください。',
  hotlinesIntroSelf: 'いま はなせる でんわ:',
  hotlinesIntroOthers: 'でんわする ところ:',
  join: '',
};

const all: Record<Lang, SafetyTexts> = { ja, en, 'easy-ja': easyJa };

export const safetyTextsFor = (lang: Lang): SafetyTexts => all[lang] ?? ja;
