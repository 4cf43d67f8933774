/**
 * The safety net (src/triage/safety-net.ts), tested with sentences written for these tests, not
 * taken from the evaluation corpora: positives per vocabulary class (kana, dialect, relayed words,
 * other languages) and hard negatives (negation, hyperbole, past and resolved, lyrics and news,
 * ordinary trips to the sea, dosage instructions…).
 */
import { createClassifier, type Classifier } from '../../../src/triage';
import { safetyNet } from '../../../src/triage/safety-net';
import { detectLanguage } from '../../../src/triage/language';
import { loadTokenizer, normalizeText, type Tokenizer } from '../../../src/triage/tokenize';

let tk: Tokenizer;
let c: Classifier;
beforeAll(async () => {
  tk = await loadTokenizer();
  // these test the explainable rules; the learned model on top is tested in model.test.ts
  c = await createClassifier({ model: null });
});

function net(text: string) {
  const norm = normalizeText(text).trim();
  const lang = detectLanguage(norm);
  const japanese = lang.lang === 'ja' || lang.lang === 'easy-ja';
  return safetyNet({ norm, tokens: japanese ? tk.tokenize(norm) : [], japanese }, tk);
}

describe('safety net fires: ideation and intent to end (kana, dialect, conjugation)', () => {
  it.each([
    "もうしんどい。今夜で全部終わりにします",
    "死にたい。もう無理",
    "しにたくてたまらない",
    "消えてしまいたいです",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: farewell + going somewhere / silence / letters', () => {
  it.each([
    "友達が「今までありがとね、ばいばい」ってLINEしてきて、そのあと電話に出ない",
    "兄から「みんな元気でな」と来て、車で出ていったまま連絡がつきません",
    "今までお世話になりました。山に行きます",
    "もうええ。海行ってくるわ。ごめんな",
    "今までありがとう。このメッセージを読んでる頃にはもういないと思う",
    "これで最後にします。犬のことお願いします",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: dangerous place + giving up', () => {
  it.each([
    "いま橋の上にいる。もう疲れた",
    "踏切の前に立ってる。もう無理",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: acts just done: overdose with an amount, cut + bleeding, means', () => {
  it.each([
    "市販薬を50錠飲んだ",
    "さっき安定剤をぜんぶのんだ",
    "くすりまとめてのんじゃった",
    "風邪薬を3箱飲みました。気持ち悪い",
    "腕を切った。血が止まらない",
    "ロープを用意した",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: insurance money as a way out + decided', () => {
  it.each([
    "借金で首が回らない。保険金で返すしかない、今夜決めた",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: a child in danger tonight, children left alone, violence heard now', () => {
  it.each([
    "小学生の子が「帰ったらパパに殺される」と泣いてる",
    "きょうもママになぐられた。こわい。かえりたくない",
    "アパートの子ども2人、親が3日帰ってきてないみたい",
    "今、隣の部屋で男が叫んでて、女の人を殴ってる音が聞こえてる",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: collapsed / unresponsive, bleeding in pregnancy', () => {
  it.each([
    "おばあちゃんが床に倒れてて、呼んでも返事しない",
    "父が意識がない。息もしていないみたい",
    "妊娠中で、いま血がでててお腹がすごく痛い",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: welfare-check signs about someone living alone', () => {
  it.each([
    "隣の一人暮らしのおじいさん、新聞がたまっていて、変なにおいもする",
    "一人暮らしの母と5日連絡が取れず、雨戸も閉まったまま",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: other languages', () => {
  it.each([
    "I want to kill myself tonight",
    "I'm on the bridge now. I'm done. Sorry everyone",
    "I took 40 pills",
    "Tôi muốn chết",
    "我不想活了",
    "Quero morrer, não aguento mais",
    "Gusto ko nang magpakamatay",
    "Saya ingin bunuh diri",
    "죽고 싶어요",
    "Quiero morir",
    "อยากตาย",
    "ma marna man lagyo",
    "my roommate is unconscious and not breathing",
    "Teman saya pingsan di kamar",
  ])('%s → emergency', (text) => {
    const r = net(text);
    expect(r?.urgency).toBe('emergency');
    expect(r?.reason).toMatch(/^セーフティネット: /);
  });
});

describe('safety net fires: more wordings', () => {
  it.each([
    "一人暮らしの母と5日連絡が取れず、雨戸も閉まったまま",
    "きょうもママになぐられた。こわい。かえりたくない",
    "姉が「もう死にたい」と言って家を出ていき、電話に出ない",
    "父がロープを買っていたのを見つけた",
    "弟が「今日で最後」とインスタに書いて、学校を無断欠席してる",
    "Sorry my Japanese is bad. I'm at the station platform now. Goodbye",
    "やまにいく。もうつかれた。ごめんね",
    "母（82）が風呂場で倒れてる、反応がない",
    "独居の叔父、ポストに郵便物があふれていて、チャイムを押しても出ません",
    "中2です。父にさっき首をしめられた。家に帰れない",
    "Minha filha disse que quer me matar... ",
  ])('%s → emergency', (text) => {
    expect(net(text)?.urgency).toBe('emergency');
  });
});

describe('safety net: relayed words alone are high, not emergency', () => {
  it.each([
    "同僚が「死にたい」ってよく言う",
  ])('%s → high', (text) => {
    expect(net(text)?.urgency).toBe('high');
  });
});

describe('safety net does not fire on hard negatives', () => {
  it.each([
    "死ぬほど眠い",
    "死にたいわけじゃないけど、疲れがとれない",
    "去年は死にたかったが、今は落ち着いている",
    "「死にたい」って歌詞の曲が流行ってるけど、どう思う？",
    "自殺のニュースを見て不安になりました、相談窓口はありますか",
    "自殺対策の講演会はいつですか",
    "今までありがとうございました。おかげさまで仕事が見つかりました",
    "週末に家族で海に行ってきます",
    "川の近くに住んでいて、大雨が心配です",
    "老人ホームに入所したいです",
    "毎日薬を1日3錠飲んでいます",
    "宿題やらないと母に殺される笑",
    "締め切り守らないと上司に殺される",
    "父が去年倒れて、いまは介護が必要です",
    "母が倒れたらどうしようと不安です",
    "息子が部屋から出てこず、声をかけても返事がない",
    "向かいのおじいさん、3日見かけないけど電気はついたり消えたりしている",
    "隣の夫婦が毎晩怒鳴りあってる声が聞こえる",
    "生理で血が出てておなかが痛い",
    "母に電話しても出ないけど、たぶん仕事中です",
    "保険金の請求の仕方を教えてください",
    "I'm not going to kill myself, I just need advice about my visa",
    "My job is killing me lol",
    "Không muốn chết, chỉ muốn tìm việc",
    "仕事を今月で終わりにしたい",
    "がっこうにいきたくない",
    "以前ここで「消えたい」と書いた者です。今は元気にしています",
    "もういいです、解決したので。今までありがとうございました",
    "今までお世話になりました。来月から山梨に引っ越します",
    "先生、今までありがとう。さようなら、また会おうね。卒業します",
    "今日で最後のバイトでした。今までありがとうって言われて泣いた",
    "父が「死にたい」と言ったのは去年のことで、今は落ち着いています",
    "夫に殴られたことがあります。今は別居していて安全です",
    "子どものころ父に蹴られていた。今日ふと思い出して怖くなった",
    "母は入院中で、子どもだけで3日過ごしています。祖母が来てくれています",
    "犬のことお願いします、旅行中預かってもらえる制度はありますか",
    "祖父が倒れていたのを先月見つけて救急車を呼びました。今はリハビリ中",
    "意識が高い人ばかりで疲れる",
    "返事がない、ただの屍のようだ",
    "足が動かない日が増えて、通院がつらい",
    "隣の人、郵便がたまっているけど旅行に行くと言ってました",
    "血がでてる、転んで膝をすりむいた",
    "海を見に行きたい気分。気分転換に",
    "ホームで電車を待ってるけど、遅延してる",
  ])('%s → not emergency', (text) => {
    expect(net(text)?.urgency).not.toBe('emergency');
  });
});

describe('wired into the classifier', () => {
  it('raises urgency and adds categories, with the reason', () => {
    const t = c.classify('もうええわ。今から海んとこ行ってくる。おとん、ごめんな');
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain('suicide');
    expect(t.reasons.some((r) => r.startsWith('セーフティネット'))).toBe(true);
  });
  it('never lowers urgency and leaves ordinary messages alone', () => {
    expect(c.classify('週末に家族で海に行ってきます。子ども向けのイベントはありますか').urgency).not.toBe('emergency');
    expect(c.classify('死にたい').urgency).toBe('emergency');
  });
});

describe('safety net, second round: classes found missing on a blind set (new sentences)', () => {
  it.each([
    ['生きてるのがもう限界。疲れた', 'suicide'],
    ['じゅんびはできた。へやもかたづけた。もうつかれた', 'suicide'],
    ['このLINEを見てる頃には、たぶん私はもういません', 'suicide'],
    ['妻が「もう戻らない、探さないで」と書き置きして出ていった。電話の電源も切れている', 'suicide'],
    ['くすり いっぱい もってる。こんや ぜんぶ のむ', 'suicide'],
    ['また切っちゃった。いつもより深いかも、血が止まらない', 'suicide'],
    ['父が台所で転んで立てないと言っています。もう3時間このままだそうです', 'health'],
    ['介護に疲れて、さっき父の首に手をかけてしまった。自分が怖い', 'abuse'],
    ['My husband is hitting me right now, I locked myself in the bathroom', 'dv'],
    ['Chồng tôi nói sẽ giết tôi, tôi đang trốn', 'dv'],
    ['The kids next door say their mom has not been home for three days', 'abuse'],
    ['隣のおばあちゃん、先週の水曜から見とらん。ピンポンしても出てこんし、夜も真っ暗なんよ', 'elderly'],
  ])('%s → emergency (%s)', (text, category) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain(category);
  });

  it.each([
    '処方された薬を全部飲み終わったけど、まだ熱が下がりません',
    '母はもう薬は飲まんでええと言って、デイサービスも嫌がります',
    '祖父は80歳ですが元気で、毎日散歩しています。見守りサービスについて知りたい',
    '準備ができたので、来週から職業訓練に通います',
    '先週、夫に包丁を向けられました。今は実家に避難しています',
  ])('%s → not emergency', (text) => {
    expect(c.classify(text).urgency).not.toBe('emergency');
  });

  it('a student’s written words reported by a teacher are relayed: high, not emergency', () => {
    const t = c.classify('担任です。生徒のノートに『もういなくなりたい』と書いてありました。本人は普段どおりに見えます');
    expect(t.categories).toContain('suicide');
    expect(t.urgency).toBe('high');
  });
});

describe('safety net: a call for help or a lethal danger word next to "now", any language', () => {
  it.each([
    ['助けて。兄が包丁を持って暴れてる', 'abuse'],
    ['いま彼に閉じ込められてて外に出られない', 'dv'],
    ['Help me please, my boyfriend has a knife', 'dv'],
    ['Socorro, meu marido está me batendo agora', 'dv'],
    ['Tolong, suami saya memukul saya sekarang', 'dv'],
    ['いま駅の線路の近くにいます', 'suicide'],
    ['祖父がいま倒れて意識がないみたい', 'health'],
  ])('%s → emergency (%s)', (text, category) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain(category);
  });

  it.each([
    '夫に殴られたことがあります。今は仕事に行っていて家にいません。相談先を知りたい',
    '小さい頃に父に蹴られていたことを今でも夢に見ます',
    '昨日、母が倒れて救急車で運ばれました。命に別状はないそうです。これからの介護が不安です',
    '同僚に避けられている気がして、いま職場がつらいです',
    'いま、ドラマで刺されるシーンを見て気分が悪くなりました',
  ])('%s → not emergency', (text) => {
    expect(c.classify(text).urgency).not.toBe('emergency');
  });
});

describe('safety net, third round: threats, violence in progress, unresponsive, alone and unable to move (new sentences)', () => {
  it.each([
    ['元彼から「今夜行くから。逃げたら殺してやる」ってメッセージが来た', 'dv'],
    ['おとうさんが おかあさんを けってる。こわい', 'dv'],
    ['父がソファで寝たまま、ゆすっても起きない', 'health'],
    ['独り者の78歳です。おとといから腰が痛くて立てん。這って水を飲んどる', 'health'],
    ['生後2ヶ月の息子がいます。粉ミルクがもうない。お金もない', 'child'],
    ['中3。義父が怖くて家を出てきた。今は公園。帰りたくない', 'child'],
    ['手紙は机に置いた。猫は友達に預けた。今までありがとう', 'suicide'],
    ['いままでありがとう。橋の上にいる', 'suicide'],
    ['向かいの家で、息子さんが80くらいのお父さんを叩いている音がいまも聞こえる', 'elderly'],
    ['My neighbour lives alone, her mailbox is overflowing and her curtains have been closed for five days', 'elderly'],
  ])('%s → emergency (%s)', (text, category) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain(category);
  });

  it.each([
    '同居の叔父が祖母をたたいたりしているようです',
    '昨夜、母が転んで救急車で運ばれました。命に別状はないそうです',
    '利用者さんが職員に怒鳴られているのを見ました。施設に言うべきか迷っています',
    '中学のときは死にたいと毎日思っていたけど、今はなんとかやれてます。相談したいのは仕事のことです',
    '姪がSNSに『消えたい』『疲れた』と書いてありました。今日会ったときは普通でした',
  ])('%s → not emergency', (text) => {
    expect(c.classify(text).urgency).not.toBe('emergency');
  });
});

describe('safety net, fourth round (new sentences)', () => {
  it.each([
    ['ぱぱが おとといから かえってこない。ごはんない。いもうとと ふたり', 'child'],
    ["My sister texted 'goodbye, sorry for everything' and she isn't answering her phone", 'suicide'],
    ['介護している父を、さっきから叩いてしまう。父がずっと泣いてる', 'abuse'],
    ['隣の家で子どもの「痛い」「やめて」という叫び声がしています。今もです', 'child'],
    ['じいちゃんが ふろばで たおれて うごかない。よんでも へんじしない', 'health'],
    ['朋友刚才割腕了，流了很多血', 'suicide'],
    ['弟から「ごめん。通帳は机の引き出しにある」とLINE。そのあと電話に出ない。一人暮らし', 'suicide'],
    ['3か月の娘のミルクを買うお金がなくて、薄めて飲ませています', 'child'],
    ['夫がナイフを持ってこっちに向けてる。トイレに隠れてます', 'dv'],
    ['さよなら。もう疲れた', 'suicide'],
  ])('%s → emergency (%s)', (text, category) => {
    const t = c.classify(text);
    expect(t.urgency).toBe('emergency');
    expect(t.categories).toContain(category);
  });

  it.each([
    '先輩に「遅刻したら殺すぞ」って笑いながら言われる。パワハラですか',
    "My coworker jokes that the boss will kill us if we miss the deadline",
    'さよなら教室の卒業式、子どもが泣いていて感動しました。今度の説明会はいつですか',
  ])('%s → not emergency', (text) => {
    expect(c.classify(text).urgency).not.toBe('emergency');
  });
});

describe('false-alarm guards, fifth round (new sentences)', () => {
  it.each([
    '彼に叩かれたことはないけど、毎日スマホを見られて友達とも会えません',
    'もう学校から消えたい。転校したいって意味です。手続きを教えてください',
    '我丈夫经常打我。现在他去上班了。我想知道怎么申请离婚',
    '訪問看護師です。利用者さんが「やられる前にやる」と話しています。包丁は今のところ見当たりません',
    '隣の一人暮らしのおじいさん、3日ほど顔を見ないけど、夜は電気がついていて洗濯物も干しっぱなしです',
    '育休中で赤ちゃんと二人きり。ママ友もいないし3ヶ月誰とも話していない',
  ])('%s → not emergency', (text) => {
    expect(c.classify(text).urgency).not.toBe('emergency');
  });
});

// The classifier's safetyCheck: the net alone, for a message whose full triage keeps failing
// (src/intake/triage-failed.ts), on what the rules would read of a long text too.
describe('classifier.safetyCheck: the safety net alone', () => {
  it('raises an emergency the net sees, also after a long beginning', () => {
    expect(c.safetyCheck('今から首を吊ります。さようなら')?.urgency).toBe('emergency');
    const long = 'あ'.repeat(1200) + '。今までありがとう。これから海に行きます';
    expect(c.safetyCheck(long)?.urgency).toBe('emergency');
  });
  it('sees nothing in an ordinary message or an empty one', () => {
    expect(c.safetyCheck('引っ越しの手続きについて相談したいです')).toBeNull();
    expect(c.safetyCheck('   ')).toBeNull();
  });
});
