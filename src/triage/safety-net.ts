/**
 * Why this file stays whole (over 300 lines): the vocabulary classes and the rules that combine
 * them are read together (a class exists for a rule below); split, each rule would sit away from
 * its words.
 *
 * Safety net: a second, independent look for danger to life.
 *
 * The main rules (./classify.ts) know many exact crisis wordings; this module instead knows broad
 * CLASSES of signals and combines them with a few general rules a counsellor would recognise:
 *
 *   ideation / intent to end       alone (first person)                       → emergency
 *   farewell words                 + going somewhere / silence / letters / …  → emergency
 *   dangerous place (sea, roof…)   + farewell / ending / giving up            → emergency
 *   overdose with a quantity, cut + bleeding that does not stop               → emergency
 *   insurance money as a way out   + decided / today                          → emergency
 *   a child afraid of being killed / hit tonight, hit today + afraid of home  → emergency
 *   collapsed + unresponsive / heat / living alone; unconscious              → emergency
 *   welfare-check signs about someone (mail piling up, smell, lights…) ≥ 2    → emergency
 *   children left alone for days; violence heard right now                    → emergency
 *
 * Someone else's words relayed by the writer still count (「今までありがとう」と送って…). The
 * context checks of ./negation.ts (negation, hyperbole, past and resolved) are reused, so
 * 死ぬほど眠い, 死にたいわけじゃない, 去年は死にたかったが今は落ち着いている do not fire.
 * Japanese phrases are matched by kuromoji lemma and reading (./match.ts).
 */
import type { Category } from './lexicon';
import { buildView, compilePhrases, findPhrases, MAX_HITS_PER_PHRASE, type MatchSpan, type PhraseIndex } from './match';
import { aboutMedia, conditional, FOREIGN_NEG_AFTER, FOREIGN_NEG_BEFORE, goNotLive, hyperbole, laughing, negation, pastResolved, pastTime, relayed, sentenceOf } from './negation';
import type { CrisisVocabulary } from './long-text';
import type { Token, Tokenizer } from './tokenize';

export interface SafetyNetInput {
  norm: string;
  tokens: Token[];
  japanese: boolean;
}

export interface SafetyNetResult {
  urgency: 'emergency' | 'high';
  categories: Category[];
  reason: string;
}

type Cls =
  | 'ideation' // a wish to die, in any language
  | 'ending' // intent to end it all (終わりにする), 明日から…なくていいように
  | 'giveUp' // もう疲れた, もうええわ
  | 'farewell' // 今までありがとう, さようなら, 遺書
  | 'farewellWeak' // ごめんな, 許して
  | 'posthumous' // このメッセージが読まれる頃には
  | 'prepared' // 準備できた, 手紙も書いた
  | 'entrust' // 猫のことお願いします
  | 'silence' // 電話がつながらない, 既読にならない, 無断欠勤
  | 'leftHome' // 家を出ていった
  | 'means' // ロープ・練炭を用意
  | 'pills' // overdose: taken or about to
  | 'cut'
  | 'bleeding' // bleeding that does not stop
  | 'insurance' // 保険金で返す
  | 'decided' // 今日決めた, もう迷わない
  | 'killFear' // 帰ったら殺される
  | 'hitToday' // きょうもけられた
  | 'afraidHome' // 帰りたくない, こわい
  | 'collapsed'
  | 'unresponsive'
  | 'unconscious' // 意識がない, 息をしていない
  | 'unresponsiveWeak' // foreign: not waking up, not answering when called
  | 'unresponsiveStrong' // shaken or called and still not waking
  | 'threat' // a threat to kill or stab
  | 'violenceOngoing' // violence in the progressive: 蹴ってる, ひきずられてる
  | 'welfareSign'
  | 'lifeSign' // signs that someone is up and about
  | 'violence'
  | 'ongoing' // sounds of violence right now
  | 'habitual'
  | 'placeForeign'
  | 'threatForeign'
  | 'strangle';

interface NetCue {
  cls: Cls;
  /** Sub-type (welfare signs are counted by kind). */
  kind?: string;
  ja?: string[];
  re?: RegExp[];
}

// ------------------------------------------------------------------------------------------------
// Vocabulary classes
// ------------------------------------------------------------------------------------------------

