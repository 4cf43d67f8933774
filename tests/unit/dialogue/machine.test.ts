import { labelForPostback, MAX_REASKS, step, type TurnInput } from '../../../src/dialogue/machine';
import { questionFor } from '../../../src/dialogue/questions';
import { catalogues } from '../../../src/dialogue/texts';

const base: TurnInput = {
  state: null,
  message: { text: '相談したいことがあります' },
  lang: 'ja',
  urgency: 'normal',
  reporter: 'unknown',
  risk: 'clear',
  safetyAskedToday: false,
  anonymous: false,
  staffEngaged: false,
  staffed: true,
  nextStaffed: null,
  afterHoursHotlines: null,
  staffedHours: '月・火 8時30分〜17時15分',
};
const turn = (over: Partial<TurnInput>) => step({ ...base, ...over });
const data = (r: { buttons?: { data: string }[] }) => (r.buttons ?? []).map((b) => b.data);
const SAFETY = ['safety:yes', 'safety:no', 'safety:unsure'];

describe('front-door state machine', () => {
  test('first message: warm automatic acknowledgement, then "about whom?" with three buttons', () => {
    const out = turn({});
    expect(out.state.step).toBe('askSubject');
    expect(out.replies[0].text).toBe(catalogues.ja.ack);
    expect(out.replies[0].text).toContain('自動応答');
    expect(data(out.replies.at(-1)!)).toEqual(['subject:self', 'subject:family', 'subject:neighbour']);
    expect(out.effects).toEqual([]);
  });

  test('outside staffed hours it says when a person will answer, with hotlines', () => {
    const out = turn({ staffed: false, nextStaffed: '11月24日(火) 8時30分', afterHoursHotlines: '・救急・消防 119' });
    const afterHours = out.replies[1].text;
    expect(afterHours).toContain('11月24日(火) 8時30分');
    expect(afterHours).toContain('119');
    expect(out.state.step).toBe('askSubject');
  });

  test('やさしい日本語: the first reply tells the staffed hours', () => {
    const out = turn({ lang: 'easy-ja', staffedHours: 'げつようび 8じ30ぷん〜17じ15ふん' });
    expect(out.replies[0].text).toContain('そうだんいんが へんじを する じかん: げつようび 8じ30ぷん〜17じ15ふん');
    expect(turn({}).replies[0].text).not.toContain('月・火');
  });

  test('a neighbour report (known from triage) skips the question and offers anonymity', () => {
    const out = turn({ reporter: 'neighbour', message: { text: '隣の家のおばあさんが心配です' } });
    expect(out.effects).toEqual([{ type: 'subject', subject: 'neighbour' }]);
    expect(out.state.step).toBe('askAnonymous');
    expect(data(out.replies.at(-1)!)).toEqual(['anonymous:yes', 'anonymous:no']);
  });

  test('asking for anonymity in the first message grants it at once, confirms it and skips the offer', () => {
    const out = turn({ reporter: 'neighbour', message: { text: '匿名で相談したいです。近所の家がゴミだらけで' } });
    expect(out.effects).toEqual(expect.arrayContaining([{ type: 'anonymous' }, { type: 'subject', subject: 'neighbour' }]));
    expect(out.state.step).toBe('askContact');
    expect(out.replies.map((r) => r.text)).toContain(catalogues.ja.anonymousConfirmed);
  });

  test.each([
    [{ postback: 'subject:family', text: '家族のこと' }, 'askAnonymous', 'family'],
    [{ text: '自分のことです' }, 'askContact', 'self'],
    [{ text: '母のことです' }, 'askAnonymous', 'family'],
    [{ text: '近所の人' }, 'askAnonymous', 'neighbour'],
  ])('about whom: %j → %s', (message, next, subject) => {
    const out = turn({ state: { step: 'askSubject' }, message });
    expect(out.state.step).toBe(next);
    expect(out.effects).toContainEqual({ type: 'subject', subject });
  });

  test('a free-text answer not understood: the question is asked again with its buttons, then left to staff', () => {
    const story = { text: '実は先月から仕事がなくなってしまって、家賃も払えず、母の介護もあってどうしたらいいかわかりません' };
    const first = turn({ state: { step: 'askSubject' }, message: story });
    expect(first.effects).toEqual([]);
    expect(first.replies.map((r) => r.text)).toEqual([catalogues.ja.reaskIntro, catalogues.ja.askSubject]);
    expect(data(first.replies[1])).toEqual(['subject:self', 'subject:family', 'subject:neighbour']);
    expect(first.state).toEqual({ step: 'askSubject', reasked: 1 });
    let state = first.state;
    for (let i = 1; i < MAX_REASKS; i++) state = turn({ state, message: story }).state;
    const last = turn({ state, message: story });
    expect(last.replies.map((r) => r.text)).toEqual([catalogues.ja.leaveToStaff]);
    expect(last.state.step).toBe('done');
    const contact = turn({ state: { step: 'askContact' }, message: { text: 'はい、でも実は夫には知られたくないので、できれば平日の昼間にしてください' } });
    expect(contact.effects).toEqual([]);
    expect(data(contact.replies.at(-1)!)).toEqual(['consent:contact:yes', 'consent:contact:no', 'consent:contact:later']);
  });

  test('consent: contact yes → share later → handover; each answer is an effect to record', () => {
    const a = turn({ state: { step: 'askContact' }, message: { text: 'はい', postback: 'consent:contact:yes' } });
    expect(a.effects).toEqual([{ type: 'consent', scope: 'contact', answer: 'yes' }]);
    expect(a.state.step).toBe('askShare');
    expect(data(a.replies[0])).toEqual(['consent:share:yes', 'consent:share:no', 'consent:share:later']);
    const b = turn({ state: { step: 'askShare' }, message: { text: 'あとで' } });
    expect(b.effects).toEqual([{ type: 'consent', scope: 'share', answer: 'later' }]);
    expect(b.state.step).toBe('done');
    expect(b.replies.map((r) => r.text)).toEqual([catalogues.ja.handover]);
  });

  test('a tap on an older question is still recorded, the open question stays', () => {
    const out = turn({ state: { step: 'askShare' }, message: { text: 'いいえ', postback: 'consent:contact:no' } });
    expect(out.effects).toEqual([{ type: 'consent', scope: 'contact', answer: 'no' }]);
    expect(out.state.step).toBe('askShare');
  });

  test.each(['同意を取り消したいです', '同意を撤回します', 'どういを とりけしたい', 'I want to withdraw my consent'])('withdrawal anywhere asks which: %s', (text) => {
    const out = turn({ state: { step: 'done' }, message: { text } });
    expect(out.effects).toEqual([]);
    expect(out.state).toEqual({ step: 'askWithdraw', resume: 'done' });
    expect(data(out.replies.at(-1)!)).toEqual(['withdraw:contact', 'withdraw:share', 'withdraw:both', 'withdraw:keep']);
  });

  test.each([
    [{ text: '連絡', postback: 'withdraw:contact' }, ['contact'], 'withdrawnContact'],
    [{ text: '共有の同意' }, ['share'], 'withdrawnShare'],
    [{ text: '両方です' }, ['contact', 'share'], 'withdrawnBoth'],
    [{ text: 'やっぱりやめます' }, null, 'withdrawKept'],
  ] as const)('which consent: %j → %j, confirmed', (message, scopes, confirmation) => {
    const out = turn({ state: { step: 'askWithdraw', resume: 'askSubject' }, message });
    expect(out.effects).toEqual(scopes ? [{ type: 'withdraw', scopes }] : []);
    expect(out.replies[0].text).toBe(catalogues.ja[confirmation]);
    // The question that was open before comes back with its buttons.
    expect(out.state.step).toBe('askSubject');
    expect(data(out.replies.at(-1)!)).toEqual(['subject:self', 'subject:family', 'subject:neighbour']);
  });

  test('after a withdrawal the bot does not go on asking for consent', () => {
    const out = turn({ state: { step: 'askWithdraw', resume: 'askShare' }, message: { text: '共有', postback: 'withdraw:share' } });
    expect(out.state.step).toBe('done');
    expect(out.replies).toHaveLength(1);
  });

  test('withdrawing contact never leaves a person seeking help without a way on, in any language', () => {
    for (const t of Object.values(catalogues)) {
      for (const text of [t.withdrawnContact, t.withdrawnBoth]) expect(text).toMatch(/ここに書いて|write here|ここに かいて/);
      expect(t.withdrawnShare).toMatch(/続けられ|go on|つづけられ/);
    }
  });

  test('once staff answered the bot asks nothing more, yet a tapped consent is still recorded; a withdrawal is still asked and confirmed', () => {
    const out = turn({ staffEngaged: true, state: { step: 'askContact' }, message: { text: 'はい', postback: 'consent:contact:yes' } });
    expect(out.replies).toEqual([]);
    expect(out.effects).toEqual([{ type: 'consent', scope: 'contact', answer: 'yes' }]);
    const asked = turn({ staffEngaged: true, state: { step: 'done' }, message: { text: '同意を取り消したい' } });
    expect(asked.state.step).toBe('askWithdraw');
    const done = turn({ staffEngaged: true, state: asked.state, message: { text: '両方', postback: 'withdraw:both' } });
    expect(done.effects).toEqual([{ type: 'withdraw', scopes: ['contact', 'share'] }]);
    expect(done.replies.map((r) => r.text)).toEqual([catalogues.ja.withdrawnBoth]);
  });

  test('in an emergency the bot asks nothing (the safety reply speaks)', () => {
    const out = turn({ urgency: 'emergency', message: { text: 'もう死にたい' } });
    expect(out.replies).toEqual([]);
    expect(out.state.step).toBe('done');
  });

  test.each([
    ['私だと言わないでください', 'ja', 'お名前は伺いません'],
    ['通報したのが私だと知られたくないです', 'ja', 'お名前は伺いません'],
    ["Please don't tell anyone it was me", 'en', 'will not ask your name'],
    ['わたしの なまえを いわないで', 'easy-ja', 'なまえは ききません'],
  ] as const)('anonymity understood in any state, right after a crisis reply too, always confirmed: %s', (text, lang, confirmation) => {
    const states = [
      { urgency: 'emergency' as const, state: { step: 'done' as const } },
      { urgency: 'emergency' as const, state: null }, // the first message is the crisis itself
      { state: { step: 'askContact' as const } },
      { staffEngaged: true, state: { step: 'done' as const } },
    ];
    for (const over of states) {
      const out = turn({ ...over, lang, message: { text } });
      expect(out.effects).toContainEqual({ type: 'anonymous' });
      expect(out.replies[0].text).toContain(confirmation);
    }
    // Already anonymous: nothing new to record, still confirmed.
    const again = turn({ anonymous: true, lang, state: { step: 'done' }, message: { text } });
    expect(again.effects).toEqual([]);
    expect(again.replies[0].text).toContain(confirmation);
  });

  test('English and やさしい日本語 have their own texts and the same buttons', () => {
    const en = turn({ lang: 'en' });
    expect(en.replies[0].text).toContain('automatic reply');
    expect(en.replies.at(-1)!.buttons!.map((b) => b.label)).toEqual(['Myself', 'A family member', 'Neighbour / friend']);
    const easy = turn({ lang: 'easy-ja' });
    expect(easy.replies[0].text).toContain('じどうの へんじ');
    expect(data(easy.replies.at(-1)!)).toEqual(data(en.replies.at(-1)!));
  });

  test('never a refusal, never a person: no text in any language refuses or claims to be human', () => {
    for (const [lang, t] of Object.entries(catalogues)) {
      const texts = Object.values(t).map((v) => (typeof v === 'function' ? v('明日') : v));
      for (const text of texts) {
        expect({ lang, text }).not.toEqual({ lang, text: expect.stringMatching(/お受けできません|対応できません|対象外|cannot help|can't help|not able to help|私は(相談員|職員)です|I am a (counsellor|person)/) });
      }
      expect(t.ack).toMatch(/自動応答|automatic reply|じどうの へんじ/);
    }
  });

  test('button labels fit LINE (≤ 20 characters) and postbacks map back to labels', () => {
    for (const lang of ['ja', 'en', 'easy-ja'] as const) {
      for (const s of ['askSubject', 'askAnonymous', 'askContact', 'askShare', 'askSafety', 'askWithdraw'] as const) {
        for (const b of questionFor(s, catalogues[lang])!.buttons!) expect(b.label.length).toBeLessThanOrEqual(20);
      }
    }
    expect(labelForPostback('subject:neighbour', 'ja')).toBe('近所・知人のこと');
    expect(labelForPostback('consent:share:later', 'en')).toBe('Decide later');
    expect(labelForPostback('safety:unsure', 'ja')).toBe('わからない');
    expect(labelForPostback('withdraw:both', 'en')).toBe('Both');
    expect(labelForPostback('nonsense', 'ja')).toBeNull();
  });
});

describe('the safety question (triage unsure: risk band check)', () => {
  test('asked once, kindly and directly, before any other question, with はい / いいえ / わからない', () => {
    const out = turn({ risk: 'check', message: { text: '最近眠れなくて、消えてしまいたいと思うことがあります' } });
    expect(out.replies[0].text).toBe(catalogues.ja.ack);
    expect(out.replies.at(-1)!.text).toBe(catalogues.ja.askSafety);
    expect(data(out.replies.at(-1)!)).toEqual(SAFETY);
    expect(out.replies.filter((r) => r.buttons)).toHaveLength(1); // "about whom?" waits
    expect(out.effects).toEqual([{ type: 'safetyAsked' }]);
    expect(out.state).toEqual({ step: 'askSafety', resume: 'askSubject' });
    for (const lang of ['en', 'easy-ja'] as const) {
      const other = turn({ risk: 'check', lang });
      expect(other.replies.at(-1)!.text).toBe(catalogues[lang].askSafety);
    }
  });

  test('not asked twice in a day, not once staff are answering, not in an emergency', () => {
    expect(turn({ risk: 'check', safetyAskedToday: true }).effects).toEqual([]);
    expect(turn({ risk: 'check', staffEngaged: true, state: { step: 'done' } }).replies).toEqual([]);
    expect(turn({ risk: 'check', urgency: 'emergency' }).replies).toEqual([]);
    expect(turn({ risk: 'clear', state: { step: 'done' }, message: { text: 'もう一つ書きます' } }).replies).toEqual([]);
  });

  test.each([
    [{ text: 'はい', postback: 'safety:yes' }, 'yes'],
    [{ text: 'わからない', postback: 'safety:unsure' }, 'unsure'],
    [{ text: 'はい' }, 'yes'],
    [{ text: 'よくわからないです' }, 'unsure'],
    [{ text: 'はい、大丈夫です' }, 'unsure'],
  ] as const)('%j → %s: recorded, and the bot says nothing (the crisis reply speaks)', (message, answer) => {
    const out = turn({ risk: 'check', safetyAskedToday: true, state: { step: 'askSafety', resume: 'askSubject' }, message });
    expect(out.effects).toEqual([{ type: 'safetyAnswer', answer }]);
    expect(out.replies).toEqual([]);
  });

  test('いいえ: thanked, recorded, and the question it held back is asked', () => {
    const out = turn({ risk: 'check', safetyAskedToday: true, state: { step: 'askSafety', resume: 'askSubject' }, message: { text: 'いいえ', postback: 'safety:no' } });
    expect(out.effects).toEqual([{ type: 'safetyAnswer', answer: 'no' }]);
    expect(out.replies[0].text).toBe(catalogues.ja.safetyNoThanks);
    expect(data(out.replies[1])).toEqual(['subject:self', 'subject:family', 'subject:neighbour']);
    expect(out.state).toEqual({ step: 'askSubject' });
  });

  test('an answer it does not understand: the question is not asked again; the held-back question is', () => {
    const out = turn({ risk: 'check', safetyAskedToday: true, state: { step: 'askSafety', resume: 'askContact' }, message: { text: '仕事のことでずっと悩んでいて、上司にも相談できません' } });
    expect(out.effects).toEqual([]);
    expect(out.replies.map((r) => r.text)).toEqual([catalogues.ja.askContact]);
    expect(out.state).toEqual({ step: 'askContact' });
  });

  test('a late tap on the safety buttons still counts, whatever the step', () => {
    const out = turn({ staffEngaged: true, state: { step: 'done' }, message: { text: 'はい', postback: 'safety:yes' } });
    expect(out.effects).toEqual([{ type: 'safetyAnswer', answer: 'yes' }]);
  });

  test('later in the conversation: asked in place of the next question, which follows the answer', () => {
    const out = turn({ risk: 'check', state: { step: 'askContact' }, message: { text: 'はい', postback: 'consent:contact:yes' } });
    expect(out.effects).toEqual([{ type: 'consent', scope: 'contact', answer: 'yes' }, { type: 'safetyAsked' }]);
    expect(out.replies.map((r) => r.text)).toEqual([catalogues.ja.askSafety]);
    expect(out.state).toEqual({ step: 'askSafety', resume: 'askShare' });
  });
});
