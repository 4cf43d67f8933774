/**
 * General crisis classes (not corpus sentences): each rule gets a few new sentences that must fire
 * and near misses that must not.
 */
import { createClassifier, type Classifier } from '../../../src/triage';

let c: Classifier;
beforeAll(async () => {
  // these test the explainable rules; the learned model on top is tested in model.test.ts
  c = await createClassifier({ model: null });
});

const emergencySuicide = (text: string) => {
  const t = c.classify(text);
  expect(t.urgency).toBe('emergency');
  expect(t.categories[0]).toBe('suicide');
};
const notEmergency = (text: string) => {
  const t = c.classify(text);
  expect(t.urgency).not.toBe('emergency');
  expect(t.categories).not.toContain('suicide');
};

describe('ending words need a second signal', () => {
  it.each(['もう疲れた。今夜で終わりにします', '踏切の前にいる。終わりにする', '次の電車で消えます'])('%s → suicide, emergency', emergencySuicide);
  it.each(['この連載は来月で終わりにします', '今日の作業はこれで終わりにする予定です'])('%s → not a crisis', notEmergency);
});

describe('places and means with despair or a farewell', () => {
  it.each(['もうどうでもいい。いま橋の上', 'みんな元気でね。これから海に行く', 'ロープを用意した。あとは実行するだけ'])('%s → suicide, emergency', emergencySuicide);
  it.each(['屋上のカフェでバイトを始めました。時給が低くて生活が苦しい', '川に行って釣りをするのが好きでした'])('%s → not a crisis', notEmergency);
});

describe('acts just done', () => {
  it.each(['眠剤を40錠飲んだ。頭がぼーっとする', '市販薬ひと箱一気に飲んじゃった', '腕を切った。血が止まらない'])('%s → suicide, emergency', emergencySuicide);
  it('one tablet as prescribed is not an overdose', () => notEmergency('頭痛薬を1錠飲んだけど治らない。病院に行くべきか'));
});

describe('farewells', () => {
  it.each(['お世話になりました。犬のことだけ誰か頼みます', 'いままで本当にありがとう。このメッセージが届く頃には全部終わってる'])('%s → suicide, emergency', emergencySuicide);
  it('thanks after help is not a farewell', () => {
    expect(c.classify('今までありがとうございました。おかげで新しい仕事が決まりました').urgency).not.toBe('emergency');
  });
});

describe('indirect and relayed', () => {
  it('「いないほうがみんな楽」 in the first person → emergency', () => emergencySuicide('わたしなんかいないほうがみんな楽だよね'));
  it('relayed by a sibling → suicide, high', () => {
    const t = c.classify('兄が「俺なんかいないほうが家族は楽だろ」って言うようになった');
    expect(t.categories[0]).toBe('suicide');
    expect(t.urgency).toBe('high');
  });
  it('death + life insurance from a relative → suicide, high', () => {
    const t = c.classify('夫が「死んだら保険金で借金は返せる」とつぶやいていました');
    expect(t.categories).toContain('suicide');
    expect(t.urgency).toBe('high');
  });
  it('a negation with a noun between is still a negation', () => notEmergency('消えたいという気持ちはありません。ただ仕事がつらいです'));
});

describe('other languages', () => {
  it.each([
    'Gusto ko nang mamatay, wala na akong pag-asa',
    'Saya mau bunuh diri malam ini',
    'Ya no quiero vivir, quiero quitarme la vida',
    '죽고 싶어요',
    '我活不下去了',
    'Tôi muốn tự tử',
  ])('%s → suicide, foreign, emergency', (text) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toEqual(expect.arrayContaining(['suicide', 'foreign']));
  });
});

describe('collapse, heat, pregnancy', () => {
  it('unresponsive person → health, emergency', () => {
    const t = c.classify('アパートの廊下でおばあさんがうずくまったまま動かない。肩をたたいても反応がない');
    expect(t.categories).toContain('health');
    expect(t.urgency).toBe('emergency');
  });
  it('body that will not move from tiredness is not a collapse', () => {
    expect(c.classify('疲れて体が動かない日が続いています').urgency).not.toBe('emergency');
  });
  it('bleeding in pregnancy → health, emergency', () => {
    const t = c.classify('妊娠7か月。さっきから出血してお腹が痛い');
    expect(t.categories).toContain('health');
    expect(t.urgency).toBe('emergency');
  });
});

