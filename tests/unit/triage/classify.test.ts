import { createClassifier, type Classifier } from '../../../src/triage';

let c: Classifier;
beforeAll(async () => {
  // these test the explainable rules; the learned model on top is tested in model.test.ts
  c = await createClassifier({ model: null });
});

describe('crisis words: lemma and kana variants', () => {
  it.each(['死にたい', 'しにたい', '死にたくて眠れない', 'もう死にたかった、ずっと', 'シニタイ'])('%s → suicide, emergency', (text) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories[0]).toBe('suicide');
    expect(t.reasons.some((r) => r.includes('suicide'))).toBe(true);
  });
});

describe('negation, quotation, hyperbole', () => {
  it('死ぬほど忙しい is not a crisis', () => {
    const t = c.classify('死ぬほど忙しくて、保育園のお迎えに間に合わない');
    expect(t.urgency).not.toBe('emergency');
    expect(t.categories).not.toContain('suicide');
  });
  it('死にたいとかではない is not a crisis', () => {
    const t = c.classify('死にたいとかではないんですが、毎日しんどくて眠れません');
    expect(t.urgency).not.toBe('emergency');
    expect(t.categories).not.toContain('suicide');
    expect(t.categories).toContain('health');
    expect(t.reasons.join(' ')).toContain('否定');
  });
  it('死にたくない is not ideation', () => {
    expect(c.classify('死にたくないから相談しています').categories).not.toContain('suicide');
  });
  it('a joke with 笑 is not a crisis', () => {
    const t = c.classify('課題が多すぎて死にそう笑 どこに相談すればいいの');
    expect(t.urgency).not.toBe('emergency');
    expect(t.categories).not.toContain('suicide');
  });
  it('a negated word does not cancel a later real one', () => {
    const t = c.classify('死にたいとかじゃない。ただ消えたい');
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain('suicide');
  });
  it('a past episode that is over is not counted', () => {
    const t = c.classify('中学のときリスカしてたけど、今は全然してないです。バイトを探しています');
    expect(t.categories).not.toContain('suicide');
    expect(t.urgency).not.toBe('emergency');
  });
  it('a relative relaying words is suicide, high (not emergency)', () => {
    const t = c.classify('高校生の娘が最近『消えたい』ってよく言うんです');
    expect(t.categories[0]).toBe('suicide');
    expect(t.urgency).toBe('high');
    expect(t.reporter).toBe('family');
  });
  it('benign 楽になる is low', () => {
    const t = c.classify('話を聞いてもらえて少し楽になりました。ありがとうございました');
    expect(t.urgency).toBe('low');
    expect(t.categories).not.toContain('suicide');
  });
  it('negated abuse suspicion does not add abuse', () => {
    const t = c.classify('向かいの家の赤ちゃんがよく泣いていますが、虐待とかではないと思います');
    expect(t.categories).not.toContain('abuse');
  });
});

describe('indirect signals', () => {
  it.each([
    ['楽になりたい。もう全部どうでもいい'],
    ['いなくなりたい'],
    ['さっき薬を全部飲んだ'],
    ['薬ぜんぶのんじゃった'],
    ['今までありがとうございました。もう疲れました'],
    ['屋上にいます。ここ10階'],
    // the means kept ready (a plan), not only bought
    ['ロープはもう車に積んであります'],
    ['ロープを押し入れに隠してある'],
  ])('%s → emergency', (text) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain('suicide');
  });
  it('a rope used for something else is not a plan', () => {
    const t = c.classify('引っ越しの荷物をロープで縛って車に積んでいます。住むところを探しています');
    expect(t.urgency).not.toBe('emergency');
    expect(t.categories).not.toContain('suicide');
  });
  it('an older neighbour not seen for days with newspapers piling up → emergency', () => {
    const t = c.classify('向かいの一人暮らしのおばあさんを5日ほど見かけません。新聞がたまったままです');
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toEqual(expect.arrayContaining(['elderly', 'isolation']));
    expect(t.reporter).toBe('neighbour');
  });
  it('a child afraid to go home → abuse, child, emergency', () => {
    const t = c.classify('おかあさんにまいにちたたかれる。きょうは家に帰るのがこわい');
    expect(t.urgency).toBe('emergency');
    expect(t.categories.slice(0, 2)).toEqual(['abuse', 'child']);
    expect(t.reporter).toBe('self');
  });
  it('violence by a partner happening now → dv, emergency', () => {
    const t = c.classify('彼氏が包丁を持って暴れてる。トイレに隠れてます');
    expect(t.categories[0]).toBe('dv');
    expect(t.urgency).toBe('emergency');
    expect(t.reporter).toBe('self');
  });
  it('separated and safe → dv, normal', () => {
    const t = c.classify('夫の暴力が原因で別居しています。今は安全な場所にいます。離婚の手続きを知りたいです');
    expect(t.categories[0]).toBe('dv');
    expect(t.urgency).toBe('normal');
  });
  it('a bare cry for help → other, high', () => {
    const t = c.classify('もう無理');
    expect(t).toMatchObject({ categories: ['other'], urgency: 'high' });
  });
});

