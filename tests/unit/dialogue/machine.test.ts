import { labelForPostback, step, type TurnInput } from '../../../src/dialogue/machine';
import { catalogues } from '../../../src/dialogue/texts';

const base: TurnInput = {
  state: null,
  message: { text: '相談したいことがあります' },
  lang: 'ja',
  urgency: 'normal',
  reporter: 'unknown',
  anonymous: false,
  staffEngaged: false,
  staffed: true,
  nextStaffed: null,
  afterHoursHotlines: null,
};
const turn = (over: Partial<TurnInput>) => step({ ...base, ...over });
const data = (r: { buttons?: { data: string }[] }) => (r.buttons ?? []).map((b) => b.data);

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

  test('a neighbour report (known from triage) skips the question and offers anonymity', () => {
    const out = turn({ reporter: 'neighbour', message: { text: '隣の家のおばあさんが心配です' } });
    expect(out.effects).toEqual([{ type: 'subject', subject: 'neighbour' }]);
    expect(out.state.step).toBe('askAnonymous');
    expect(data(out.replies.at(-1)!)).toEqual(['anonymous:yes', 'anonymous:no']);
  });

  test('asking for anonymity in the first message grants it at once and skips the offer', () => {
    const out = turn({ reporter: 'neighbour', message: { text: '匿名で相談したいです。近所の家がゴミだらけで' } });
    expect(out.effects).toEqual(expect.arrayContaining([{ type: 'anonymous' }, { type: 'subject', subject: 'neighbour' }]));
    expect(out.state.step).toBe('askContact');
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

  test('a long message while a question is open is the story, not an answer: no nagging, question stays open', () => {
    const out = turn({ state: { step: 'askSubject' }, message: { text: '実は先月から仕事がなくなってしまって、家賃も払えず、母の介護もあってどうしたらいいかわかりません' } });
    expect(out).toEqual({ state: { step: 'askSubject' }, replies: [], effects: [] });
    const contact = turn({ state: { step: 'askContact' }, message: { text: 'はい、でも実は夫には知られたくないので、できれば平日の昼間にしてください' } });
    expect(contact.effects).toEqual([]);
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

  test.each(['同意を取り消したいです', '同意を撤回します', 'どういを とりけしたい', 'I want to withdraw my consent'])('withdrawal anywhere: %s', (text) => {
    const out = turn({ state: { step: 'done' }, message: { text } });
    expect(out.effects).toEqual([{ type: 'withdraw' }]);
    expect(out.replies).toHaveLength(1);
    expect(out.state.step).toBe('done');
  });

  test('once staff answered the bot is silent, yet a tapped consent is still recorded', () => {
    const out = turn({ staffEngaged: true, state: { step: 'askContact' }, message: { text: 'はい', postback: 'consent:contact:yes' } });
    expect(out.replies).toEqual([]);
    expect(out.effects).toEqual([{ type: 'consent', scope: 'contact', answer: 'yes' }]);
    expect(turn({ staffEngaged: true, message: { text: '同意を取り消したい' } }).replies).toEqual([]);
  });

  test('in an emergency the bot asks nothing (the safety reply speaks)', () => {
    const out = turn({ urgency: 'emergency', message: { text: 'もう死にたい' } });
    expect(out.replies).toEqual([]);
    expect(out.state.step).toBe('done');
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
      const all = [turn({ lang }), turn({ lang, state: { step: 'askSubject' }, message: { text: '母' } }), turn({ lang, state: { step: 'askContact' }, message: { text: 'yes' } })];
      for (const out of all) for (const r of out.replies) for (const b of r.buttons ?? []) expect(b.label.length).toBeLessThanOrEqual(20);
    }
    expect(labelForPostback('subject:neighbour', 'ja')).toBe('近所・知人のこと');
    expect(labelForPostback('consent:share:later', 'en')).toBe('Decide later');
    expect(labelForPostback('nonsense', 'ja')).toBeNull();
  });
});