describe('a child in danger', () => {
  it("mother's boyfriend hitting a child is abuse, not DV", () => {
    const t = c.classify('おかあさんのかれしにまたたたかれた。うちにかえりたくない');
    expect(t.categories.slice(0, 2)).toEqual(['abuse', 'child']);
    expect(t.categories).not.toContain('dv');
    expect(t.urgency).toBe('emergency');
  });
  it('childhood violence remembered as an adult is health, not abuse', () => {
    const t = c.classify('小さい頃に母に叩かれていたことを今でも思い出して眠れません');
    expect(t.categories).not.toContain('abuse');
    expect(t.urgency).not.toBe('emergency');
  });
  it('a parent telling a child they should not exist is abuse', () => {
    const t = c.classify('中学生です。親に毎日「お前なんか生まれてこなければ」と言われます');
    expect(t.categories).toEqual(expect.arrayContaining(['abuse', 'child']));
  });
});

describe('false alarms from everyday wording', () => {
  it.each([
    '仕事に疲れました。転職することに決めました。ハローワークの使い方を教えてください',
    '育児でもう疲れた。今日は子どもと一緒に早く眠りたい',
    '母のことをよろしくお願いします。ごめんなさい、急ぎで書いています',
    'もう無理。ベランダで洗濯物干してたら隣の人に怒鳴られた',
    '線路の近くのアパートに住んでいて、騒音で眠れません',
  ])('%s → not emergency', (text) => {
    expect(c.classify(text).urgency).not.toBe('emergency');
  });
  it('「〜てあげる」 is not 手をあげる', () => {
    const t = c.classify('息子の宿題を毎晩みてあげています。勉強についていけなくて心配です');
    expect(t.categories).not.toContain('abuse');
    expect(t.categories).not.toContain('dv');
  });
  it('sounds heard every night are high, not emergency', () => {
    const t = c.classify('向かいの家から毎晩子どもの泣き叫ぶ声と怒鳴り声が聞こえます');
    expect(t.categories.slice(0, 2)).toEqual(['abuse', 'child']);
    expect(t.urgency).toBe('high');
  });
});

describe('third party: a goodbye note and silence', () => {
  it('「消えます」 note + no answer → suicide, emergency, family', () => {
    const t = c.classify('「もう消えます」と書き置きを残して弟が出て行きました。携帯にも出ません');
    expect(t.categories[0]).toBe('suicide');
    expect(t.urgency).toBe('emergency');
    expect(t.reporter).toBe('family');
  });
});

describe('needs worded indirectly', () => {
  it('watered-down milk for a baby → poverty, child, emergency', () => {
    const t = c.classify('お金がなくて赤ちゃんのミルクを薄めて作っています');
    expect(t.categories).toEqual(expect.arrayContaining(['poverty', 'child']));
    expect(t.urgency).toBe('emergency');
  });
  it('wages not received → employment', () => {
    expect(c.classify('派遣先からバイト代が2か月振り込まれていない').categories).toContain('employment');
  });
  it('the rent amount alone is not a housing need', () => {
    expect(c.classify('家賃は4万円のアパートに住んでいます。子どもの習い事の相談です').categories).not.toContain('housing');
  });
  it('staff hitting residents is abuse of disabled people, reported by a professional', () => {
    const t = c.classify('障害者支援施設の生活支援員です。先輩職員が利用者さんを叩いているのを見ました');
    expect(t.categories.slice(0, 2)).toEqual(['abuse', 'disability']);
    expect(t.urgency).toBe('high');
    expect(t.reporter).toBe('professional');
  });
  it('a relative as the subject of a passive → family', () => {
    expect(c.classify('妹が職場の上司に毎日怒鳴られているようです').reporter).toBe('family');
  });
});

describe('more need classes', () => {
  it('two signs at an older neighbour’s door (smell + newspapers) → elderly, emergency', () => {
    const t = c.classify('同じ団地のおじいさんの玄関から、ここ数日変なにおいがします。郵便物もあふれています');
    expect(t.categories).toContain('elderly');
    expect(t.urgency).toBe('emergency');
    expect(t.reporter).toBe('neighbour');
  });
  it('being told to leave the flat by a date → housing, high', () => {
    const t = c.classify('管理会社から金曜までに部屋を出てくれと言われました');
    expect(t.categories).toContain('housing');
    expect(t.urgency).toBe('high');
  });
  it('a person with dementia leaving home at night is not a housing need', () => {
    expect(c.classify('父が認知症で、夜中に家を出て行ってしまいます').categories).not.toContain('housing');
  });
  it('phone checks and not being allowed to see friends → dv', () => {
    expect(c.classify('夫に毎晩携帯をチェックされて、実家にも帰らせてもらえません。友達にも会わせてもらえない').categories[0]).toBe('dv');
  });
  it('children frightened by a partner’s violence → dv, child', () => {
    expect(c.classify('夫が怒ると壁を殴ります。子どもたちがおびえて泣いています').categories).toEqual(expect.arrayContaining(['dv', 'child']));
  });
  it('caring for a parent and raising children → carer, child, elderly', () => {
    expect(c.classify('義父の介護と子どもの送り迎えで毎日くたくたです').categories).toEqual(expect.arrayContaining(['carer', 'child', 'elderly']));
  });
  it('nobody to talk to → isolation (not neglect)', () => {
    const t = c.classify('引っ越してきてから相談できる人が誰もいません');
    expect(t.categories).toContain('isolation');
    expect(t.categories).not.toContain('abuse');
  });
});