describe('household patterns', () => {
  it('8050: elderly parent and a withdrawn middle-aged son', () => {
    const t = c.classify('83歳の父です。51歳の息子がもう15年ほど部屋から出てきません');
    expect(t.categories[0]).toBe('8050');
    expect(t.categories).toContain('hikikomori');
    expect(t.reporter).toBe('family');
    expect(t.urgency).toBe('normal');
  });
  it('ダブルケア → carer, child, elderly', () => {
    const t = c.classify('ダブルケアで毎日限界です。誰か助けてほしい');
    expect(t.categories[0]).toBe('carer');
    expect(t.categories).toEqual(expect.arrayContaining(['carer', 'child', 'elderly']));
    expect(t.reporter).toBe('self');
  });
  it('ヤングケアラー → carer, child (not the cared-for group)', () => {
    const t = c.classify('中2です。おばあちゃんの介護と妹の世話を毎日わたしがしていて、宿題ができません');
    expect(t.categories).toEqual(expect.arrayContaining(['carer', 'child']));
    expect(t.categories).not.toContain('elderly');
    expect(t.reporter).toBe('self');
  });
  it('a carer afraid of harming their child → child, abuse, normal', () => {
    const t = c.classify('イライラして2歳の娘に手をあげてしまいそうで怖いです。まだ叩いたことはありません');
    expect(t.categories.slice(0, 2)).toEqual(['child', 'abuse']);
    expect(t.urgency).toBe('normal');
  });
});

describe('other languages', () => {
  it('English crisis → suicide, foreign, emergency', () => {
    const t = c.classify('I want to kill myself');
    expect(t.urgency).toBe('emergency');
    expect(t.categories[0]).toBe('suicide');
    expect(t.categories).toContain('foreign');
  });
  it('English hyperbole is not a crisis', () => {
    const t = c.classify('My job is killing me lol, I get no days off. Who can I ask about my rights?');
    expect(t.urgency).not.toBe('emergency');
    expect(t.categories).toEqual(['foreign', 'employment']);
  });
  it('a service question in Portuguese → foreign, other, low', () => {
    const t = c.classify('Olá, vocês têm atendimento em português?');
    expect(t.categories).toEqual(['foreign', 'other']);
    expect(t.urgency).toBe('low');
  });
  it('やさしい日本語 (spaced, little kanji) → foreign', () => {
    const t = c.classify('わたしは しごとが ありません。 おかねが ないです。 たすけて ください');
    expect(t.categories[0]).toBe('foreign');
    expect(t.categories).toContain('poverty');
  });
});

describe('reporter', () => {
  it('隣の家のおばあさんが… → neighbour', () => {
    expect(c.classify('隣の家のおばあさんが、最近同じことを何度も聞いてきます').reporter).toBe('neighbour');
  });
  it('母が… → family', () => {
    const t = c.classify('母が最近物忘れがひどくて、火の消し忘れが心配です');
    expect(t.reporter).toBe('family');
    expect(t.categories).toContain('elderly');
  });
  it('ケアマネです → professional', () => {
    expect(c.classify('ケアマネです。担当している利用者さんが介護サービスを拒否していて困っています').reporter).toBe('professional');
  });
  it('a plain service question → unknown, low', () => {
    expect(c.classify('生活保護の申請ってどこでできますか？')).toMatchObject({ categories: ['poverty'], urgency: 'low', reporter: 'unknown' });
  });
});

describe('conversation and engine', () => {
  it('classifyConversation keeps the highest urgency and merges categories', () => {
    const t = c.classifyConversation(['こんにちは', '家賃を払えなくて困っています', '正直もう死にたい']);
    expect(t.urgency).toBe('emergency');
    expect(t.categories[0]).toBe('suicide');
    expect(t.categories).toContain('housing');
    expect(t.categories).not.toContain('other');
    expect(t.reporter).toBe('self');
  });
  it('names its engine: the rules version and, with the committed model, its hash', () => {
    expect(c.engine).toMatch(/^rules-v3(\+linear-[0-9a-f]{12})?$/);
  });
  it('an empty message is low / other', () => {
    expect(c.classify('   ')).toMatchObject({ categories: ['other'], urgency: 'low', reporter: 'unknown' });
  });
});