const CUES: NetCue[] = [
  {
    cls: 'ideation',
    ja: [
      '死にたい', '死のう', '死ぬしかない', '死ぬつもり', '死んでしまいたい', '死んだほうがまし', '死んだ方がいい', '消えたい',
      '消えてしまいたい', 'いなくなりたい', '生きていたくない', '生きたくない', '生きる意味がない', '生きてる意味ない', '命を絶つ',
      '首を吊る', '飛び降りる', '飛び込む…電車', '楽になりたい', '目が覚めなければ', '死んでお詫び', '死んで償う',
    ],
    re: [
      /(自殺|自死)(したい|しよう|する(つもり|しか)|を(考え|決め)|します)/,
      /死んだる|しんだる|生きとうない|いきとうない|死にてえ|しにてえ/,
      // living itself is unbearable: 生きるのがいや / いきるの つらい / 生きてるのがしんどい
      /(生き|いき)(る|てる|ている|て(い)?く)(の|こと)(が|は|も)?(もう)?(いや|嫌|イヤ|つらい|辛い|しんどい|疲れ|つかれ|むり|無理|限界)/,
      // English
      /\b(kill(ing)? myself|want to die|wanna die|wish i (was|were) dead|don'?t want to (live|be alive|wake up)|end (my life|it all|it tonight)|take my (own )?life|no reason to live|better off dead|going to jump|nobody (will|would) miss me|no one (will|would) miss me)\b/,
      // Vietnamese, Chinese, Portuguese, Spanish, Tagalog, Indonesian, Nepali, Korean, Thai, Burmese
      /(muốn chết|tự tử|tự sát|không muốn sống|kết thúc cuộc đời)/,
      /(自杀|不想活|想死|活不下去|结束(自己的)?生命|跳楼)/,
      /\b(quero morrer|me matar|tirar (a )?minha (pr[oó]pria )?vida|n[aã]o quero mais viver|quiero morir(me)?|matarme|suicidarme|quitarme la vida|no quiero (seguir )?vivir|acabar con mi vida)\b/,
      /\b(magpakamatay|gusto ko nang mamatay|ayoko nang mabuhay|wakasan ang (aking )?buhay)\b/,
      /\b(bunuh diri|ingin mati|mau mati|pengen mati|ingin mengakhiri hidup|tidak ingin hidup lagi)\b/,
      /\b(aa?tmahatya|marna man (lagyo|lagchha|lagcha)|bachna man chhaina|bachna chahanna)\b|आत्महत्या|मर्न मन|बाँच्न मन छैन|बाँच्न चाहन्न/,
      /죽고 ?싶|자살|살기 ?싫|목숨을 끊/,
      /อยากตาย|ฆ่าตัวตาย|ไม่อยากมีชีวิต/,
      /သေချင်|ကိုယ့်ကိုယ်ကို ?သတ်/,
    ],
  },
  {
    cls: 'ending',
    re: [
      /(もう|全部|ぜんぶ|人生|何もかも|なにもかも|すべて|今日で|きょうで|[つ次]の[^。！？!?\n]{0,6}で)[^。！？!?\n]{0,4}(終わり|おわり)に(する|します|したい|しよう|しよ)/,
      /(人生|命|いのち|全部|ぜんぶ|何もかも|なにもかも)[をも]?(終わら|おわら)せ/,
      /もう(楽|らく)に(なる|なります|なれる)/,
      /(明日|あした|もう)(から)?[^。！？!?\n]{0,14}なくて(いい|すむ|済む)ように/,
      /\b(end it|this is the end|tonight is the night)\b/,
      /सबै (अन्त्य|अन्त) गर्छु|다 끝내|一切都结束|结束一切|kết thúc tất cả|acabar com tudo|acabar con todo|tapusin ang lahat|mengakhiri semuanya/,
    ],
  },
  {
    cls: 'giveUp',
    ja: ['もう疲れた', '疲れ果てた', '生きるのに疲れた', 'もうどうでもいい'],
    re: [/もう(ええ|いい|いいや|無理|むり|限界|疲れ|つかれ|だめ|ダメ)|\bi can'?t (do this|take (it|this)) anymore\b|\bi'?m done\b/],
  },
  {
    cls: 'farewell',
    re: [
      /(今|いま)まで(本当に|ほんとうに|ほんとに|ほんと)?(ありがと|お世話に|おせわに|世話になっ)/,
      /さよ(う)?なら|ばいばい|バイバイ|お別れ|おわかれ|(今日|きょう|これ)で最後(?!の)|最後の(メッセージ|連絡|あいさつ|挨拶|ライン|line)|遺書|先立つ不孝|みんな元気で/,
      // leaving for good: もう帰らない, 遠くへ行く, 探さないで
      /書き置き|置き手紙|(いろいろ|色々|長い間|ながいあいだ)?(お)?世話になった(な|ね|よ)?[。！!\s]*$/,
      /もう(帰|かえ|戻|もど)ら(ない|ん|へん)|二度と(帰|かえ|戻|もど|会|あ)|遠く(に|へ)(行|い)く|探さないで|さがさないで/,
      /(对不起|谢谢你?)[^。！？!?\n]{0,12}再见|\bdon'?t (look|come looking) for me\b/,
      /\b(goodbye( forever)?|farewell|this is my last (message|goodbye)|i just wanted (someone|somebody) to know|wrote (letters|a letter|a note) to)\b/,
      /vĩnh biệt|永别|永別|\badeus\b|adiós para siempre|selamat tinggal|\bpaalam\b|잘 ?있어|ลาก่อน/,
    ],
  },
  { cls: 'farewellWeak', re: [/ごめん(ね|な|なさい|よ)?|許して|ゆるして|迷惑(を)?かけて|元気で(ね|な)|\bsorry\b/] },
  {
    cls: 'posthumous',
    re: [
      /(読まれる|読んでる|読んでいる|届く|見る|見てる|見ている)(頃|ころ)(には|は|に)/,
      /(もう|全部|ぜんぶ)[^。！？!?\n]{0,6}(片付い|かたづい|終わっ|おわっ)て(る|ます|いる)/,
      /後のこと(は|を)[^。！？!?\n]{0,6}(頼|たの|よろしく|お願い)/,
      // where the papers are: 保険の書類は机の引き出し, 通帳と印鑑は仏壇の下
      /(保険|通帳|印鑑|遺言|権利書|証書)[^。！？!?\n]{0,10}(は|を|も)[^。！？!?\n]{0,12}(引き出し|ひきだし|仏壇|金庫|机|棚)/,
    ],
  },
  {
    cls: 'prepared',
    re: [
      // having put things in order: 準備できた, 手紙も書いた, 身辺整理 (counts only with a second signal)
      /(準備|じゅんび|用意|支度|したく)(が|は|も)?(できた|出来た|できました|整った|ととのった|した)(?!ら)|(手紙|てがみ)(を|も)(書いた|かいた|書きました|残し)|身辺整理|(部屋|へや)[^。！？!?\n]{0,4}(片付けた|かたづけた|きれいにした)|(猫|犬|ねこ|いぬ|ペット)[^。！？!?\n]{0,8}(預けて|あずけて|預けた|あずけた)|(時|じ)になるのを待つだけ|あとは[^。！？!?\n]{0,10}待つだけ/,
    ],
  },
  {
    cls: 'entrust',
    re: [
      /(猫|犬|ねこ|いぬ|ネコ|イヌ|ペット|子ども|子供|こども|娘|息子)(のこと|の世話|の面倒)(だけ)?[^。！？!?\n]{0,8}(お願い|おねがい|頼み|頼む|たのむ|よろしく)/,
      /\btake care of my (cat|dog|kids?|children)\b/,
    ],
  },
  {
    cls: 'silence',
    re: [
      /(電話|携帯|スマホ|ライン|line)[^。！？!?\n]{0,6}(出(ない|ません|なく|ず)|でない|つながら|繋がら|電源)/,
      /連絡(が|も)?(取れ|とれ|つか)(ない|ません|なく|ず)|音信不通|既読(に)?(なら|つか)|返(事|信)(が|も)?(ない|ありません|こない|来ない)/,
      /無断(欠勤|欠席)|行方不明|居場所[^。！？!?\n]{0,10}(わから|分から|把握でき|つかめ)/,
      /\b((isn'?t|is not|aren'?t|are not|she'?s not|he'?s not) answering|not answering|won'?t answer|doesn'?t answer|phone (is )?(off|dead)|can'?t reach (him|her|them)|not picking up)\b/,
      /不接电话|联系不上|关机|không nghe máy|không liên lạc được|hindi (sumasagot|ma-?contact)|tidak (diangkat|bisa dihubungi)|n[aã]o atende|no contesta|전화를? 안 ?받|연락이 안/,
    ],
  },
  {
    cls: 'leftHome',
    re: [
      /(家|うち|部屋|寮)を?(出て|飛び出して)(いった|行った|いきました|行きました|しまった)|出て(いき|行き)ました|出て(行|い)った|出かけたまま/,
      /(自転車|車|バイク)で[^。！？!?\n]{0,8}(出て|出かけ|行っ)/,
    ],
  },
  {
    cls: 'means',
    re: [
      /(ロープ|練炭|れんたん)[^。！？!?\n]{0,8}(用意|買っ|かけ|準備|焚|た[いか])|首[をに]?(吊|つ)る(準備|用意|ところ)/,
      /手すり(を|の)(越え|乗り越え|外)|柵(を|の)(越え|乗り越え|外)|\b(sitting|standing) on the (edge|ledge|railing)\b|猟銃|\bgun\b/,
    ],
  },
  {
    cls: 'cut',
    re: [
      /(手首|てくび|腕|うで|首|太もも)[^。！？!?\n]{0,6}(切っ|きっ|切り|きり|切れ)|リスカ|\bcut (myself|my wrist|(his|her|their) wrists?)\b|\bslit\b|割腕|割了?手腕|cắt (tay|cổ tay)|cortou os pulsos|cortó las venas|laslas|menyayat/,
      /(また|いつもより|今日も|きょうも|自分で)[^。！？!?\n]{0,6}(切っ|きっ)(た|ちゃ)|(切っ|きっ)(た|ちゃった)[^。！？!?\n]{0,6}(いつもより|深く|ふかく)/,
    ],
  },
  {
    cls: 'bleeding',
    re: [
      /(血|ち)が?[^。！？!?\n]{0,4}(止まらない|とまらない|止まりません|止まらなく|とまらなく|どくどく)|まっか|真っ赤|血だらけ|血まみれ|出血が(止まらない|ひどい)/,
      /\b(bleeding (a lot|heavily|badly)|won'?t stop bleeding|so much blood|lots of blood)\b|很多血|大量出血|血流不止|chảy (rất )?nhiều máu|muito sangue|mucha sangre|banyak darah|maraming dugo|피를 많이/,
    ],
  },
  {
    cls: 'insurance',
    re: [
      /(保険金|生命保険)[^。！？!?\n]{0,12}(返す|返せ|残す|残せ|残し|片付|かたづ|払え|払う|チャラ|清算)/,
      /(死ねば|死んだら|しねば|しんだら)[^。！？!?\n]{0,10}(保険|払え|返せ|片付|かたづ)/,
    ],
  },
  {
    cls: 'decided',
    re: [/(今日|きょう|今夜|こんや|もう)[^。！？!?\n]{0,4}(決めた|決心|きめた|迷わない|まよわない)|覚悟(を)?(決め|した)|決行/],
  },
  {
    // strangling, even stopped at once: the carer or partner fears doing it again
    cls: 'strangle',
    re: [/首に手を(かけ|掛け)(て|た|ちゃ)|首を(絞|し)め(て|た|ちゃ|られ)/],
  },
  {
    cls: 'killFear',
    re: [/(殺さ|ころさ)れ(る|ちゃう|ます|そう|てしまう)|\b(kill me tonight|going to kill me)\b/],
  },
  {
    // in other languages the threat and the violence now are one class: they fire alone
    cls: 'threatForeign',
    re: [
      /\b(going to|gonna|will|threaten(ed|s|ing)? to) kill (me|us|my)\b|\b(he|she|they)('?s| is| are) (hitting|beating|choking|hurting) (me|us|my)\b/,
      /죽여\s?버리|죽이겠|죽일 거|때리고 있|giết (tôi|mẹ con|chúng tôi)|đang đánh tôi|要杀了?我|杀了你|正在打我|vai me matar|me matar agora|est[aá] me (batendo|agredindo)|me va a matar|me est[aá] pegando|papatayin (ako|niya)|sinasaktan (ako|niya)|binubugbog|akan membunuh|sedang memukul|मार्छु भन्|कुटिरहेको/,
    ],
  },
  {
    cls: 'hitToday',
    re: [/(今日|きょう|さっき|今朝|けさ)[^。！？!?\n]{0,6}(殴ら|なぐら|叩か|たたか|蹴ら|けら|ぶた|首を絞め|しめら)れ(た|ました)/],
  },
  { cls: 'afraidHome', re: [/(帰りたくない|かえりたくない|帰れない|かえれない|帰るのが(怖|こわ))/] },
  {
    cls: 'collapsed',
    re: [
      /(倒れ|たおれ)て(る|いる|います|いて|て)|(床|地面|道|廊下|トイレ|風呂|玄関)[^。！？!?\n]{0,4}(に|で)(倒れ|たおれ|横にな|うずくま)|横になった(まま)|うずくまった(まま)|(起き上がれ|おきあがれ)(ない|ず|なく)/,
      /(倒れ|たおれ)て[^。！？!?\n]{0,4}(動か|うごか|起き|おき)(ない|ん|ず)/,
      /(転んで|ころんで|転倒して|倒れて|たおれて)[^。！？!?\n]{0,6}(立て|たて|立ち上がれ|たちあがれ|起きられ|動け|うごけ)(ない|ず|なく|ん)/,
      /\b(collapsed|passed out|fell down and|fell and can'?t get up)\b|\b(jatuh|nahulog|caiu|se cay[oó]|taore(te)?)\b|ngã|摔倒|晕倒|넘어져|쓰러져/,
    ],
  },
  {
    cls: 'unresponsive',
    re: [
      /(反応|返事|返答|応答)(が|も)?(ない|なく|ありません|しない)|(動か|うごか)(ない|なく|ず)|ぐったり/,
      /(呼んでも|よんでも|声(を)?かけても|こえかけても|声かげでも|揺すっても|ゆすっても)[^。！？!?\n]{0,12}(しか|だけ|返事|反応|起き|おき|目を覚ま)/,
    ],
  },
  {
    cls: 'unconscious',
    re: [
      /(意識|いしき)(が|も)?(ない|なく|ありません)|(息|呼吸)(を|が|も)?(して(い)?ない|してません|していません|止まって)/,
      /\b(unconscious|not breathing|no pulse)\b|pingsan|tidak (sadar|bernapas)|bất tỉnh|không thở|昏迷|不省人事|没有呼吸|inconsciente|n[aã]o respira|no respira|nawalan ng malay|hindi humihinga|의식이 없|숨을 안|หมดสติ|ไม่หายใจ/,
    ],
  },
  {
    cls: 'unresponsiveWeak',
    re: [
      /\b(not (responding|waking up|moving)|won'?t wake up|can'?t wake (him|her)|doesn'?t respond)\b/,
      /tidak (bisa )?bangun|tidak (menjawab|merespon)|không tỉnh|không trả lời|叫不醒|没有反应|n[aã]o (acorda|responde)|no (despierta|responde)|hindi (gumigising|sumasagot)|일어나지 않|반응이 없/,
    ],
  },
  {
    cls: 'unresponsiveStrong',
    re: [/(揺すっても|ゆすっても|叩いても|何度呼んでも|なんど呼んでも|呼んでも|よんでも)[^。！？!?\n]{0,8}(起きない|おきない|起きね|目を覚まさない|反応(が)?(ない|しない)|返事(が)?(ない|しない)|へんじ(が)?(ない|しない))|(倒れ|たおれ)[^。！？!?\n]{0,6}(まま|まんま)[^。！？!?\n]{0,4}(起き|おき|起ぎ)/],
  },
  {
    cls: 'threat',
    re: [/(ぶっ殺|殺して(やる|やろう|やっから)|殺すぞ|ころすぞ|ころしてやる|刺してやる|刺すぞ|(したら|すれば|来たら)刺す|燃やしてやる|火を(つけて|付けて)やる)/],
  },
  {
    cls: 'violenceOngoing',
    re: [/(殴|なぐ|蹴|叩|たた|ひきず|引きず|ひっぱ|引っ張|首を(絞|し)め)[ぁ-ん]{0,4}(て|れて)(る|いる|います)(?!(の(を|が)|よう|みたい|らしい|そう|って|と(聞|き)|[ぁ-んー]{0,2}(ことが|時が|ときが)))/],
  },
  // welfare-check signs about someone at home (counted by kind)
  { cls: 'welfareSign', kind: '郵便・新聞', re: [/(郵便受け|郵便|ポスト|新聞|チラシ)[^。！？!?\n]{0,10}(たま|溜ま|パンパン|ぱんぱん|あふれ|溢れ|いっぱい|入ったまま|取り込まれ(て)?(い)?ない|そのまま)/] },
  { cls: 'welfareSign', kind: 'におい', re: [/(変な|へんな|異様な|嫌な|いやな|ひどい|腐った)(におい|臭い|匂い|にほい)|異臭|悪臭|腐敗臭/] },
  { cls: 'welfareSign', kind: '電気', re: [/(電気|明かり|灯り|照明|テレビ)[^。！？!?\n]{0,6}(つけっぱなし|つきっぱなし|ついたまま|点いたまま|消えない|ずっとつい)|(電気|明かり)が?(つか|点か)(ない|なく|ん)|(夜|よる)(も|でも|になっても)[^。！？!?\n]{0,4}(真っ暗|まっくら)/] },
  { cls: 'welfareSign', kind: '雨戸', re: [/(雨戸|カーテン|シャッター)[^。！？!?\n]{0,6}(閉まったまま|閉めたまま|開いて(い)?(ない|ません)|開かない|しまったまま|あかない|あいてない)/] },
  { cls: 'welfareSign', kind: '洗濯物', re: [/洗濯物[^。！？!?\n]{0,8}(干しっぱなし|干したまま|出しっぱなし|取り込まれ(て)?(い)?ない|そのまま)/] },
  { cls: 'welfareSign', kind: '置かれたまま', re: [/(弁当|配食|荷物|牛乳|ヤクルト|郵便物|宅配)[^。！？!?\n]{0,12}(そのまま|置いたまま|置いてあ|置きっぱなし|たまって|溜まって)/] },
  { cls: 'welfareSign', kind: '呼び出しに出ない2', re: [/(何度|何回|なんど)[^。！？!?\n]{0,4}(呼んでも|声をかけても|ノックしても)[^。！？!?\n]{0,8}(応答|返事|反応)(が)?(ない|ありません)/] },
  { cls: 'welfareSign', kind: 'mail', re: [/\b(mailbox|newspapers?|mail)\b[^.!?\n]{0,20}\b(full|piling|piled|overflowing|stacking)\b|우편함|신문이 쌓|thùng thư|信箱|caixa de correio/] },
  { cls: 'welfareSign', kind: 'shutters', re: [/\b(shutters|curtains|blinds)\b[^.!?\n]{0,20}\b(closed|shut|down)\b|\blights? (off|out)\b|불이 꺼져|đèn tắt/] },
  { cls: 'welfareSign', kind: 'no answer', re: [/\b(no one|nobody) (answers|answered|comes)\b|\b(doesn'?t|does not|didn'?t) answer the door\b/] },
  { cls: 'welfareSign', kind: '呼び出しに出ない', re: [/(チャイム|インターホン|呼び鈴|ノック|ピンポン)[^。！？!?\n]{0,8}(出ない|出ません|出てこ(ない|ん|ず)|出て(こ|き)ません|応答(が)?ない|反応(が)?ない|返事(が)?ない)/] },
  {
    cls: 'lifeSign',
    re: [/(夜|よる)(は|には|になると)?[^。！？!?\n]{0,4}(電気|明かり)(が)?(つ|点)いて|(ついたり|つけたり)(消えたり|けしたり|消したり)|出入りして|姿を見(た|かけた)|元気(そう|でした)|入院(して|中)|旅行|施設に入/],
  },
  {
    cls: 'violence',
    re: [/(殴|なぐ|叩|たた[いか]|蹴|怒鳴|どな[らっり]|胸ぐら|首を(絞|しめ)|突き飛ば|物を投げ|暴れ)/],
  },
  {
    cls: 'ongoing',
    re: [/(泣いて|ないて|叫んで|さけんで|泣き叫んで)(る|いる|います)|(ずっと|まだ)続いて(る|いる|います)|(物音|悲鳴|叫び声|泣き声|怒鳴り声|音)(が|も)?[^。！？!?\n]{0,4}(して(い)?(る|ます)|聞こえ(て|る|ます))|(叫んで|怒鳴って|どなって|暴れて|殴って|叩いて|蹴って)(る|います|いる)/],
  },
  { cls: 'habitual', re: [/(毎晩|毎日|毎朝|いつも|よく|たまに|時々|ときどき|しょっちゅう|夜になると)/] },
  {
    cls: 'placeForeign',
    re: [
      /\b(i'?m|i am|going|heading|went|standing|now)\b[^.!?\n]{0,25}\b(roof|rooftop|bridge|platform|cliff|edge|tracks|railway|sea|beach|river|ocean|mountains?)\b/,
      /sân thượng|cầu|天台|楼顶|桥上|\b(ponte|telhado|puente|azotea|atap|jembatan|bubong|tulay)\b|옥상/,
    ],
  },
];

/** Crisis classes checked for negation, hyperbole and past-and-resolved context. */
const CONTEXTUAL: Cls[] = ['strangle', 'threat', 'violenceOngoing', 'unresponsiveStrong', 'ideation', 'ending', 'farewell', 'pills', 'cut', 'bleeding', 'means', 'insurance', 'killFear', 'threatForeign', 'hitToday', 'collapsed', 'unresponsive', 'unconscious', 'unresponsiveWeak'];
/** Classes whose relayed (quoted) use is noted. */
const RELAYABLE: Cls[] = ['ideation', 'ending', 'farewell', 'insurance'];

// places that a farewell or giving-up message may name: the sea, rivers, heights, the railway
const PLACE = new Set(['海', 'うみ', '川', 'かわ', '山', 'やま', '樹海', '崖', 'がけ', '橋', '鉄橋', '歩道橋', '屋上', 'ホーム', '線路', '踏切', 'ダム', '滝', '岬', '湖', '海岸', '浜', '埠頭', '港', '森', '河原', '河川敷', '岸壁', '高架', '断崖']);
const HIGH_PLACE = new Set(['屋上', 'ホーム', '線路', '踏切', '橋', '鉄橋', '歩道橋', '崖', 'がけ', 'ダム', '高架', '断崖', '岸壁']);
const NOT_PLACE_BEFORE = /(老人|グループ|有料|介護|ケア|マイ|特養|ナーシング|ステイ)$/;
const GOING_AFTER =
  /^(ん|の)?(とこ|ところ|方|ほう|上|前|近く|扉|中|奥|そば|端)?(の(前|上|近く|端|そば))?(を見|見|を|に|へ|まで|で)?[^。！？!?\n]{0,6}?(行|い[っくきかこ]|向か|むか|来て|来た|き(た|て|ました)|着|つい|いる|います|いて|おる|立っ|たって)/;
const NOW_BEFORE = /(いま|今(?!まで|は)|今から|いまから|現在)[^。！？!?\n]{0,8}$/;

const PILL = /(薬|くすり|クスリ|睡眠薬|眠剤|安定剤|抗うつ薬|市販薬|風邪薬|頭痛薬|鎮痛剤|錠剤|処方薬|\bod\b|pills|tablets|meds|medicine|thuốc|药|remédios|comprimidos|pastillas|obat|gamot|약|ยา)/;
const PILL_AMOUNT =
  /(全部|ぜんぶ|まとめて|大量|たいりょう|たくさん|一気|いっき|一度に|ありったけ|すべて|(\d+|一|二|三|ひと|ふた)\s*(シート|しーと|箱|はこ|瓶|びん|袋|ふくろ)|(?<![0-9])([1-9]\d{1,})\s*(錠|粒|つぶ|個|じょう)|\b(all|whole|bunch|handful)\b|\b\d{2,} (pills|tablets)\b|hết|整瓶|一瓶|很多|todos|todas|muitos|muchas|semua|banyak|lahat|전부|다 |หมด)/;
const PILL_TAKE = /(飲|のん|のみ|のむ|呑|\b(took|taken|swallowed|take)\b|uống|吃了|tomei|tomé|minum|ininom|먹었|กิน)/;
const OD = /(\bod\b|オーバードーズ|過量服薬)\s*(し|した|しちゃ|してしまっ|しました)|\boverdosed?\b/;

/** 「死にたいって気持ちはない」「消えたいという考えはありません」. */
const NEG_FEELING_AFTER = /^[」』"'\s]*(って|という|っていう|とか|との)?(気持ち|思い|考え|つもり|気)(は|も|が)?(全然|まったく|特に|今は)?(ない|ありません|なく|ないです)/;
/** The writer's own earlier message: 「以前ここで『消えたい』と書いた者です」. */
const OWN_EARLIER = /^[」』"'\s]*(と|って)(書いた|書き込んだ|投稿した|送った|相談した)(者|もの|ものです)/;
const OLD_PAST = /(昔|去年|昨年|前に|以前|年前|か月前|ヶ月前|カ月前|学生の(頃|時)|若い頃|(小さい|幼い|子ども|子供|こども)の?(頃|ころ|時))/;

const TODAY = /(今日|きょう|今夜|こんや|今晩|今から|いまから|明日の朝|\btonight\b|\btoday\b)/;
const CHILD_CTX = /(\b(child|children|kids?|son|daughter|student|pupil|grader|baby)\b|아이|con tôi|孩子|\b(filhos?|hijos?|anak)\b|生徒|児童|園児|(小|中|高)[1-6１-６一二三](?![0-9])|(小学|中学|高校)(生|[1-6一二三]年)|子ども|子供|こども|息子|娘|男の子|女の子|兄弟|きょうだい|赤ちゃん|(?<![0-9])(1[0-7]|[0-9])(歳|才)|まま|ぱぱ|(ママ|パパ)(に|から)|おうち|\bmy (son|daughter)\b)/;
const MINOR_CTX = /(生徒|児童|(小|中|高)[1-6１-６一二三](?![0-9])|(小学|中学|高校)(生|[1-6一二三]年)|(?<![0-9])(1[0-7])(歳|才))/;
const ELDER_CTX = /(高齢|おばあ|おじい|祖母|祖父|利用者|(?<![0-9])[6-9][0-9](歳|才)|[7-9]0代|老|年寄り|[(（][6-9][0-9][)）])/;
const PARTNER_CTX = /(彼(に|が|から|は|と)|\b(husband|wife|boyfriend|girlfriend|partner|marido|esposo|esposa|asawa|suami|istri)\b|남편|아내|chồng|vợ tôi|老公|丈夫|妻子|夫|妻|旦那|主人|彼氏|彼女|元カレ|元彼|元夫|交際相手|パートナー|夫婦)/;
const ALONE_CTX = /(一人暮らし|独り者|\blives alone\b|혼자 사|sống một mình|一个人住|ひとり暮らし|独居|独り暮らし|一人で住)/;
const HEAT = /(熱い|あつい|高熱|熱中症|暑さ|発熱|demam|fever)/;
const DAYS = /おととい|一昨日|昨日の(朝|昼|夕方|夜)から|\bfor (\d+|two|three|four|five|several) days\b|사흘|나흘|며칠|((?<![0-9])[2-9]|[1-9][0-9]|数|何|二|三|四|五|六|七|十)\s*(日|週間|か月|ヶ月|カ月)|ここ(数|\d+|何)日|何日も|しばらく|昨日から|きのうから|昨夜から|ゆうべから|先週|(月|火|水|木|金|土|日)曜(日)?から|\b(two|three|four|five|several|few|\d+) (days|nights)\b/;
const CHILD_ALONE =
  /(親|母親|父親|お母さん|お父さん|おかあさん|おとうさん|母|父|ママ|パパ|まま|ぱぱ|大人|保護者)(?!友|さん友|とも)(が|は|も)?[^。！？!?\n]{0,8}((帰|かえ)って(こ|き)(ない|てない|ていない|ません)|(帰|かえ)らない|(帰|かえ)ってない|戻って(こ|き)(ない|てない)|戻らない|いない|いません|不在)|(子ども|子供|こども|子|兄弟|きょうだい|姉妹)(たち)?だけで|置き去り|おきざり|\b(parents?|mom|mother|dad|father)( has| have)?(n'?t| not) (been )?(home|come (back|home))\b|\b(left|home) alone\b/;
/** Another adult is looking after the children. */
const CARER_PRESENT = /(来てくれ|見てくれ|預か|面倒を見て|泊まって|一緒にい(て|る|ます))/;
const BLEED_NOW = /(血|ち)が?(出て|でて)(る|いる|います|て)|出血して(る|いる|います)/;
const BLEED_EXCUSE = /(生理|鼻血|はなぢ|歯茎|痔)/;
const PREGNANT = /(妊娠|にんしん|妊婦)/;
const PAIN = /(痛|いたい|いたく)/;
/** A thank-you for help received: 「今までありがとうございました。おかげで仕事が見つかりました」. */
const THANKS = /(おかげ|解決し|見つかり|決まりました|助かりました|相談に乗って|お世話になった先生|卒業|退職|引っ越し|転勤|異動)/;
/** Said as a joke (laughter is checked by ./negation.ts). */
const JOKE_WORDS = /(冗談|じょうだん|\bjok(e|es|ing)\b|\bkidding\b)/;
const WORKPLACE = /(上司|先輩|部長|課長|会社|締め切り|締切|宿題|課題|テスト|監督|コーチ)/;

// ------------------------------------------------------------------------------------------------

interface NetHit {
  cls: Cls;
  kind?: string;
  phrase: string;
  span: MatchSpan;
  relay?: string;
}

interface Compiled {
  index: PhraseIndex<NetCue>;
  regexes: Array<{ cue: NetCue; re: RegExp }>;
}

const compiledFor = new WeakMap<Tokenizer, Compiled>();

function compile(tokenizer: Tokenizer): Compiled {
  let c = compiledFor.get(tokenizer);
  if (!c) {
    c = {
      index: compilePhrases(tokenizer, CUES.filter((q) => q.ja?.length).map((q) => ({ cue: q, phrases: q.ja! }))),
      regexes: CUES.flatMap((q) => (q.re ?? []).map((re) => ({ cue: q, re: new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g') }))),
    };
    compiledFor.set(tokenizer, c);
  }
  return c;
}

/** The phrases (with their readings) and regular expressions of the net, for the crisis scan of ./long-text.ts. */
export function safetyNetVocabulary(tokenizer: Tokenizer): CrisisVocabulary {
  const c = compile(tokenizer);
  return { phrases: c.index.all.flatMap((p) => [p.phrase, p.kana]), regexes: c.regexes.map((r) => r.re) };
}

/** Inside 「」 or 『』 (or "…"): someone's words, possibly the writer's own. */
function quoted(norm: string, span: MatchSpan): boolean {
  const before = norm.slice(0, span.start);
  const open = Math.max(before.lastIndexOf('「'), before.lastIndexOf('『'), before.lastIndexOf('"'));
  if (open < 0) return false;
  const close = Math.max(before.lastIndexOf('」'), before.lastIndexOf('』'));
  return close < open && /[」』"]/.test(norm.slice(span.end));
}

/** Why a hit does not count, or undefined. */
function dropReason(norm: string, h: NetHit): string | undefined {
  if (!CONTEXTUAL.includes(h.cls)) return undefined;
  const sent = sentenceOf(norm, h.span).text;
  if (aboutMedia(sent)) return '話題・作品';
  if (['threat', 'threatForeign', 'killFear'].includes(h.cls) && (laughing(sent) || JOKE_WORDS.test(sent) || WORKPLACE.test(sent))) return '冗談・職場の言い回し';
  const why = negation(norm, h.span) ?? hyperbole(norm, h.span) ?? pastResolved(norm, h.span);
  if (why) return why;
  if (NEG_FEELING_AFTER.test(norm.slice(h.span.end, h.span.end + 20))) return '否定';
  if (OWN_EARLIER.test(norm.slice(h.span.end, h.span.end + 16))) return '以前の書き込み';
  if (FOREIGN_NEG_BEFORE.test(norm.slice(Math.max(0, h.span.start - 8), h.span.start)) && !/[\u3040-\u30ff]/.test(norm.slice(h.span.start, h.span.end))) return '否定';
  if (FOREIGN_NEG_AFTER.test(norm.slice(h.span.end, h.span.end + 4))) return '否定';
  // がっこうに いきたくない is 行きたくない
  if (h.cls === 'ideation' && goNotLive(norm, h.span)) return '「行きたくない」';
  if (['collapsed', 'unresponsive', 'unconscious', 'pills', 'cut', 'hitToday', 'killFear'].includes(h.cls)) {
    const w = conditional(norm, h.span);
    if (w) return w;
  }
  if (['collapsed', 'unresponsive', 'unconscious', 'pills', 'cut', 'bleeding', 'means'].includes(h.cls)) {
    if (pastTime(norm, h.span) || OLD_PAST.test(sent)) return '過去の出来事';
  }
  return undefined;
}

/**
 * The rules' second look (safetyNet) and the model's features (safetyNetSignals) read the same
 * message one after the other: its hits are found once. One entry is enough (a triage thread reads
 * one message at a time); copies go out because safetyNet marks relays on its hits.
 */
let lastRead: { c: Compiled; norm: string; tokens: SafetyNetInput['tokens']; japanese: boolean; hits: NetHit[] } | undefined;
function hitsOf(c: Compiled, input: SafetyNetInput): NetHit[] {
  const { norm, tokens, japanese } = input;
  const r = lastRead;
  if (!r || r.c !== c || r.norm !== norm || r.tokens !== tokens || r.japanese !== japanese) {
    lastRead = { c, norm, tokens, japanese, hits: findHits(c, input) };
  }
  return lastRead!.hits.map((h) => ({ ...h }));
}

function findHits(c: Compiled, input: SafetyNetInput): NetHit[] {
  const { norm, tokens, japanese } = input;
  const hits: NetHit[] = [];
  if (japanese && tokens.length) {
    for (const m of findPhrases(c.index, buildView(norm, tokens))) hits.push({ cls: m.cue.cls, kind: m.cue.kind, phrase: m.phrase, span: m.span });
  }
  for (const { cue, re } of c.regexes) {
    re.lastIndex = 0;
    let n = 0;
    for (const m of norm.matchAll(re)) {
      if (m[0].length) hits.push({ cls: cue.cls, kind: cue.kind, phrase: m[0], span: { start: m.index!, end: m.index! + m[0].length } });
      if (++n >= MAX_HITS_PER_PHRASE) break;
    }
  }
  // overdose: a medicine, an amount and a verb of taking, in one sentence
  const sentences = norm.split(/(?<=[。！？!?\n])/);
  let at = 0;
  let previous = '';
  for (const s of sentences) {
    // the medicine may be named in the sentence before: 「くすり たくさん ある。きょう ぜんぶ のむ」
    const both = previous + s;
    const p = both.match(PILL);
    // 飲み終わった (finished the course) and 飲まない (not taking) are not an overdose
    const notOverdose = /(1日|一日|毎食|毎日|ずつ|処方され|飲み(終わ|おわ|切っ|きっ)|(飲|の)ま(ない|ん|ず|なく)|\bper day\b|\ba day\b)/.test(both);
    if (p && PILL_AMOUNT.test(s) && PILL_TAKE.test(s) && !notOverdose) {
      const start = at - previous.length + p.index!;
      hits.push({ cls: 'pills', phrase: both.trim().slice(0, 24), span: { start, end: start + p[0].length } });
    }
    previous = s;
    const od = s.match(OD);
    if (od) hits.push({ cls: 'pills', phrase: od[0], span: { start: at + od.index!, end: at + od.index! + od[0].length } });
    at += s.length;
  }
  return hits;
}

/** A high place named anywhere (屋上のカギが壊れてる): enough as the second signal next to a farewell. */
function highPlaceNamed(tokens: Token[]): string | undefined {
  return tokens.find((t) => HIGH_PLACE.has(t.surface) && t.pos === '名詞')?.surface;
}

/** A dangerous place named with going / being there now: 川んとこ行ってくる, いま駅のホーム. */
function placeNow(norm: string, tokens: Token[]): { word: string; high: boolean } | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // kana spellings (うみにいく) are often parsed as verbs: accept them before に/へ
    const kanaPlace = /^(うみ|かわ|やま)$/.test(t.surface) && /^[にへ]/.test(norm.slice(t.end));
    if (!PLACE.has(t.surface) || (t.pos !== '名詞' && !kanaPlace)) continue;
    if (NOT_PLACE_BEFORE.test(tokens[i - 1]?.surface ?? '')) continue;
    const sent = sentenceOf(norm, t);
    const after = norm.slice(t.end, sent.end);
    const before = norm.slice(sent.start, t.start);
    if (GOING_AFTER.test(after) || NOW_BEFORE.test(before)) return { word: t.surface, high: HIGH_PLACE.has(t.surface) };
  }
  return undefined;
}

// ---- danger now: the most general rule ---------------------------------------------------------
// A call for help, or a lethal-danger word next to "now", in any language. Wordings vary without
// end; these two ingredients recur in almost every emergency a person writes themselves.
const HELP = /(助けて|たすけて|タスケテ|\btasukete\b|\bhelp( me| us|!)|\bsocorro\b|\bajuda\b|\bayuda\b|\bauxilio\b|\btolong\b|\btulong\b|\btulungan\b|cứu (tôi|với|em)|救命|救救|도와주|살려|बचाउ|ช่วยด้วย)/;
const DANGER_VIOLENCE =
  /((包丁|ナイフ|刃物|バット|銃)[^。！？!?\n]{0,8}(向け|振り回|持ち出|持って)|殺す|殺さ|殺され|ころす|ころさ|ぶっ殺|刺す|刺さ|刺され|さすぞ|包丁|ナイフ|刃物|なぐられ|殴られ|殴って(る|く)|蹴って(る|く)|蹴られ|(?<![ぁ-んァ-ン一-龥])けられ|叩かれ|(?<![ぁ-ん])たたかれ|引きず|ひきず|ひっぱられ|閉じ込め|首を(絞|し)め|\bnaif(u)?\b|\bhouchou\b|\bkorosareru\b|\b(kill|knife|stab|stabbed|beating|hitting|punch(ed|ing)?|choking|hurt(ing)? me)\b|\b(matar|faca|cuchillo|golpe|golpea|me bate|me bateu|me agride|espancando|pukul|memukul|pisau|sinaktan|sinasaktan|bugbog|kutsilyo|saksak)\b|đánh|giết|con dao|打我|打她|打他|刀|杀|때리|때려|칼|죽여|मार्|कुट)/;
const DANGER_BODY =
  /(tidak bangun|napas(nya)? (aneh|berat)|hindi (gumigising|humihinga)|血が|出血|意識が|息が|息して|呼吸が|倒れ|起きない|おきない|動かない|うごかない|冷たくな|\b(bleeding|unconscious|not breathing|collapsed|won'?t wake)\b|\b(sangue|sangre|darah|dugo|desmai|pingsan|desmayó)\b|chảy máu|bất tỉnh|流血|昏倒|晕倒|피가|쓰러|기절)/;
const DANGER_SELF = /(飛び降り|とびおり|踏切|線路|始発|決行|屋上から|首を吊|くびをつ|睡眠薬|眠剤|\b(jump|overdose|pills|railing|ledge)\b|安眠药|跳楼|nhảy|thuốc ngủ|suplemen|pampatulog|pastillas|comprimidos|뛰어내|수면제)/;
const NOW =
  /((?<![ぁ-ん])いま(?!まで|は|の(?!うち)|す|せ|し)|今(?!まで|は|でも|のところ|度|年|月|週|後|回|朝|更)|今夜|こんや|今晩|今から|いまから|さっき|たった今|明日の(朝|始発)|あした(の)?(朝|あさ)|\b(right now|now|tonight|currently)\b|\b(agora|ahora|sekarang|ngayon|kanina)\b|bây giờ|vừa (mới)?|现在|刚才|马上|지금|방금|अहिले|ตอนนี้)/;
/** Hiding from someone: 隠れてます, 鍵をかけて閉じこもってる. */
const HIDING = /(隠れて(い)?(る|ます)|かくれて(い)?(る|ます)|鍵(を)?(かけ|掛け)て(隠|閉じこも|こも)|\bhiding\b|\blocked myself in\b|escondid[ao]|nagtatago|bersembunyi|trốn|躲在|숨어)/;
/** "He is at work now": the person is away, so "now" is a safe moment, not danger in progress. */
const AWAY_NOW = /(仕事|出かけ|外出|いない|いません|寝て|\b(at work|not (at )?home|asleep|out)\b|\b(trabaho|trabalho|trabajo|kerja|tidur)\b|đi làm|上班|不在家|일하러|출근)/;
/** Already in the hands of emergency services: grave, but the danger to life is being dealt with. */
const HANDLED = /(救急車で(運ばれ|搬送)|搬送され(た|まし)|命に別状(は)?(ない|なく|ありません)|入院(し|になり)(た|まし)|一命を取り留め|保護されました|警察(が|に)(来て|保護)|\b(in (the )?hospital now|was taken to hospital)\b)/;

/** An ambulance or the police have already taken over: 救急車で運ばれ, 命に別状はない. */
export const handledByEmergencyServices = (norm: string): boolean => HANDLED.test(norm);

/** A call for help or a lethal-danger word next to "now"; returns the ingredients, or undefined. */
function dangerNow(norm: string): { why: string; cats: Category[] } | undefined {
  for (const sent of norm.split(/(?<=[。！？!?\n])/)) {
    if (aboutMedia(sent) || OLD_PAST.test(sent)) continue;
    const kinds: Array<[RegExp, Category[]]> = [
      [DANGER_VIOLENCE, []],
      [DANGER_SELF, ['suicide']],
      [DANGER_BODY, ['health']],
    ];
    for (const [re, cats] of kinds) {
      // a call for help or hiding anywhere covers danger named in another sentence
      const d = sent.match(re) ?? (HELP.test(sent) || HIDING.test(sent) ? norm.match(re) : null);
      if (!d) continue;
      // 「刃物は見当たりません」: the danger word is denied
      if (/^[^。！？!?\n]{0,12}(見当たら|ありません|ない[。]|なかった)/.test(norm.slice(d.index! + d[0].length))) continue;
      const trigger = sent.match(HELP) ?? sent.match(HIDING) ?? (AWAY_NOW.test(sent) ? null : sent.match(NOW));
      if (!trigger) continue;
      return { why: `${q(trigger[0])}＋${q(d[0])}`, cats };
    }
  }
  return undefined;
}

const q = (s: string) => `「${s.trim()}」`;

/**
 * The safety net. Pure: the same input gives the same answer. `tokenizer` compiles the phrase
 * tables once (cached per tokenizer).
 */
export function safetyNet(input: SafetyNetInput, tokenizer: Tokenizer): SafetyNetResult | null {
  const { norm, tokens } = input;
  if (!norm) return null;
  const c = compile(tokenizer);
  const all = hitsOf(c, input);
  const live: NetHit[] = [];
  for (const h of all) {
    if (dropReason(norm, h)) continue;
    if (RELAYABLE.includes(h.cls)) h.relay = relayed(norm, h.span) ?? (quoted(norm, h.span) ? '引用' : undefined);
    live.push(h);
  }
  if (process.env.TRIAGE_DEBUG) for (const h of live) console.error(`  net ${h.cls}${h.kind ? '/' + h.kind : ''} ${q(h.phrase)} ${h.relay ?? ''}`);
  const has = (cls: Cls) => live.some((h) => h.cls === cls);
  const first = (cls: Cls) => live.find((h) => h.cls === cls);
  const own = (cls: Cls) => live.find((h) => h.cls === cls && !h.relay);
  const place = placeNow(norm, tokens) ?? (has('placeForeign') ? { word: first('placeForeign')!.phrase, high: true } : undefined);
  const minor = MINOR_CTX.test(norm);
  const suicideCats: Category[] = minor ? ['suicide', 'child'] : ['suicide'];

  const fired: SafetyNetResult[] = [];
  const fire = (urgency: 'emergency' | 'high', categories: Category[], why: string) => {
    fired.push({ urgency, categories, reason: `セーフティネット: ${why} → ${categories.join(', ')}, ${urgency}` });
  };

  // ---- suicide ---------------------------------------------------------------------------------
  const ideation = own('ideation');
  if (ideation) fire('emergency', suicideCats, `${q(ideation.phrase)}（希死念慮）`);
  const ending = first('ending');
  const farewells = live.filter((h) => h.cls === 'farewell');
  const farewell = farewells[0];
  const gone = first('silence') ?? first('leftHome');
  if (has('pills')) fire('emergency', suicideCats, `${q(first('pills')!.phrase)}（薬の大量服薬）`);
  if (has('cut') && has('bleeding')) fire('emergency', suicideCats, `${q(first('cut')!.phrase)}＋${q(first('bleeding')!.phrase)}（自傷と出血）`);
  if (has('means')) fire('emergency', suicideCats, `${q(first('means')!.phrase)}（手段の準備）`);
  // 「これが読まれる頃には」 written about oneself needs nothing else
  const posthumous = live.find((h) => h.cls === 'posthumous' && !quoted(norm, h.span) && !relayed(norm, h.span));
  if (posthumous && /(読まれる|読んでる|読んでいる|届く|見る|見てる|見ている)(頃|ころ)/.test(posthumous.phrase)) {
    fire('emergency', suicideCats, `${q(posthumous.phrase)}（死後を思わせる言葉）`);
  }
  const prepared = first('prepared');
  const withPrepared = first('posthumous') ?? first('ending') ?? first('giveUp') ?? first('farewellWeak') ?? live.find((h) => h.cls === 'ideation');
  if (prepared && withPrepared) fire('emergency', suicideCats, `${q(prepared.phrase)}（身辺の準備）＋${q(withPrepared.phrase)}`);
  if (farewell) {
    const thanks = THANKS.test(norm);
    const second =
      (place && { p: place.word, w: '場所' }) ||
      (highPlaceNamed(tokens) && { p: highPlaceNamed(tokens)!, w: '場所' }) ||
      (gone && { p: gone.phrase, w: '連絡途絶・外出' }) ||
      (first('posthumous') && { p: first('posthumous')!.phrase, w: '死後を思わせる言葉' }) ||
      (first('entrust') && { p: first('entrust')!.phrase, w: '後を託す言葉' }) ||
      (first('prepared') && { p: first('prepared')!.phrase, w: '身辺の準備' }) ||
      (ending && { p: ending.phrase, w: '終わりにする' }) ||
      (live.find((h) => h.cls === 'ideation') && { p: live.find((h) => h.cls === 'ideation')!.phrase, w: '希死念慮' }) ||
      (!thanks && first('decided') && { p: first('decided')!.phrase, w: '決意' }) ||
      (!thanks && first('giveUp') && !farewell.relay && { p: first('giveUp')!.phrase, w: 'あきらめ' }) ||
      (!thanks && new Set(farewells.map((h) => h.phrase)).size >= 2 && { p: farewells[1].phrase, w: '重ねた別れ' });
    if (second) fire('emergency', suicideCats, `別れのことば${q(farewell.phrase)}＋${second.w}${q(second.p)}`);
    else if (farewell.relay) fire('high', suicideCats, `別れのことば${q(farewell.phrase)}（${farewell.relay}）`);
  }
  if (ending && !ending.relay && (place || has('giveUp') || TODAY.test(norm) || has('decided'))) {
    fire('emergency', suicideCats, `${q(ending.phrase)}（終わりにする意思）${place ? '＋場所' + q(place.word) : ''}`);
  }
  if (place && !farewell && !ending) {
    const giveUp = first('giveUp');
    const weak = first('farewellWeak');
    const idea = first('ideation');
    if (idea || (giveUp && (weak || place.high)) || (has('silence') && giveUp)) {
      const w = idea ?? giveUp!;
      fire('emergency', suicideCats, `場所${q(place.word)}＋${q(w.phrase)}${weak && !idea ? '＋' + q(weak.phrase) : ''}`);
    }
  }
  const sorry = first('farewellWeak');
  if (sorry && !farewell && ((first('silence') && (ALONE_CTX.test(norm) || DAYS.test(norm) || first('posthumous'))) || (first('posthumous') && !first('posthumous')!.phrase.match(/読まれる|読んで|届く|見る|見て/)))) {
    fire('emergency', suicideCats, `${q(sorry.phrase)}＋${q((first('posthumous') ?? first('silence'))!.phrase)}（謝罪と後始末・連絡途絶）`);
  }
  // a bare goodbye as the message itself (さよなら。誰も読まないと思うけど)
  if (farewell && !farewell.relay && !THANKS.test(norm) && norm.length <= 40 && farewell.span.start <= 2) {
    fire('emergency', suicideCats, `${q(farewell.phrase)}（別れだけの短いメッセージ）`);
  }
  const insurance = first('insurance');
  if (insurance) {
    const acute = !insurance.relay && !/(かな(?!い)|って聞|と聞|[?？])/.test(sentenceOf(norm, insurance.span).text) && (has('decided') || TODAY.test(norm) || has('giveUp') || has('farewell') || /しかない/.test(norm));
    fire(acute ? 'emergency' : 'high', acute ? ['suicide', 'debt'] : ['suicide'], `${q(insurance.phrase)}（保険金での清算をほのめかす）${acute ? '＋決意・期限' : ''}`);
  }
  const relayedIdea = live.find((h) => h.cls === 'ideation' && h.relay);
  if (relayedIdea) {
    const acute = gone || place || has('pills') || has('means') || TODAY.test(sentenceOf(norm, relayedIdea.span).text);
    fire(acute ? 'emergency' : 'high', suicideCats, `${q(relayedIdea.phrase)}（${relayedIdea.relay}）${acute ? '＋行方・手段' : ''}`);
  }

  // ---- violence now, children ---------------------------------------------------------------------
  const violenceCats = (): Category[] => {
    if (CHILD_CTX.test(norm)) return ['abuse', 'child'];
    if (ELDER_CTX.test(norm)) return ['abuse', 'elderly'];
    if (PARTNER_CTX.test(norm)) return ['dv'];
    return ['abuse'];
  };
  const killFear = first('killFear');
  if (killFear) {
    const sent = sentenceOf(norm, killFear.span).text;
    if (/(帰ったら|かえったら|帰ると|かえると|帰れば|今夜|こんや|今日|きょう|家|うち|おうち|親|父|母|パパ|ママ|夫|彼|\btonight\b)/.test(sent) && !WORKPLACE.test(sent)) {
      fire('emergency', violenceCats(), `${q(killFear.phrase)}（命の危険を訴える）`);
    }
  }
  const threat0 = first('threat');
  if (threat0) fire('emergency', violenceCats(), `${q(threat0.phrase)}（殺害・刺傷の脅し）`);
  const ongoing0 = first('violenceOngoing');
  // 「たたいたりしている」 is a pattern, not an assault in progress
  if (ongoing0 && !has('habitual') && !ongoing0.phrase.includes('たり')) fire('emergency', violenceCats(), `${q(ongoing0.phrase)}（いま続いている暴力）`);
  const strangle = first('strangle');
  if (strangle) fire('emergency', violenceCats(), `${q(strangle.phrase)}（首への暴力）`);
  const threat = first('threatForeign');
  if (threat) fire('emergency', violenceCats(), `${q(threat.phrase)}（いま暴力・殺害の脅し）`);
  const hit = first('hitToday');
  if (hit && has('afraidHome')) fire('emergency', violenceCats(), `${q(hit.phrase)}＋${q(first('afraidHome')!.phrase)}（今日の暴力と帰宅への恐れ）`);
  if (has('violence') && has('ongoing') && !has('habitual') && /(今|いま|現在|さっきから)(?!まで)/.test(norm)) {
    fire('emergency', violenceCats(), `${q(first('violence')!.phrase)}＋${q(first('ongoing')!.phrase)}（いま起きている暴力）`);
  }
  if (CHILD_CTX.test(norm) && /(叫び声|悲鳴|泣き叫|[「『]やめて|[「『]ごめんなさい|[「『]痛い)/.test(norm) && /(今も|いまも|今まさに|ずっと続|まだ続|今です|いまです)/.test(norm) && !has('habitual')) {
    fire('emergency', ['abuse', 'child'], '子どもの悲鳴・叫び声がいまも続いている');
  }
  if (CHILD_CTX.test(norm) && CHILD_ALONE.test(norm) && DAYS.test(norm) && !CARER_PRESENT.test(norm)) {
    fire('emergency', ['abuse', 'child'], `${q(norm.match(CHILD_ALONE)![0])}＋${q(norm.match(DAYS)![0])}（子どもだけで置かれている）`);
  }

  // ---- health: collapsed, unresponsive, bleeding -------------------------------------------------
  const collapsed = first('collapsed');
  const unresp = first('unresponsive');
  const healthCats: Category[] = ELDER_CTX.test(norm) ? ['health', 'elderly'] : ['health'];
  if (has('unresponsiveStrong')) fire('emergency', healthCats, `${q(first('unresponsiveStrong')!.phrase)}（呼びかけても起きない）`);
  if (has('violence') && has('bleeding')) fire('emergency', violenceCats(), `${q(first('violence')!.phrase)}＋${q(first('bleeding')!.phrase)}（暴力と出血）`);
  // cannot move, alone, for days: 這って水だけ飲んでいる
  if (/(動けない|動けん|立てない|立てん|歩けない|歩けん|力が入らな|力が入らん|這って|這うて|はって)/.test(norm) && (ALONE_CTX.test(norm) || /独り者|ひとりもん/.test(norm)) && DAYS.test(norm)) {
    fire('emergency', healthCats, '一人暮らしで何日も動けない');
  }
  // a baby whose milk or food runs out today
  if (/(生後|乳児|赤ちゃん|赤ん坊|ミルク)/.test(norm) && /(ミルク|粉ミルク|食べ物|ごはん|お金)[^。！？!?\n]{0,8}(最後|もうない|もうありません|なくなる|なくなり|尽き|底をつ)|(ミルク|粉ミルク)[^。！？!?\n]{0,10}(お金がない|買えない|かえない|うすめ|薄め)|財布に\d+円/.test(norm)) {
    fire('emergency', ['poverty', 'child'], '乳児のミルク・食べ物が尽きる');
  }
  // a minor out of the house at night, afraid to go home
  if (MINOR_CTX.test(norm) && has('afraidHome') && /(家出|家を?出て|いえをでて)/.test(norm) && /(今|いま|夜)/.test(norm)) {
    fire('emergency', ['abuse', 'child'], '未成年が夜に家を出て、帰れない');
  }
  if (has('unconscious')) fire('emergency', healthCats, `${q(first('unconscious')!.phrase)}（意識・呼吸がない）`);
  const longTime = /((?<![0-9])[1-9][0-9]?|何|数|一|二|三)\s*時間|一晩|ひとばん|朝から|昨日から|きのうから|ゆうべから/.test(norm);
  if (collapsed && (unresp || HEAT.test(norm) || ALONE_CTX.test(norm) || has('bleeding') || ELDER_CTX.test(norm) || longTime)) {
    fire('emergency', healthCats, `${q(collapsed.phrase)}＋${q(unresp?.phrase ?? '状況')}（倒れて反応が乏しい）`);
  }
  if (live.filter((h) => h.cls === 'unresponsiveWeak').length >= 2 || (has('unresponsiveWeak') && (collapsed || HEAT.test(norm)))) {
    fire('emergency', healthCats, `${q(first('unresponsiveWeak')!.phrase)}（呼びかけに反応しない）`);
  }
  const bleedSent = norm.split(/(?<=[。！？!?\n])/).find((s) => BLEED_NOW.test(s) || /(血|ち)が?[^。\n]{0,4}(止まらない|とまらない)/.test(s));
  if (bleedSent && !BLEED_EXCUSE.test(bleedSent) && !has('cut') && (PREGNANT.test(norm) || (PAIN.test(norm) && /(すごく|激|とても|めっちゃ|止まらない|とまらない)/.test(norm)))) {
    fire('emergency', minor ? ['health', 'child'] : ['health'], `${q(bleedSent.trim().slice(0, 20))}（出血${PREGNANT.test(norm) ? '・妊娠中' : '・強い痛み'}）`);
  }

  // ---- welfare check: someone at home, not seen ----------------------------------------------------
  const kinds = new Set(live.filter((h) => h.cls === 'welfareSign').map((h) => h.kind!));
  if (/(見かけ|みかけ|姿を見|顔を見)(ない|ません|なく|て(い)?ない)/.test(norm) && DAYS.test(norm)) kinds.add('姿を見ない');
  if (/(連絡|電話)[^。！？!?\n]{0,6}(取れ|とれ|つながら|繋がら|つか)(ない|ません|なく|ず)/.test(norm) && DAYS.test(norm)) kinds.add('連絡が取れない');
  if (kinds.size >= 2 && !has('lifeSign')) {
    fire('emergency', ['elderly', 'isolation'], `安否確認のサイン${[...kinds].map(q).join('')}`);
  }

  const danger = fired.length === 0 ? dangerNow(norm) : undefined;
  if (danger) fire('emergency', danger.cats.length ? (danger.cats[0] === 'suicide' ? suicideCats : danger.cats) : violenceCats(), `${danger.why}（いま・助けを求める声と危険）`);

  if (fired.length === 0) return null;
  // an ambulance has already taken the person: staff act today, but it is not a 119 moment
  if (HANDLED.test(norm)) {
    for (const f of fired) {
      if (f.urgency !== 'emergency') continue;
      f.urgency = 'high';
      f.reason = f.reason.replace(/emergency$/, 'high（救急・警察が対応済み）');
    }
  }
  const best = fired.find((f) => f.urgency === 'emergency') ?? fired[0];
  const categories = [...new Set(fired.filter((f) => f.urgency === best.urgency).flatMap((f) => f.categories))];
  return { urgency: best.urgency, categories, reason: best.reason };
}

/**
 * What the net saw, as features for the learned model (./model/features.ts): the classes of its
 * hits that held (relayed ones marked), and its context classes (a child, an older person, alone,
 * for days, now, a call for help, a dangerous place…), whether or not a rule fired. The classes
 * are the net's own, in 12 languages, so the model learns how they combine across wordings and
 * languages instead of from the training writers' words alone.
 */
/** The net's signal that its only words of danger were a threat said of work. */
export const NET_WORKPLACE_THREAT = 'workplaceThreat';
const THREATS: Cls[] = ['threat', 'threatForeign', 'killFear'];

export function safetyNetSignals(input: SafetyNetInput, tokenizer: Tokenizer): string[] {
  const { norm, tokens } = input;
  if (!norm) return [];
  const out = new Set<string>();
  let workplaceThreats = 0;
  for (const h of hitsOf(compile(tokenizer), input)) {
    if (dropReason(norm, h)) {
      if (THREATS.includes(h.cls) && WORKPLACE.test(sentenceOf(norm, h.span).text)) workplaceThreats++;
      continue;
    }
    const relay = RELAYABLE.includes(h.cls) && (relayed(norm, h.span) || quoted(norm, h.span));
    out.add(relay ? `${h.cls}~relay` : h.cls);
  }
  // a threat said of work (上司に殺されるｗ) and nothing else held: like the rules' own set-aside
  // tags, the model may then ask for a look but not declare an emergency (./model/features.ts
  // crisisSetAside). Only this reason: the net's other set-asides (laughter, "if", the past) also
  // drop crises wrapped in a joke (薬ぜんぶ飲んでみた笑), which the model reads better (README).
  if (workplaceThreats > 0 && out.size === 0) out.add(NET_WORKPLACE_THREAT);
  const place = placeNow(norm, tokens);
  if (place) out.add(place.high ? 'placeNowHigh' : 'placeNow');
  if (highPlaceNamed(tokens)) out.add('highPlace');
  const contexts: Array<[string, RegExp]> = [
    ['child', CHILD_CTX],
    ['minor', MINOR_CTX],
    ['elder', ELDER_CTX],
    ['partner', PARTNER_CTX],
    ['alone', ALONE_CTX],
    ['heat', HEAT],
    ['days', DAYS],
    ['today', TODAY],
    ['now', NOW],
    ['help', HELP],
    ['hiding', HIDING],
    ['dangerViolence', DANGER_VIOLENCE],
    ['dangerBody', DANGER_BODY],
    ['dangerSelf', DANGER_SELF],
    ['bleedNow', BLEED_NOW],
    ['pregnant', PREGNANT],
    ['handled', HANDLED],
    ['thanks', THANKS],
    ['joke', JOKE_WORDS],
    ['workplace', WORKPLACE],
    ['childAlone', CHILD_ALONE],
    ['carerPresent', CARER_PRESENT],
  ];
  for (const [name, re] of contexts) if (re.test(norm)) out.add(name);
  if (dangerNow(norm)) out.add('dangerNow');
  return [...out].sort();
}