describe('dialect, indirect wishes, stockpiles, just-happened violence', () => {
  it.each(['生きとってもしゃあないわ', '朝になっても目が覚めなかったらいいのに', '生まれてきてごめんなさい', 'みんなありがとう。もう消えるね', '睡眠薬を50錠ためてある'])(
    '%s → suicide, emergency',
    emergencySuicide,
  );
  it('cut + blood flowing → emergency', () => emergencySuicide('さっき手首を切った。血がたくさん流れてる'));
  it('strangled just now by a partner → dv, emergency (a passive ら is not a conditional)', () => {
    const t = c.classify('さっき彼氏に首を絞められた。いま友達の家にいる');
    expect(t.categories[0]).toBe('dv');
    expect(t.urgency).toBe('emergency');
  });
  it('a young child whose parents have not come home for days → abuse, child, emergency', () => {
    const t = c.classify('向かいの部屋の小さい子、お母さんが4日も帰ってきてないみたいで一人で泣いてる');
    expect(t.categories.slice(0, 2)).toEqual(['abuse', 'child']);
    expect(t.urgency).toBe('emergency');
  });
  it.each(['ニュースで橋から飛び降りた事件を見て、娘がこわがっています', '死にたいと思ったことは一度もありません。眠れないのがつらいです'])('%s → not a crisis', notEmergency);
});

describe('signs reported by others', () => {
  it('a pupil who does not want to go home, told to a school nurse → abuse, child, high, professional', () => {
    const t = c.classify('養護教諭です。保健室に来た児童が「おうちに帰りたくない」と話していました');
    expect(t.categories.slice(0, 2)).toEqual(['abuse', 'child']);
    expect(t.categories).not.toContain('housing');
    expect(t.urgency).toBe('high');
    expect(t.reporter).toBe('professional');
  });
  it('a relative spending a grandparent’s pension → abuse, elderly', () => {
    expect(c.classify('伯父が祖父の通帳から勝手にお金を引き出しているようです').categories.slice(0, 2)).toEqual(['abuse', 'elderly']);
  });
  it('English neglect signs → abuse, child, foreign', () => {
    expect(c.classify("The kids next door are left alone at night and always look hungry.").categories).toEqual(expect.arrayContaining(['abuse', 'child', 'foreign']));
  });
  it('rubbish no longer put out → selfneglect', () => {
    expect(c.classify('近所の一人暮らしの男性が、ここ半年ごみを出さなくなりました').categories).toContain('selfneglect');
  });
});

describe('other languages: facts about others are not the writer’s crisis', () => {
  it('a brother’s suicide years ago (Spanish) → not emergency', () => {
    const t = c.classify('Mi hermano se suicidó hace tres años. Ahora busco trabajo.');
    expect(t.urgency).not.toBe('emergency');
    expect(t.categories).toEqual(expect.arrayContaining(['foreign', 'employment']));
  });
  it('English pain that should disappear is not ideation', () => {
    expect(c.classify('I want the pain to disappear, my back hurts every day').urgency).not.toBe('emergency');
  });
});

describe('negations with more words between, and in other languages', () => {
  it.each([
    '別に死にたいとかそういうんじゃないです。ただ夜中に目が覚めてしまう',
    '自分が消えたいとかでは全くなくて、職場の人間関係に疲れています',
    'Saya tidak ingin mati, cuma capek sekali kerja di sini',
    '죽고 싶다는 생각은 아니지만 요즘 너무 힘들어요',
    '小説を書いています。自殺を考える主人公が窓口に電話する流れを知りたいです',
  ])('%s → not a crisis', notEmergency);
  it('「殴られるとかじゃない」 is not violence now', () => {
    expect(c.classify('殴られるとかじゃないけど、親に毎日否定されてしんどい').urgency).not.toBe('emergency');
  });
  it.each(['むすめ ようちえん いきたくない いいます。どうしたら いいですか', 'あした がっこう いきたくない'])('%s: 行きたくない, not 生きたくない', notEmergency);
  it.each(['死にたいとかじゃない。ただ消えたい', 'がっこう いきたくない。もう いきていたくない'])('the softened or the second ideation still counts: %s', emergencySuicide);
});
