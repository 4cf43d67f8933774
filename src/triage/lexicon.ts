/**
 * Rule tables for triage. Data only: the engine (./classify.ts) decides how tags combine.
 *
 * Phrases (`ja`) are written in ordinary Japanese and matched by lemma and reading (see
 * ./match.ts), so 「死にたい」 also catches しにたい / 死にたくて / 死にたかった; 「…」 allows a
 * few words in between. Regexes (`re`) run on the NFKC-normalised, lower-cased text.
 *
 * `cats` are added when the cue holds (not negated, not hyperbole, not past and resolved);
 * `urgency` is a floor; `tags` feed the combination rules in the engine; `topic` marks a cue that
 * only names a service or topic ("生活保護の申請ってどこで") and so does not by itself describe a
 * difficulty (such messages can be `low`).
 */

export const CATEGORIES = [
  'elderly',
  'disability',
  'child',
  'poverty',
  'housing',
  'employment',
  'health',
  'isolation',
  'hikikomori',
  'selfneglect',
  'abuse',
  'dv',
  'suicide',
  'debt',
  'foreign',
  'carer',
  '8050',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export type Urgency = 'emergency' | 'high' | 'normal' | 'low';
export type Reporter = 'self' | 'family' | 'neighbour' | 'professional' | 'unknown';

export type Tag =
  // suicide
  | 'ideation' // a wish to die / disappear (first person → emergency; relayed → high)
  | 'ideationWeak' // ending / leaving words (終わりにする, 消えます) that need a second signal
  | 'means' // a plan, means, place or time
  | 'meansWeak' // a hint of place or time that needs a second signal
  | 'act' // overdose or attempt just done
  | 'selfharm'
  | 'bleeding'
  | 'farewell'
  | 'farewellWeak'
  | 'entrust'
  | 'noReply'
  | 'despair'
  | 'relayHint'
  | 'cry' // bare cry for help
  | 'hyperbolic' // death words that are usually hyperbole
  // violence
  | 'violence'
  | 'control'
  | 'stalking'
  | 'dvExplicit'
  | 'partner'
  | 'exPartner'
  | 'parentWord'
  | 'bothParents'
  | 'parentPartner'
  | 'abuseExplicit'
  | 'neglect'
  | 'inProgress'
  | 'afraidHome'
  | 'fearHarm'
  | 'weapon'
  | 'hiding'
  | 'safe'
  | 'towardMe'
  | 'workplace'
  // health / welfare checks
  | 'collapse'
  | 'acuteBody'
  | 'heat'
  | 'notSeen'
  | 'lifeSign'
  | 'days'
  | 'years'
  | 'noFoodToday'
  | 'noFoodDays'
  | 'baby'
  | 'sleepTonight'
  | 'deadline'
  | 'evict'
  | 'debtThreat'
  | 'wander'
  | 'pregnancy'
  | 'minor'
  | 'minorAny'
  | 'kickedOut'
  | 'postnatal'
  | 'crying'
  // groups and households
  | 'old'
  | 'elderAge'
  | 'midAge'
  | 'parentsRef'
  | 'withdrawn'
  | 'dependent'
  | 'frail'
  | 'kids'
  | 'childWord'
  | 'elderWord'
  | 'disabilityWord'
  | 'careWork'
  | 'doubleCare'
  | 'youngCarer'
  | 'refusal'
  | 'decline'
  | 'causeOnly'
  | 'payOnly'
  | 'mental'
  | 'exposureOnly'
  // service
  | 'gap'
  | 'greeting'
  | 'thanks'
  | 'serviceQ'
  | 'foreignLang';

export interface Cue {
  /** Shown to counsellors in reasons. */
  id: string;
  cats?: Category[];
  urgency?: Urgency;
  tags?: Tag[];
  topic?: boolean;
  ja?: string[];
  re?: RegExp[];
}

// ---------------------------------------------------------------------------------------------
// Suicide and self-harm (Japanese)
// ---------------------------------------------------------------------------------------------

export const SUICIDE_CUES: Cue[] = [
  {
    id: '希死念慮',
    cats: ['suicide'],
    tags: ['ideation'],
    ja: [
      '死にたい', '死のう', '死ぬしかない', '死んでしまいたい', '死んだほうがまし', '死んだ方がまし', '死んだほうがいい',
      '死んだ方がいい', '死ねたら', '死ねば楽', '死なせて', '死にたさ', '自殺したい', '自殺しよう', '自殺を考え',
      '自殺する', '自死', '消えたい', '消えてしまいたい', '消えてなくなりたい', 'いなくなりたい', '楽になりたい',
      '生きていたくない', '生きたくない', '生きるのがつらい', '生きるのが辛い', '生きるのがしんどい', '生きてるのがつらい', '生きてるのがしんどい', '生きているのがつらい', '生きているのがしんどい', '生きてるのが辛い', '生きるのに疲れ',
      '生きてる意味がない', '生きている意味がない', '生きる意味がない', '生きる意味なんてない', '生きてる価値がない', '生きている価値がない', '生きてても意味がない', '生きていても意味がない', '生きてる意味がわからない',
      '生まれてこなければ', '終わりにしたい', '終わらせたい', '全部終わりにする', '今日で終わり', '朝が来なければ',
      '朝なんて来なければ', '目が覚めなければ', '目覚めなければ', 'この世から', 'あの世', '人生を終わり',
      '死に場所', '死ぬ方法', '楽に死ねる', '首をつりたい', '首を吊りたい', '飛び降りたい', '飛び込みたい',
      'もう生きていけない', 'いなくなったほうが', 'いなくなった方が', 'いないほうがいい', 'いない方がいい',
      // registers and dialects: 死にたい said other ways
      '死んでしまおう', '死んでやる', '死なしてほしい', '死にてぇ', '生きとうない', '生きてたくない', '生きていたいと思えない', '生きる気力がない',
      'もう目を覚ましたくない', '起きたくない…二度と', '消えてしまおう', '消えようと思', '消えようかな', 'いなくなろう', 'いなくなろうと思',
      '楽になろう', '楽になれる方法', '終わりにしよう', '終わらせよう', '人生終わらせ', '命を絶', '命を断', '自ら命', '生きるのをやめ', '全部やめたい',
    ],
    re: [
      /しにたい|しにたく|死にて[えー]|しにて[えー]|氏にたい|タヒにたい|タヒりたい|4にたい|ﾀﾋ/,
      /希死念慮|自殺願望|自殺念慮/,
      // 「私なんかいないほうがみんな楽」: the writer's absence as a relief to others
      /(いない|いなくなった|消えた|死んだ)(ほう|方)が[^。！？\n]{0,8}(楽|いい|まし|幸せ|助かる)/,
      // 「生きとってもしゃあない」「生きてても仕方ない」, 「目が覚めなかったらいいのに」, 「生まれてきてごめん」
      /生き(て|と)(っ)?(て|と)?(も|っても)[^。！？\n]{0,3}(しゃあない|しゃーない|しょうがない|しょーがない|仕方ない|仕方がない|意味ない|意味がない|いいことない)/,
      /(目が覚め|目覚め|起き)(なかったら|なければ|ないままで?)[^。！？\n]{0,6}(いい|いいのに|楽)/,
      /生まれて(きて)?(ごめん|すみません)/,
    ],
  },
  {
    id: '終わり・離脱のことば',
    cats: [],
    tags: ['ideationWeak'],
    ja: ['終わりにする', '終わりにします', '終わらせる', '終わらせます', 'いなくなります', '消えます', '遠くへ行きます', '遠くに行きます', '全部片付く', '片付いてる', '片付いています', 'もう会えない', 'もう会えません', 'ずっと眠っていたい', '永遠に眠り', '二度と目覚め'],
    re: [/もう消え(る|ます|よう)|もういなくな(る|ります)/, /(明日|あした|朝)(から|は|が)?[^。！？\n]{0,14}(なくていい|来なければ|こなければ|なければいい)/, /(最後|さいご)の(メッセージ|連絡|ライン|line)/],
  },
  {
    id: '計画・手段',
    cats: ['suicide'],
    tags: ['means'],
    ja: [
      '飛び降りる', '飛び降りよう', '飛び込む', '首を吊る', '首をつる', '首吊り', '練炭', '遺書', '樹海',
      'ロープを買', '薬をためて', '薬を貯めて', 'ベランダから下', '屋上にいる', '屋上に来', '線路にいる', '踏切にいる',
      '今なら行ける', 'もういないと思います', 'もういないと思う', 'もうこの世にいない', '最後の晩', '最期',
      'ロープを用意', '練炭を買', '睡眠薬をためて', '睡眠薬を集め', '遺書を書', '遺書書', '飛び降りる場所', '電車に飛び込', '首をくくる', '首くくる',
    ],
    re: [/今夜で(最後|終わり)|今日で最後|これで最後/, /([0-9]{2,}錠|何十錠|数十錠|[0-9]+シート|[0-9]+箱)[^。！？\n]{0,6}(ため|貯め|溜め|集め|用意)/, /(ロープ|縄|ひも|紐)[^。！？\n]{0,10}(用意|買|準備|かけ|結)/, /(このメッセージ|これ|この手紙|このライン)が(読まれる|届く|見られる)(頃|ころ|とき|時)/],
  },
  // places with a drop, water or trains: only with a second signal (despair, a farewell, an ending word)
  {
    id: '高所・線路・水辺',
    cats: [],
    tags: ['meansWeak'],
    re: [
      /(?<![0-9])([5-9]|[1-9][0-9])階/,
      /ベランダ|屋上|橋の上|橋から|線路|踏切|(駅の)?ホーム(の端|に立|にいる|にいます|の先|から)|駅のホーム|崖|海に(来|行|向か|いる)|川に(来|行|向か|いる)|ダム|樹海|快速|特急|電車が来/,
      /(睡眠薬|眠剤|薬|くすり|練炭|ロープ|縄)(を|も)?[^。！？\n]{0,6}(用意|集め|ためて|貯めて|買ってき|手元に|目の前)/,
    ],
  },
  {
    id: '過量服薬・実行',
    cats: ['suicide'],
    tags: ['act'],
    ja: ['薬を全部飲んだ', '薬ぜんぶのんだ', '大量に飲んだ', 'まとめて飲んだ', 'オーバードーズ', '首を吊った', '飛び降りた'],
    re: [
      /(?<![a-z])od(した|しちゃ|って)|(薬|くすり).{0,8}(全部|ぜんぶ|まとめて|大量|いっぱい|たくさん).{0,4}(のんだ|飲んだ|のんじゃ|飲んじゃ|のみました|飲みました|飲んでしまっ|のんでしまっ)/,
      // a quantity of tablets just taken: 睡眠薬2シート, 30錠, ひと箱
      /(薬|くすり|錠|睡眠薬|眠剤|安定剤|市販薬|風邪薬|鎮痛剤)[^。！？\n]{0,10}([0-9０-９]+(シート|箱|瓶|びん)|[2-9][0-9]+錠|(何|数|なん)十錠|ひと箱|一箱|ひとびん|一瓶|あるだけ|一気に|いっきに)[^。！？\n]{0,6}(のんだ|飲んだ|のんじゃ|飲んじゃ|のみました|飲みました|飲んで|のんで)/,
      /(手首|腕|首)[^。！？\n]{0,6}(切った|切りました|きった)[^。！？\n]{0,12}(血|ち)が/,
    ],
  },
  {
    id: '自傷',
    cats: ['suicide'],
    tags: ['selfharm'],
    ja: ['リスカ', 'リストカット', 'アムカ', '自傷', '手首を切', '腕を切', '自分を傷つけ', '自分を切', '切ってしまう'],
    re: [/自分(を|の体を)(殴|叩|傷)/],
  },
  { id: '出血', cats: [], tags: ['bleeding'], re: [/(血|ち)が[^。！？\n]{0,6}(出て|でて|止まら|とまら|流れ|あふれ)/], ja: ['血が止まらない', '出血', '血だらけ', '深く切', '血が出て', '血がでて', '血が出てる', '血がでてる', '血が出てい'] },
  {
    id: '別れのことば',
    cats: [],
    tags: ['farewell'],
    ja: ['今までありがとう', 'いままでありがとう', 'さようなら', 'さよなら', 'お世話になりました', '先に逝く', '最後に伝えたい', '迷惑かけたくなかった', '探さないで', '今まで本当にありがとう', '元気でね', '幸せになってね', 'みんなによろしく', '後のことは頼む', 'あとのことは頼む', '後のことはお願い'],
  },
  // entrusting a pet, a child or one's things to someone (「猫のことだけ、誰かお願いします」): counts only next to
  // a farewell or an ending word, since 「母のことをよろしくお願いします」 is also an ordinary request
  { id: '後を託すことば', cats: [], tags: ['entrust'], re: [/(のこと|の世話)(だけ|は|を)?[、,]?\s*(誰か|だれか|あとは)?[、,]?\s*(お願いします|おねがいします|よろしく|頼む|頼みます|たのむ)/] },
  { id: '謝罪・別れの示唆', cats: [], tags: ['farewellWeak'], ja: ['みんなありがとう', 'みんなごめん', 'ありがとうね', 'ばいばい', 'バイバイ', 'ごめんね', 'ごめんなさい', 'もう疲れる', '疲れちゃう', '疲れ果てる', 'もう疲れた', 'もうつかれた', '疲れました', 'つかれた', 'もういいや', '全部どうでもいい', 'もうどうでもいい', 'ぜんぶいや', '全部いや', '生きる意味', 'もう終わり'] },
  {
    id: '連絡がとれない',
    cats: [],
    tags: ['noReply'],
    ja: ['既読にならない', '既読がつかない', '連絡がつかない', '連絡がとれない', '連絡が取れない', '電話に出ない', '電話も出ない', '返事がない', '応答がない', '押しても出てこない'],
    re: [/(電話|連絡)(して|しても|をかけても|かけても)[^。！？\n]{0,6}(出(ない|ません|なく|てくれな)|つながらな|繋がらな)/, /(電話|携帯|スマホ)(に|にも|も)[^。！？\n]{0,2}出(ない|ません|なく)|(既読|返信|返事)(が|も)?(つかない|つきません|来ない|ない)/],
  },
  {
    id: '第三者の示唆',
    cats: ['suicide'],
    tags: ['relayHint'],
    ja: ['俺の保険金', '私の保険金', '保険金でローン', '保険金で払', '身辺整理', '形見', '大事な物を人にあげ', '遺書のような', '置き手紙'],
    // death and life insurance together: 「俺が死んだら保険で片付く」「生命保険って自殺でも下りる?」
    re: [/(死んだら|死ねば|死んでも|自殺でも|自殺して|死亡)[^。！？\n]{0,12}保険|保険[^。！？\n]{0,12}(自殺|死んだら|死ねば)/],
  },
  { id: '助けを求める声', cats: ['other'], tags: ['cry'], ja: ['もう無理', 'もうむり', 'たすけて', '助けて', 'もう限界', 'どうしたらいいかわからない', 'もうどうにもならない', 'もうどうにもならん', 'どうにもならない', 'もうだめ', 'もうダメ', 'もうあかん', 'もう無理や', 'しんどすぎる', 'つらすぎる'] },
  { id: '死の誇張表現', cats: [], tags: ['hyperbolic'], ja: ['死にそう', '死ぬかと思った', '死ぬほど', '死ぬ'] },
];

// ---------------------------------------------------------------------------------------------
// Violence: DV and abuse
// ---------------------------------------------------------------------------------------------

export const VIOLENCE_CUES: Cue[] = [
  {
    id: '暴力',
    tags: ['violence'],
    ja: [
      '殴る', 'なぐる', '叩く', 'たたく', '蹴る', '暴力', '暴れる', '暴言', '怒鳴る', 'どなる', '突き飛ばす',
      '蹴られた', 'けられた', 'けられる', 'ぶたれた', '殴られた', 'なぐられた', '叩かれた',
      '首を絞める', '首をしめる', '物を投げる', 'ものを投げる', '手をあげる', '手を上げる', 'ぶたれる', 'ぶってくる', 'ぶたれ', 'あざ',
      'アザ', '痣', '怪我をさせ', 'つねる', '髪を引っ張る', '押し倒す', '脅す', '包丁を向け',
    ],
    re: [/たた[かきくけこい]|なぐ[らりるれろっ]|殴[らりるれろっ]|叩[かきくけこい]|蹴[らりるれろっ]|怒鳴りつけ|怒鳴り散ら/],
  },
  {
    id: '支配・束縛',
    tags: ['control'],
    ja: [
      'お金を取られ', 'お金をとられ', '給料を取られ', '給料を取り上げ', 'お金を渡してくれない', '生活費を渡さない',
      '生活費をくれない', 'スマホを勝手に見', 'スマホを見られ', '携帯を見られ', '携帯をチェック', '束縛', '監視',
      '行動を制限', '外出させてもらえない', '友達と会わせてもらえない', '無視され続け', '人格を否定',
    ],
  },
  {
    id: '支配・束縛（言い換え）',
    tags: ['control'],
    re: [/(スマホ|携帯|LINE|ライン|メール)(を|も)?[^。！？\n]{0,6}(チェックされ|見られ|監視され|勝手に見)|(会わせて|外出させて|出かけさせて|働かせて)(もらえ|くれ)(ない|ません)|(お金|給料|生活費|通帳|カード)(を|も)?[^。！？\n]{0,6}(取り上げ|渡してくれ|管理され|握られ)/],
  },
  { id: 'つきまとい', tags: ['stalking'], ja: ['つきまとい', 'つきまとわれ', '付きまとい', 'ストーカー', '待ち伏せ', '家の前に来', '家の前にいる', '別れてくれない', 'ブロックしても', '別アカ', '家の近くで待', 'LINEが止まらない', '連絡が止まらない', '着信が…件', '位置情報'] },
  { id: 'DV', cats: ['dv'], tags: ['dvExplicit'], ja: ['DV', 'ドメスティック・バイオレンス', 'ドメスティックバイオレンス', 'モラハラ', '配偶者暴力', 'デートDV', '保護命令', 'シェルター'], re: [/(?<![a-z])dv(?![a-z])/] },
  {
    id: '配偶者・交際相手',
    tags: ['partner'],
    ja: ['夫', '妻', '旦那', 'だんな', '主人', '彼氏', '彼女', '元彼', '元カレ', '元夫', '元妻', '元旦那', '恋人', '婚約者', 'パートナー', '夫婦', '交際相手', '内縁', 'おっと', '嫁', '配偶者'],
  },
  { id: '元交際相手', tags: ['exPartner'], ja: ['元彼', '元カレ', '元夫', '元妻', '元旦那', '元カノ', '別れた'] },
  { id: '親', tags: ['parentWord'], ja: ['父', '母', '親', 'パパ', 'ママ', 'お父さん', 'お母さん', 'おとうさん', 'おかあさん', '継父', '義父', '母親', '父親', '母の彼氏'] },
  { id: '両親間', tags: ['bothParents'], re: [/(パパ|父|おとうさん|お父さん)([(（][0-9]+[)）])?(が|は|、)?[^と。\n]{0,8}(ママ|母|おかあさん|お母さん)(を|に|のこと)/, /(ママ|母|おかあさん|お母さん)(が|は|、)[^と。\n]{0,6}(パパ|父|おとうさん|お父さん)(に|から)/] },
  { id: '親の交際相手', tags: ['parentWord', 'parentPartner'], re: [/(ママ|まま|母|お母さん|おかあさん|母親)の(新しい)?(彼氏|かれし|カレシ|恋人|再婚相手|内縁の夫|交際相手)|継父|ままちち|継母|ままはは/] },
  { id: '職場', tags: ['workplace'], ja: ['上司', '職場', '先輩', '同僚', '社長', '店長', 'バイト先', '会社', '取引先', '客'] },
  { id: '虐待', cats: ['abuse'], tags: ['abuseExplicit'], ja: ['虐待', 'ネグレクト', '育児放棄', '経済的虐待', '性的虐待', '心理的虐待', '身体的虐待'] },
  // a carer telling a child or dependant they should not exist: psychological abuse
  {
    id: '存在の否定（心理的虐待）',
    cats: ['abuse'],
    tags: ['abuseExplicit'],
    re: [/(お前|おまえ|あんた|あなた|てめえ)(なんか|なんて|みたいな)[^。」』]{0,14}(産ま|生ま|うま|いなければ|いなきゃ|いらない|おらん|いなかったら|死ね|しね|消え)/, /(産ま|生ま|うま)なきゃ(よかった|良かった)|産まなければよかった|生まなければよかった/],
  },
  {
    id: 'ネグレクトの兆候',
    cats: ['abuse'],
    tags: ['neglect'],
    ja: [
      'お腹すかせて', 'お腹をすかせて', 'おなかをすかせ', 'おなかすかせ', 'ご飯をもらえない', 'ごはんをもらえない', '食べさせてもらえない',
      '食事を与えない', '食事を与えられ', '子どもだけで', '子供だけで', 'こどもだけで', '子どもたちだけで', '親の姿を見', '親がいない間',
      '夜遅くまで外に', '夜遅くまで外', '真冬なのに半袖', '何日も同じ服', '風呂に入れてもらえない', 'お風呂に入れてもらえない', '置き去り', '放置',
      '作ってもらえない', 'いつも同じ服', 'どんどん痩せ', 'ガリガリ', '押し入れに閉じ込め', '閉じ込められ',
      '年金を勝手に', '年金を使い込', '通帳を取り上げ', '年金を管理', 'お金を使い込', '家に入れてもらえない', '締め出され', '閉め出され', 'ベランダに出され', '食事を抜かれ',
    ],
  },
  { id: 'ネグレクトの兆候（夜に子どもだけ）', cats: ['abuse'], tags: ['neglect'], re: [/(年金|通帳|貯金|預金|お金|給料|障害年金|手当)(を|が|から)?[^。！？\n]{0,8}勝手に[^。！？\n]{0,6}(使|引き出|下ろ|持ち出)|勝手に[^。！？\n]{0,6}(年金|通帳|貯金|預金)/, /(親|母親|父親|ママ|パパ|お母さん|お父さん)(は|が|も)?[^。！？\n]{0,8}(帰って(きて|こ|来)(い)?ない|かえって(きて|こ)(い)?ない)/, /(夜|ずっと|何日も|きのうから|昨日から|朝から)[^。！？\n]{0,8}(家|うち|おうち)に(は)?(誰も|だれも|おとなが|大人が)いない/, /(夜|深夜|夜中)[^。！？\n]{0,14}(一人|ひとり|子どもだけ|こどもだけ)で[^。！？\n]{0,8}(座|いる|歩|外|廊下|公園|待)/, /(ご飯|ごはん|食事|ご飯も)[^。！？\n]{0,10}(作ってもらえない|もらえない|くれない|抜かれ)/] },
  { id: '進行中の暴力の音', tags: ['inProgress'], ja: ['叫んで', '叫び声', '泣き叫', '悲鳴', '怒鳴り声', '物がぶつかる', '物が壊れる'], re: [/[「『"](やめて|いたい|痛い|たすけて|助けて|ごめんなさい)[」』"]と?.{0,3}(叫|泣|言)|(やめて|いたい|痛い|たすけて|助けて|ごめんなさい)と(叫|泣)/] },
  { id: '帰宅への恐怖', tags: ['afraidHome'], ja: ['家に帰るのがこわい', '家に帰るのが怖い', '家にかえるのがこわい', '帰るのがこわい', '帰るのが怖い', '家にいるのがこわい', '家にいるのが怖い', 'こわくて帰れない', '怖くて帰れない', 'こわくてかえれない', '帰ったら殴られる', '帰ったらまた', '帰ったら怒られる'] },
  {
    id: '加害への恐れ',
    tags: ['fearHarm'],
    ja: ['手をあげてしまいそう', '手を上げてしまいそう', '手が出そう', '手がでそう', '叩いてしまいそう', 'たたいてしまいそう', '殴ってしまいそう', '手をあげてしまう', '叩いてしまう', 'ひどいことをしてしまいそう', '傷つけてしまいそう', '怪我をさせてしまいそう', 'けがをさせてしまいそう'],
    re: [/(叩|たた|殴|なぐ|押さえつけ|怪我をさせ|けがをさせ)[^。！？\n]{0,6}(そうで(怖|こわ)|そうになる|そうになります)/],
  },
  // weapons and strangulation: the most lethal forms of violence
  { id: '凶器・首絞め', tags: ['weapon'], ja: ['包丁', '刃物', 'ナイフ', 'バット', '首を絞め', '首をしめ', '首しめ'] },
  { id: '隠れている', tags: ['hiding'], ja: ['隠れてる', '隠れている', 'かくれてる', '逃げられない', '閉じ込められ', '声出せない', '声が出せない'] },
  { id: '安全確保・別居', tags: ['safe'], ja: ['別居', '離婚の手続き', '離婚の調停', '安全な場所', '保護されて', '逃げて…暮らして', '住所を知られない', '引っ越して…離れ', 'シェルターを出', '離婚が成立', '離婚しました', '今は…二人で暮らし', '今は…離れて暮らし'] },
  { id: '自分に向かう行為', tags: ['towardMe'], re: [/(たたい|叩い|殴っ|なぐっ|蹴っ|怒鳴っ|どなっ)て(くる|きます|きて|くるん)|(私|わたし|あたし|僕|ぼく|俺|自分)(を|に).{0,8}(たた|叩|殴|なぐ|蹴|怒鳴)|(たたか|叩か|殴ら|なぐら|蹴ら|けら|ぶた|怒鳴ら|どなら)れ/] },
];

// ---------------------------------------------------------------------------------------------
// Acute situations and time pressure
// ---------------------------------------------------------------------------------------------

export const ACUTE_CUES: Cue[] = [
  { id: '倒れている', tags: ['collapse'], ja: ['倒れている', '倒れてる', '倒れていて', '倒れてて', '倒れたまま', '倒れました', '倒れた', '意識がない', '意識がありません', '息をしていない', 'けいれん', '救急車'] },
  // someone found unresponsive: calling, shaking or touching them brings no reaction
  {
    id: '反応がない・ぐったり',
    tags: ['collapse'],
    ja: ['ぐったりして', 'ぐったりしている', 'ぐったりしてる', '意識がもうろう', '意識が朦朧', '泡を吹', '息が荒い', '顔色が真っ青'],
    re: [/(声(を)?かけても|こえかけても|呼んでも|呼びかけても|揺すっても|ゆすっても|肩をたたいても|たたいても)[^。！？\n]{0,6}(反応|動かな|起きな|目を開けな|うごかな)/, /(横になった|倒れた|寝転んだ|うずくまった|座り込んだ)まま[^。！？\n]{0,8}(動かな|うごかな|起きな|反応)/],
  },
  { id: '熱中症', cats: ['health'], tags: ['heat'], ja: ['熱中症', '脱水'] },
  { id: '呼びかけに反応なし', tags: ['acuteBody'], ja: ['呼んでも返事', '呼んでも反応', '意識がない', '息はして', '息をして', '反応がない', '動かない'] },
  { id: '姿を見ない', tags: ['notSeen'], ja: ['見ていない', '見てない', '見かけない', '見かけていない', '姿を見ない', '姿を見ていない', '姿を見てない', '会えていない', '顔を見ていない'] },
  { id: '異変のサイン', tags: ['lifeSign'], ja: ['新聞', '郵便物', 'ポストからあふれ', 'ポストがいっぱい', '電気がつかない', '電気がつきません', '電気ついてない', 'インターホン', '変なにおい', '異臭', '洗濯物がそのまま', '雨戸が閉まったまま', 'チャイムを押しても'] },
  { id: '数日間', tags: ['days'], re: [/([2-9２-９二三四五六七八九]|数|何|十|1[0-9])日|一週間|1週間|２週間|2週間|数週間|何週間|しばらく/] },
  { id: '数年間', tags: ['years'], re: [/(\d+|何|数|十|二十)年|長年|半年|\d+か月|\d+ヶ月|\d+カ月/] },
  {
    id: '今日の食べ物がない',
    cats: ['poverty'],
    tags: ['noFoodToday'],
    ja: ['今日食べるもの', 'きょう食べるもの', '食べるものがない', '食べるものがありません', '食べ物がない', '食べ物がありません', 'ご飯が食べられない', '米がない'],
    re: [/財布に\d+円|所持金\d+円|残り\d+円/],
  },
  // a baby's milk watered down or running out: the baby is underfed now
  { id: 'ミルクを薄めている', cats: ['poverty', 'child'], tags: ['noFoodDays', 'baby'], re: [/ミルク[^。！？\n]{0,12}(薄め|うすめ|回数を減ら|量を減ら)/] },
  { id: 'ミルク・おむつが買えない', cats: ['poverty', 'child'], tags: ['noFoodToday', 'baby'], re: [/(ミルク|おむつ|粉ミルク)[^。！？\n]{0,6}(買えな|が(ない|足りな)|代が(ない|足りな))/] },
  { id: '何日も食べていない', cats: ['poverty'], tags: ['noFoodDays'], re: [/(\d+|[二三四五六七八九数何]|なん)日.{0,6}(何も|なにも|なんにも|ほとんど)?(食べて|たべて)(い)?(ない|ません|なく)/] },
  { id: '乳幼児', tags: ['baby'], ja: ['赤ちゃん', 'あかちゃん', '乳児', 'ミルク', '0歳', '1歳', '2歳', 'おむつ代', '赤ん坊'] },
  { id: '今夜の寝場所がない', cats: ['housing'], tags: ['sleepTonight'], ja: ['寝るとこがない', '寝るところがない', '寝る場所がない', '泊まるところがない', 'とまるところがない', '泊まる場所がない', '泊まれるところがない', 'ネカフェ代もない', 'ネカフェ代がない', '野宿', '路上で寝', '行くところがない', '行く場所がない', '帰る場所がない'] },
  { id: '期限が迫る', tags: ['deadline'], re: [/[月火水木金土日]曜(日)?(まで|中|に)/, /(今日|きょう|明日|あした|明後日|あさって|今週|今週末|週末|来週|数日|今夜|今晩|[0-9一二三]日後|[0-9一二三]日以内)(まで|中|で|に|から)?/, /\b(today|tomorrow|tonight|this week|next week|in (a few|two|three|[0-9]) days)\b/] },
  { id: '退去・追い出し', cats: ['housing'], tags: ['evict'], re: [/出て(け|いけ|行け)(?![るれば])|出てって(言|いわ|と)/, /(部屋|家|アパート|寮|社宅)を出て(くれ|いけ|ください|ほしい)|退去(を求め|しろ|して(くれ|ほしい))/], ja: ['立ち退き', '家賃を滞納', '家賃の滞納', '退去してください', '明け渡し', '退去', '追い出され', '出ないといけない', '出なければならない', '出なければいけない', '退院先', '住所不定', '行き先が決まっていない', '次の行き先'] },
  { id: '取り立ての期限', tags: ['debtThreat'], re: [/(今日|きょう|明日)(中|まで)に.{0,6}(返|払)|職場に(行く|来る|電話)|家に(来る|押しかけ)/] },
  { id: '夜間の徘徊・一人にできない', cats: ['elderly'], tags: ['wander'], re: [/(夜中|深夜|夜間|真夜中|明け方|[0-4]時(ごろ|頃|過ぎ)?)[^。！？\n]{0,24}(出ていこう|出て行こう|出ていく|出て行く|外に出よう|出かけよう|裸足|パジャマ|寝間着|歩き回|さまよ)/, /警察に保護され/], ja: ['徘徊', '夜中に…外に出る', '夜中に…出て行く', '夜中に…出ていく', '夜中に…出かける', '夜中に…外へ出る', '一人にできない', '一人にしておけない', 'ひとりにできない'] },
  { id: '妊娠', tags: ['pregnancy'], ja: ['妊娠', '生理がこない', '生理が来ない', '生理が…きてない', '生理が…来てない'] },
  {
    id: '未成年の本人',
    tags: ['minor', 'minorAny'],
    re: [/(^|[。\n\s])(小|中|高)[1-6一二三](です|だ|、|。|\n|$)|(^|[^大])(小学生|中学生|高校生)(です|だよ|なんだ)|(^|[。\n\s])(1[0-7]|[6-9])歳(です|。|、)/],
  },
  { id: '未成年', tags: ['minorAny'], re: [/(小|中|高)[1-6一二三](の|で|に)|(小学|中学|高校)[1-6一二三]?年?生|(?<![0-9])(1[0-7]|[0-9])(歳|才)/] },
  { id: '家を追い出された・帰りたくない', tags: ['kickedOut'], ja: ['家を追い出され', '家追い出され', '家から追い出され', '家出', '帰る家がない', '家に帰りたくない', '帰りたくない'] },
  { id: '産後', tags: ['postnatal'], ja: ['産後', '生まれたばかり', '出産したばかり', '赤ちゃんが生まれ'] },
  { id: '泣いている', tags: ['crying'], ja: ['泣いてて', '泣いている', '泣いてる', '涙'] },
];

// ---------------------------------------------------------------------------------------------
// Needs by category
// ---------------------------------------------------------------------------------------------

export const CATEGORY_CUES: Cue[] = [
  // elderly
  {
    id: '認知症・物忘れ',
    cats: ['elderly'],
    ja: ['認知症', '物忘れ', 'もの忘れ', 'ものわすれ', '物盗られ', '財布を盗られた', '財布をとられた', '同じ話を何度', '同じ話を何回', '同じことを何度', '同じことを何回', 'ゴミの日を間違', 'ごみの日を間違', '話がかみ合わない', '話が噛み合わない', 'ぼけて', 'ボケて', 'まだらぼけ'],
  },
  {
    id: '介護・高齢者支援',
    cats: ['elderly'],
    ja: ['要介護', '要支援', '介護認定', '寝たきり', '老人ホーム', '特養', 'デイサービス', '訪問介護', '地域包括', '包括支援センター', '高齢者の見守り'],
  },
  { id: '介護保険', cats: ['elderly'], topic: true, ja: ['介護保険', '介護サービス'] },
 { id: '老いによる衰え', cats: ['elderly'], tags: ['frail'], re: [/(心臓|腰|膝|ひざ|足|目|耳|体|からだ)(を|が)悪く|(足|足腰|体|からだ)(が|も)[^。！？\n]{0,6}(弱|衰え)/], ja: ['物忘れがひどく', '介護の担い手', '入院中の', '膝が悪', '足が悪', '足腰が弱', '杖をつい', '歩くのが不自由', '転んで骨折', '転倒', '買い物に行けません', '買い物に行けない', '体が弱って', '足が弱', '目が悪く'] },
  { id: '高齢', tags: ['old', 'elderWord'], ja: ['高齢', 'お年寄り', 'おばあちゃん', 'おばあさん', 'おじいちゃん', 'おじいさん', '祖母', '祖父', '老夫婦', '老人', '年寄り', '義母', '義父'], re: [/(?<![0-9])(7[0-9]|8[0-9]|9[0-9]|10[0-9])(歳|才|代|過ぎ)|(?<![0-9])(7|8|9)0過ぎ|[(（](7[5-9]|8[0-9]|9[0-9])[)）]/] },
  { id: '高齢の親', tags: ['elderAge'], re: [/(?<![0-9])(7[5-9]|8[0-9]|9[0-9])(歳|才|代|過ぎ|超え|を超え|と|[)）])|(父|母|親)(は|が)(7[5-9]|8[0-9]|9[0-9])(?![0-9])|私(は|も)(7[5-9]|8[0-9]|9[0-9])(?![0-9])|(?<![0-9])(8|9)0過ぎ|もう(7[5-9]|8[0-9]|9[0-9])/, /(八十|九十)代/] },
  { id: '中高年の子', tags: ['midAge'], re: [/(?<![0-9])([4-6][0-9])(歳|才|代|[)）]|、|になる)|(息子|娘|兄|姉|弟|妹)(さん)?(は|が)([4-6][0-9])(?![0-9])|(息子|娘|兄|姉|弟|妹)(さん)?[(（]([4-6][0-9])[)）]|(四十|五十|六十)代/] },
  { id: '親・両親', tags: ['parentsRef'], ja: ['両親', '親の年金', '親が', 'ご両親', '老いた親', '母親です', '父親です', '年金で二人暮らし', '私が死んだあと', '私が死んだ後', '親亡き後', '親なきあと'], re: [/[78９9]0(歳|代)の(母|父|お母さん|お父さん|ご夫婦|親)/] },
  { id: '社会からの撤退', cats: ['hikikomori'], tags: ['withdrawn'], ja: ['ひきこもり', '引きこもり', 'ひきこもる', '引きこもる', '引き籠', '部屋から出てこない', '部屋から出てきません', '部屋から出ない', '家から出ない', '家から出ず', '外に出ない', '外出てない', '外に出てない', '外出していない', 'ほとんど外出', '部屋にこもっ', 'ずっと家にいる', 'ずっと家にいて', '何年も見かけ', 'お顔を拝見したのは数える', 'ニート',
    '家から出ていない', '家から出ていません', '家から出ません', '家を出ない', '家にこもっ', '自室から出', '自室にこも', '部屋にこも', 'ほぼ外出', '外出してない', '外出していません', '食事も部屋で', '部屋で食べ'] },
  { id: '無職・経済的依存', tags: ['dependent'], ja: ['就労しておらず', '就労していない', '働いておらず', '年金で生活', '年金で暮らし', '無職', '働いていない', '仕事をされていない', 'お仕事をされていない', '仕事をしていない', '親の年金で暮らし', '私の年金で', '親の年金で'] },
  // disability
  {
    id: '障害',
    cats: ['disability'],
    tags: ['disabilityWord'],
    ja: [
      '知的障害', '発達障害', '身体障害', '精神障害', '高次脳機能障害', '障害者', '障害がある', '障害のある', '障がい', '障碍', '障害児',
      '自閉症', '自閉スペクトラム', 'ADHD', 'ASD', 'ダウン症', '車いす', '車椅子', '視覚障害', '聴覚障害', '目が見えない', '耳が聞こえない',
      '特別支援学校', '特別支援学級', '心身障害', '重度障害', '重複障害', '肢体不自由', '中途失聴', '難聴', '失聴', '手話', 'ろう者', '全盲', '弱視', '療育', '作業所', '就労継続', '就労移行', 'グループホーム', '重度の知的', '知的に遅れ', '学習障害',
    ],
  },
  { id: '障害者手帳・障害年金', cats: ['disability'], topic: true, ja: ['精神障害者保健福祉手帳', '障害者手帳', '療育手帳', '精神保健福祉手帳', '障害年金', '障害福祉サービス'] },
  // child
  {
    id: '子どもの課題',
    cats: ['child'],
    ja: [
      '不登校', '学校に行けていない', '学校に行けない', '学校に行かない', '学校にいかない', '学校に行きたくない', 'がっこうに いきたくない', '学校行ってない', '学校に行ってない', '行き渋', '登校しぶり', '登校拒否', 'いじめ', 'イジメ',
      '非行', '反抗期', '夜泣き', 'イヤイヤ期', '育児', '子育て', 'どう接していいか', 'どう接したらいいか', '保育園', '幼稚園', '延長保育', '学童',
      '発達が遅', '言葉が遅', '子どもの発達',
    ],
  },
  { id: '子ども食堂', cats: ['child'], topic: true, ja: ['子ども食堂', 'こども食堂', '子供食堂'] },
  { id: '子ども', tags: ['childWord', 'kids'], ja: ['子ども', '子供', 'こども', '息子', '娘', '小学生', '中学生', '高校生', '男の子', '女の子', '児童', '生徒', '赤ちゃん', '幼児', '小さい子', 'うちの子', '下の子', '上の子', '子', 'キッズ'] },
  // poverty
  {
    id: '生活困窮',
    cats: ['poverty'],
    ja: [
      'お金がない', 'お金ない', '金がない', 'おかねがない', 'お金もない', 'お金もなく', 'お金がなく', '生活が苦しい', '生活が厳しい', '生活できない', '生活が成り立たない', '生活費が足りない', '生活費がない', '食べ物に困',
      '食べ物にも困', '食費がない', '食費が足りない', '家計が苦しい', '電気が止', 'ガスが止', '水道が止', '給食費', '修学旅行の積立', '積立金も払えない', '学費', '進学費用',
      '教材費', '貯金がほとんど', '底をつき', '年金が少な', '年金だけでは', '困窮', '給料日まで',
    ],
  },
  // paying fails, savings gone, bills up: poverty unless a debt, rent arrears or economic abuse explains it
  {
    id: '支払いの困難',
    cats: ['poverty'],
    tags: ['payOnly'],
    ja: ['払えない', '払えません', '払えていません', '払えてない', '貯金がない', '貯金も', '払うお金がない'],
    re: [/(電気代|ガス代|水道代|光熱費|電気料金|ガス料金)[^。！？\n]{0,10}(払え|払わ|滞|上が|値上|高く|高い|足りな|止ま|ため|困|きつ)/],
  },
  { id: '食事を削る・手元に残らない', cats: ['poverty'], re: [/(1日|一日)(1|一)食|ほとんど残らない|何も残らない|食費を(削|切り詰)|食事を(抜い|減らし)て/] },
  { id: '生活保護・食料支援', cats: ['poverty'], topic: true, ja: ['生活保護', 'フードバンク', '就学援助', '生活福祉資金', '緊急小口', '住居確保給付金', '児童扶養手当'] },
  // housing
  {
    id: '住まいの問題',
    cats: ['housing'],
    ja: [
      '立ち退き', '住む所', '住むところ', '住む場所', '住まい', '家を失', 'ホームレス', '路上生活', 'ネットカフェ', 'ネカフェ', '部屋探し', '部屋が借りられない', '引っ越し先',
      '貸してくれません', '貸してくれない', '住むところがない', '寮を出される', '社宅を出', '貸してもらえない', '保証人がいない', '保証人もいない', '保証人が見つからない', '建て替え', '契約を更新できない', '寮を出', '寮を追い出', '住宅',
    ],
  },
  // rent is a housing need only when it cannot be paid or is in arrears (not 「家賃が3万円」)
  { id: '住まいが見つからない・失う', cats: ['housing'], re: [/(物件|部屋|アパート|住む所|住むところ|住まい|引っ越し先)[^。！？\n]{0,12}(見つから|見つけられ|借りられ|貸してもらえ)/, /取り壊し|契約が解除|(駅|地下通路|公園|路上|車)[^。！？\n]{0,6}(寝泊まり|で寝て|暮らして)/] },
  { id: '家賃の問題', cats: ['housing'], re: [/家賃[^。！？\n]{0,10}(滞|払えな|払えて(い)?な|払えていま|払えてま|払えず|払えません|ため|溜め|未払い|払わないと|遅れ|上が|高くて|高すぎ|待って)/] },
  // employment
  {
    id: '仕事の問題',
    cats: ['employment'],
    ja: [
      '失業', '解雇', 'クビになる', 'クビになりそう', 'くびになりそう', 'クビにな', 'リストラ', '雇い止め', '派遣切り', '給料が払われない', '給料が払われていない', '給料を払ってもらえない', '給料が出ない', '給料をもらえない', '賃金未払い', '未払い', '残業代', 'サービス残業',
      'パワハラ', 'セクハラ', '仕事が見つからない', '仕事を探', '仕事がない', '仕事がなくな', '職を失', '仕事を失', '働き口', '会社から逃げ', 'パスポートを取られ', 'パスポートをとられ', 'パスポートを会社に', '職場で', '職場に居づら', '仕事を続けられない', '仕事も続かない', '仕事も続きません', '仕事が続かない',
      '辞めさせてくれない', '辞めさせてもらえない', '辞めさせてくれへん', '退職届', '退職させてもらえない', '仕事がつらい', '仕事が辛い', '仕事がきつい', '就職活動', '就活', '給料をまだもらって', '給料を払ってくれない', '給料が遅れ',
      '早退が続', 'シフト', '休みをもらえない', '労働基準', '労基', '就職先', '内定取り消し', '求職', '仕事を辞めざる',
    ],
  },
  { id: '職場での嫌がらせ・求職', cats: ['employment'], re: [/(パート先|バイト先|職場|会社|上司|店長|先輩|同僚)[^。！？\n]{0,14}(無視され|いじめ|嫌がらせ|辞めろ|悪口|怒鳴られ)/, /(仕事|アルバイト|バイト|パート|職|働き口|就職先)(が|も)[^。！？\n]{0,4}見つから/] },
  { id: '賃金の未払い', cats: ['employment'], re: [/(給料|給与|賃金|バイト代|残業代|工賃)[^。！？\n]{0,12}(もらってない|もらっていない|もらえてない|もらえていない|払われてない|払われていない|出てない|出ていない|支払われてい?ない|振り込まれてい?ない)/] },
  { id: '医療を受けさせてもらえない', cats: ['health'], re: [/(病院|医者|びょういん|いしゃ)(に|へ)?[^。！？\n]{0,3}(行か|いか)せて(くれ|もらえ)/, /(けが|怪我|ケガ)(を)?して(も)?/] },
  { id: '就労支援', cats: ['employment'], topic: true, ja: ['就労支援', 'ハローワーク', '職業訓練'] },
  // health
  {
    id: '心身の不調',
    cats: ['health'],
    ja: [
      '眠れません', '眠れない', '不眠', '心療内科', '精神科', '統合失調症', '双極性', 'うつ病', '鬱病', '産後うつ', 'パニック障害', '適応障害', '摂食障害', 'アルコール依存', '依存症', 'お酒を飲んで', '毎日お酒',
      'お酒ばかり', '酒ばかり', '薬物', 'フラッシュバック', 'PTSD', '体調が悪', '具合が悪', '病院に行きたい', '病院に行けない', '病気で', '持病', '治療費', '医療費', '薬を飲まなくな', '独り言が増え', '幻聴',
      'デイケア', '入院治療', '副作用', '保険証がな', '歯が痛', '病院に行けて', 'かわいいと思えない', '涙が止まらない', '自殺未遂', '動悸', '過呼吸', '胸が苦し', '胸がぎゅっと', '吐き気', '愛せない', '愛情が持てない', '愛情がわかない', 'かわいいと思えない', '可愛いと思えない',
    ],
  },
  // isolation
  {
    id: '孤立・孤独',
    cats: ['isolation'],
    ja: [
      '孤独', '孤立', 'さみしい', '寂しい', 'さびしい', '話し相手がいない', '誰とも話さない', '誰とも喋らない', '誰ともしゃべらない', '誰とも話していない', '知り合いがいない', '知り合いがひとりもいない',
      '知り合いが一人もいない', '友達がいない', '友だちがいない', '頼れる人がいない', '一人で年をとって', '雨戸を閉めたまま', 'すっかり元気がなく', '近所付き合いがない', '誰にも話せていない', '誰にも話せない', '話す相手がいない', '話す人がいない', '相談できる人がいない',
    ],
    re: [
      /(話す|話し|相談できる|頼れる)(相手|人)(が|は|も)[^。！？\n]{0,4}(いない|いません|おらん|おりません)/,
      // the only person to talk to is one person or the TV; nobody contacted, nobody spoken to
      /(話し相手|話す相手|話す人)(が|は)?[^。！？\n]{0,8}(しかいな|しかおらな|だけ)|(テレビ|ペット|猫|犬)だけが[^。！？\n]{0,4}(話し相手|友達)/,
      /誰(とも|にも)[^。！？\n]{0,6}(連絡(を)?とって|連絡して|会って|話して|口をき|しゃべって|喋って)(い)?(ない|ません|なく)/,
      /(口をきかな|口もきかな|口をききませ)|(行事|集まり|地域の活動)(にも|に)?[^。！？\n]{0,6}(顔を出さ|出てこな|参加しな)/,
    ],
  },
  {
    id: '孤立・孤独（続き）',
    cats: ['isolation'],
    ja: [
    ],
  },
  // selfneglect
  {
    id: 'ごみ屋敷・セルフネグレクト',
    cats: ['selfneglect'],
    ja: [
      'ごみ屋敷', 'ゴミ屋敷', 'ごみ袋が山', 'ゴミ袋が山', 'ごみが山', 'ゴミが山', 'ゴミがたま', 'ごみがたま', '物でいっぱい', 'ものでいっぱい', '物があふれ', 'ものがあふれ', '片付けられない', '片づけられない', '腐ったもの',
      'お風呂にも入ってない', 'お風呂に入ってない', 'お風呂にも入っていない', '風呂に入らない', '猫が増え', '犬が増え', '多頭飼育', '多頭飼い', '匹以上', '部屋のにおい', 'においがひどい', '虫とにおい', '悪臭',
      '治療を拒否', '受診を拒否', 'セルフネグレクト', '不衛生',
      '床が見えない', 'ゴミで床', 'ゴミだらけ', 'ごみだらけ', '足の踏み場',  '物が積み上が', 'ものが積み上が', 'ごみ袋が…積', 'ゴミ袋が…積', '賞味期限切れ', '通院をやめ', '人を入れてない', '人を入れていない',
    ],
  },
  // stopping treatment, refusing helpers, no cooling or heating: the person's own care is breaking down
  {
    id: '治療・支援・冷暖房を使わない',
    cats: ['selfneglect'],
    re: [
      /(ごみ|ゴミ)(を|も)?[^。！？\n]{0,4}(出さなくな|出せなくな|出していない|出してない|ため込|溜め込)/,
      /(ごみ|ゴミ|物|もの)(で|が)[^。！？\n]{0,6}(埋ま|山積み|天井|あふれ)/,
      /(片付け|片づけ|掃除|入浴|お風呂|食事)(を|も)?[^。！？\n]{0,4}(拒否|拒ん|嫌が)/,
      /(インスリン|透析|治療|通院|受診)(も|を)?[^。！？\n]{0,4}(打って(い)?ない|打たな|受けて(い)?ない|受けな|やめて|拒)/,
      /(ヘルパー|訪問|介護サービス|デイサービス|配食|見守り|支援)[^。！？\n]{0,8}(断|拒否|拒ん|入れるな|いらない|いらん)/,
    ],
  },
  // no heating or cooling: self-neglect, unless the reason is the bill (then it is poverty)
  {
    id: '冷暖房を使わない',
    cats: ['selfneglect'],
    tags: ['exposureOnly'],
    ja: ['暖房もつけず', '暖房をつけず'],
    re: [/(エアコン|冷房|クーラー|暖房|ストーブ)(を|も)?[^。！？\n]{0,16}(使わず|使わない|つけず|つけない|入れない)/],
  },
  { id: '支援の拒否', tags: ['refusal'], ja: ['いらん', 'いらない', '拒否', '断られ', '無視され', '大丈夫としか言わない', '話しかけても'] },
  { id: '生活の変化', tags: ['decline'], ja: ['同じ服', 'お金が足りない', '痩せて'] },
  // signs of dementia or frailty in an older person: the stove left on, confusion, getting lost, unsteady on their feet
  {
    id: '認知機能・体の衰えのサイン',
    tags: ['decline'],
    re: [
      /(火|ガス|鍋|なべ|やかん|コンロ|鍵|かぎ|薬)[^。！？\n]{0,12}(忘れ|わすれ|消し忘れ|かけっぱなし|つけっぱなし)/,
      /混乱(され|して|し始め)|道に迷|迷子に|帰り道がわから|日付がわから|何度も同じ(もの|物)を買/,
      /(足取り|足元|歩き方)(が|も)[^。！？\n]{0,4}(ふらふら|よろよろ|おぼつかな|ふらつ)|ふらついて|よく転ぶ|転びそう/,
    ],
  },
  // debt
  {
    id: '借金',
    cats: ['debt'],
    ja: [
      '借金', '多重債務', '闇金', 'ヤミ金', 'やみきん', '消費者金融', 'サラ金', 'カードローン', 'リボ', 'キャッシング', '返済', '取り立て', '督促', '債務整理', '自己破産', '連帯保証', '保証人になっ',
      '税金の滞納', '税金を滞納', '保険料の滞納', '国保の滞納', '首が回らない', '肩代わり', '借りてしまって', '借りてしまった',
      '差し押さえ', '差押', 'クレカ', 'クレジットカード', 'カード払い', '課金しすぎ', '後払い', 'ローンが払え', 'ローンの返済', '督促状',
    ],
    // arrears of tax, insurance or fees (not rent, which is housing)
    re: [/(税|国保|国民健康保険|保険料|年金|携帯代|スマホ代|奨学金)[^。！？\n]{0,10}(滞納|払えてない|払えていない|未納)/],
  },
  // foreign
  {
    id: '外国籍・言葉の壁',
    cats: ['foreign'],
    ja: [
      '外国人', '外国籍', '留学生', '技能実習', '実習生', 'ビザ', '在留資格', '在留カード', '難民', '日本語がわからない', '日本語が分からない', '日本語がわからなくて', '日本語が話せない', '日本語をほとんど話', '日本語が難しい',
      '日本語が苦手', 'にほんごが むずかしい', 'にほんご すこし', 'がいこくじん', '母国語', '国に帰れない',
    ],
    re: [/(?<!手話)通訳/, /(ベトナム|中国|フィリピン|ブラジル|ネパール|韓国|ペルー|インドネシア|ミャンマー|タイ|スリランカ|バングラデシュ|インド|パキスタン|モンゴル|アメリカ|ボリビア|カンボジア)(人|籍|出身|から(来|き)|から きました)/],
  },
  // carer
  {
    id: '介護負担',
    cats: ['carer'],
    tags: ['careWork'],
    ja: [
      '介護疲れ', '介護に疲れ', '介護でくたくた', '介護でくたくた', '介護で疲れ', '介護で限界', '介護と仕事', '仕事と介護', '仕事と母の介護', '仕事と父の介護', '介護と育児', '育児と介護', '介護と家のこと', '一人で介護',
      'ひとりで介護', 'ずっと介護', '老老介護', '介護離職', 'おむつ替え', 'おむつ交換', 'トイレの介助', '介助', '付き添って', '付き添い', '介護で毎日', 'の介護で', '介護しています', '介護をしています', '介護をして', '世話をして', '面倒を見て',
    ],
  },
  // the writer's own strain from caring: 介護がつらい, 一人でみています, 介護を続けて…体がもたない
  {
    id: '介護負担（言い換え）',
    cats: ['carer'],
    tags: ['careWork'],
    re: [/介護[^。！？\n]{0,12}(疲れ|つかれ|つら|辛|しんど|限界|もたな|もちません|くたくた|続けて|離職|休め)/, /(を|の)(一人|ひとり)で(みて|看て|見て|世話)/, /(体|からだ)が(もたない|もちません|もたへん)/],
  },
  { id: 'ダブルケア', cats: ['carer', 'child', 'elderly'], tags: ['doubleCare'], ja: ['ダブルケア'], re: [/(親|父|母|義母|義父|祖母|祖父)の介護(と|も|に)[^。！？\n]{0,10}(子ども|子供|こども|育児|子育て)|(子ども|子供|こども|育児|子育て)(の世話)?(と|も)[^。！？\n]{0,6}(親|父|母|義母|義父)の介護/] },
  { id: 'ヤングケアラー', cats: ['carer', 'child'], tags: ['youngCarer'], ja: ['ヤングケアラー'] },
  { id: '家族の世話', tags: ['careWork'], re: [/(弟|妹|きょうだい|兄弟|姉妹)[^。！？\n]{0,6}(ごはん|ご飯|お風呂|送り迎え|お迎え|世話|看病|面倒)/], ja: ['弟のごはん', '妹のごはん', '弟の世話', '妹の世話', '家事を全部', '全部わたしがやって', '全部私がやって', '洗濯とか', 'ごはんとか'] },
  // other
  { id: '制度の狭間', cats: ['other'], tags: ['gap'], ja: ['担当じゃない', '担当外', 'たらい回し', 'どこに相談しても', 'どこに行っても', 'どこも対象外', '制度の狭間', 'どこにも当てはまらない'] },
  { id: '出所・犯罪被害', cats: ['other'], ja: ['刑務所', '少年院', '出所', '仮釈放', '犯罪被害', '詐欺にあ', '詐欺に遭', '更生保護施設'] },
];

/** Greetings, thanks and questions about the service: no difficulty described. */
export const SERVICE_CUES: Cue[] = [
  { id: 'あいさつ', cats: ['other'], tags: ['greeting'], ja: ['こんにちは', 'こんばんは', 'おはようございます', 'はじめまして', '初めまして', 'よろしくお願いします'], re: [/^(hello|hi|hey|olá|ola|hola|xin chào|你好|안녕하세요)\b/] },
  { id: 'お礼', cats: ['other'], tags: ['thanks'], ja: ['お礼', 'ありがとうございました', 'ありがとうございます', '楽になりました', '助かりました'] },
  {
    id: 'サービスへの質問',
    cats: ['other'],
    tags: ['serviceQ'],
    ja: ['相談してもいいですか', '相談してもいい', '相談できますか', 'そうだん できますか', '何の相談', 'どんな相談', 'ここって', '連絡してもいいですか', 'チラシ', 'パンフレット', '窓口を…紹介'],
  },
];

/** Messages that ask for information (a question with no difficulty can be `low`). */
export const QUESTION_RE = /(ますか|ですか|でしょうか|ありますか|知りたい|教えて|いいですか|の\?|の？|\?|？|できる\?|んですか|ますでしょうか)/;
/** Anything that describes a difficulty (keeps a question at `normal`). */
export const DIFFICULTY_RE = /(泣|困って|困り|不安|心配|つらい|辛い|しんどい|苦しい|きつい|無理|悩|大変|限界|怖い|こわい|疲れ|眠れ|わからな|分からな|できな|払え|足りな|ひどい|いけない|行けな|いかない|できません|ません(?!か)|ない(?!か|でしょうか|ですか)|なくて|なく、|ず、)/;
/** Conditional or polite-request negatives that are no difficulty. */
export const NOT_DIFFICULTY_RE = /(困ったら|ありませんか|ないですか|ないでしょうか|ないかな|いけませんか|すみません|すいません|申し訳ありません|かまいません|構いません)/g;

// ---------------------------------------------------------------------------------------------
// English rule set (and a few words in other languages)
// ---------------------------------------------------------------------------------------------

export interface ForeignCue {
  id: string;
  cats?: Category[];
  tags?: Tag[];
  re: RegExp;
}

export const FOREIGN_CUES: ForeignCue[] = [
  // crisis
  { id: 'EN: wish to die', cats: ['suicide'], tags: ['ideation'], re: /\b(kill(ing)? myself|want(ed)? to die|wanna die|wish i (was|were) dead|don'?t want to (live|be alive|be here|wake up)|end (my life|it all|everything|it tonight|it now)|(going|want) to end it|take my (own )?life|suicid(e|al)|no reason to live|better off (dead|without me)|can'?t go on|disappear forever|not (be )?(around|here) (anymore|tomorrow)|no point (in )?living|tired of living|never wake up|sleep forever|(want|wanna|wish i could) (to )?disappear)\b/ },
  { id: 'EN: plan or means', cats: ['suicide'], tags: ['means'], re: /\b(pills in front of me|tonight is the night|goodbye forever|won'?t be here tomorrow|(rope|bridge|rooftop|roof) (is|ready)|wrote a (suicide )?note|jump off|(bought|have|got) (a )?rope|standing on the (roof|bridge|platform|edge)|saying goodbye|by the time you read this)\b/ },
  { id: 'EN: overdose', cats: ['suicide'], tags: ['act'], re: /\b(took all (my|the) (pills|meds|medicine)|overdosed?|swallowed (all|a bunch)|took ([0-9]{2,}|a lot of|a bunch of|a whole (box|bottle) of|too many) (pills|tablets|sleeping pills|meds))\b/ },
  // other languages used by residents in Japan: a wish to die, suicide, ending one's life
  {
    id: '多言語: 希死念慮',
    cats: ['suicide'],
    tags: ['ideation'],
    re: /(magpakamatay|mamatay na lang|gusto ko nang mamatay|ayoko nang mabuhay|pagod na akong mabuhay|bunuh diri|ingin mati|mau mati|pengen mati|tidak ingin hidup|tak ingin hidup lagi|आत्महत्या|मर्न मन|मर्न चाहन्छु|बाँच्न मन छैन|죽고 ?싶|자살|살기 ?싫|quero morrer|me matar|suicidarme|me suicidar|quero me suicidar|pensando (en el|em|no) suic[ií]dio|não quero mais viver|nao quero mais viver|tirar (a )?minha (própria )?vida|acabar com tudo|quiero morir|matarme|no quiero vivir|quitarme la vida|acabar con todo|muốn chết|tự tử|tự sát|không muốn sống|muốn biến mất|想死|自杀|自殺|不想活|活不下去|结束(自己的)?生命|轻生)/,
  },
  { id: '多言語: 過量服薬・実行', cats: ['suicide'], tags: ['act'], re: /(uống hết thuốc|uống nhiều thuốc|吃了(很多|一堆|全部|整瓶)的?药|tomei (todos os|muitos) (rem[eé]dios|comprimidos)|tom[eé] (todas las|muchas) pastillas|uminom ako ng maraming gamot|minum banyak obat|약을 (다|많이) 먹었)/ },
  { id: 'EN: self-harm', cats: ['suicide'], tags: ['selfharm'], re: /\b(cut(ting)? myself|self[- ]harm|hurt(ing)? myself)\b/ },
  { id: 'EN: hyperbole', tags: ['hyperbolic'], re: /\b(is killing me|killing me|dying of|i'?m dead|lol|lmao|haha)\b/ },
  { id: 'EN: help', cats: ['other'], tags: ['cry'], re: /^\s*(help( me)?|please help)\s*[.!]*\s*$/ },
  // violence
  { id: 'EN: violence', tags: ['violence'], re: /\b(hits?|hitting|beats?|beating|kicks?|punch(es|ed)?|chok(es|ed|ing)|yells? at|yelling at|screams? at|threaten(s|ed|ing)?|hurts? me|bruises?)\b/ },
  { id: 'EN: control', tags: ['control'], re: /\b(takes? my (salary|money|wages|passport)|controls? (me|my money)|checks? my phone|won'?t let me (go out|leave|see))\b/ },
  { id: 'EN: partner', tags: ['partner'], re: /\b(husband|wife|boyfriend|girlfriend|partner|spouse|ex|married)\b/ },
  { id: 'EN: abuse', cats: ['abuse'], tags: ['abuseExplicit'], re: /\b(abuse[ds]?|neglect(ed)?)\b/ },
  { id: 'EN: neglect signs', cats: ['abuse'], tags: ['neglect'], re: /\b(alone at night|left alone|(always|often) alone|look(s|ed)? hungry|always hungry|no one (is )?(at )?home|parents (are )?(never|not) home)\b/ },
  { id: 'EN: child word', tags: ['childWord'], re: /\b(kids?|child(ren)?|son|daughter|baby|boy|girl)\b/ },
  { id: 'EN: now', tags: ['inProgress'], re: /\b(right now|happening now|is (hitting|beating) me)\b/ },
  // needs
  { id: 'EN: work', cats: ['employment'], re: /\b(job|fired|laid off|unpaid (overtime|wages?|salary)|overtime|labou?r rights|my (boss|employer|company)|work(place)? harassment|wages?)\b/ },
  { id: 'EN: housing', cats: ['housing'], re: /\b(homeless|rent (is )?(due|arrears)|can'?t pay (the|my)? ?rent|place to (stay|live))\b/ },
  { id: 'EN: soon', tags: ['deadline'], re: /\b(today|tomorrow|tonight|this week|next week|in (a few|two|three|[0-9]) days)\b/ },
  { id: '多言語: 退去', cats: ['housing'], tags: ['evict'], re: /(sair do apartamento|sair da casa|tenho que sair|desocupar|desalojar|dejar el apartamento|phải ra khỏi|bị đuổi|让我搬出去|palayasin|pinapaalis|diusir)/ },
  { id: '多言語: 期限', tags: ['deadline'], re: /\b(até|hasta|by|until|before) (a |el |la |o )?(segunda|terça|quarta|quinta|sexta|sábado|domingo|lunes|martes|miércoles|jueves|viernes|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\b(hoje|amanhã|hoy|mañana|hôm nay|ngày mai)\b|今天|明天/ },
  { id: 'EN: eviction', cats: ['housing'], tags: ['evict'], re: /\b(evict(ed|ion)?|kicked out|have to (leave|move out))\b/ },
  { id: 'EN: nowhere to sleep', cats: ['housing'], tags: ['sleepTonight'], re: /\b(nowhere to (sleep|stay|go) tonight|sleeping (outside|on the street)|no place to sleep)\b/ },
  { id: 'EN: money', cats: ['poverty'], re: /\b(no money|can'?t afford|can'?t pay|welfare|food bank|eating only|only (eat|have) rice|(lunch|school) money|fees? (is |are )?(also )?unpaid|unpaid (bills|fees))\b/ },
  { id: 'EN: no food', cats: ['poverty'], tags: ['noFoodToday'], re: /\b(no food|nothing to eat|haven'?t eaten)\b/ },
  { id: 'EN: debt', cats: ['debt'], re: /\b(debts?|loans?|loan shark|creditors?)\b/ },
  { id: 'EN: health', cats: ['health'], re: /\b(sick|ill(ness)?|hospital|doctor|depress(ed|ion)|can'?t sleep|pain|injur(y|ed))\b/ },
  { id: 'EN: lonely', cats: ['isolation'], re: /\b(lonely|loneliness|no friends|no one to talk to|isolated)\b/ },
  { id: 'EN: child', cats: ['child'], re: /\b(my (son|daughter|child|kid|baby)('s)? school|bully(ing|ied)?|pregnant)\b/ },
  { id: 'EN: elderly', cats: ['elderly'], re: /\b(dementia|elderly|nursing care)\b/ },
  { id: 'EN: disability', cats: ['disability'], re: /\b(disabilit(y|ies)|disabled|wheelchair|autis(m|tic))\b/ },
  { id: 'EN: visa', cats: ['foreign'], re: /\b(visa|residence (card|status)|immigration|technical intern)\b/ },
  { id: 'EN: service question', cats: ['other'], tags: ['serviceQ'], re: /\b(can i (write|ask|use|talk)|do you (have|speak|offer)|question about your (service|services)|in english\?)/ },
  // Portuguese / Spanish
  { id: 'PT/ES: trabalho', cats: ['employment'], re: /\b(perdi o emprego|desempregad[oa]|demitid[oa]|sal[aá]rio|emprego|f[aá]brica|perd[ií] (el|mi) trabajo|despedid[oa]|despidieron|busco trabajo|buscando trabajo|sin trabajo|procuro emprego|procurando emprego)\b/ },
  { id: 'PT/ES: aluguel', cats: ['housing'], re: /\b(aluguel|despejo|alquiler|desalojo)\b/ },
  { id: 'PT/ES: dinheiro', cats: ['poverty'], re: /\b(sem dinheiro|não tenho dinheiro|não temos dinheiro|comida|sin dinero|no tengo dinero|no tenemos dinero)\b/ },
  { id: 'PT/ES: violência', tags: ['violence'], re: /\b(me bate|bateu|violência|me pega|me golpea|violencia)\b/ },
  { id: 'PT/ES: marido', tags: ['partner'], re: /\b(marido|esposo|namorado|novio)\b/ },
  { id: 'PT/ES: atendimento', cats: ['other'], tags: ['serviceQ'], re: /(vocês têm|voces tem|atendimento em|tienen atención|hablan español|falam português)/ },
  // Vietnamese
  { id: 'VI: lương', cats: ['employment'], re: /(không trả lương|trả lương|mất việc|thực tập sinh|việc làm|bị đuổi việc)/ },
  { id: 'VI: tiền', cats: ['poverty'], re: /(không còn tiền|không có tiền|hết tiền)/ },
  { id: 'VI: đồ ăn', cats: ['poverty'], tags: ['noFoodToday'], re: /(tiền mua đồ ăn|không có gì ăn|đói)/ },
  { id: 'PT/ES: comida', cats: ['poverty'], tags: ['noFoodToday'], re: /\b(sem comida|nada (pra|para) comer|no tengo comida|nada que comer|walang makain|tidak ada makanan)\b/ },
  { id: 'ZH: 没饭吃', cats: ['poverty'], tags: ['noFoodToday'], re: /(没有饭吃|没饭吃|没有吃的)/ },
  { id: 'VI: nhà', cats: ['housing'], re: /(tiền nhà|không có chỗ ở|bị đuổi)/ },
  { id: 'VI: chồng đánh', tags: ['violence'], re: /(đánh tôi|bạo lực|bị (chồng )?đánh)/ },
  { id: '多言語: 隠れている', tags: ['hiding'], re: /(hiding (in|from)|locked myself|đang trốn|trốn trong|escondid[ao]|me escondí|estou escondid|nagtatago|bersembunyi|躲在|숨어)/ },
  // Chinese
  { id: 'ZH: 工作', cats: ['employment'], re: /(找不到工作|失业|工资|被解雇|没有工作)/ },
  { id: 'ZH: 生活困难', cats: ['poverty'], re: /(生活很困难|生活困难|没有钱|没钱)/ },
  { id: 'ZH: 房租', cats: ['housing'], re: /(房租|没有地方住)/ },
  { id: 'ZH: 打我', tags: ['violence'], re: /(打我|家暴)/ },
  { id: '多言語: 暴力', tags: ['violence'], re: /(sinasaktan|binubugbog|sinuntok|sinampal|dipukul|memukul|dianiaya|때려|맞았|pegó|me pega|golpea)/ },
  { id: '多言語: 配偶者', tags: ['partner'], re: /\b(asawa|suami|istri|pacar|chồng|vợ|bạn trai|丈夫|老公|男朋友|남편|아내|namorad[oa]|esposa)\b|(丈夫|老公|男朋友|남편)/ },
  { id: '多言語: 仕事', cats: ['employment'], re: /(打工|店长|加班|辞职|不给钱|被开除|natanggal|dipecat|gaji|perusahaan|empreiteira|trabalho|demitido)/ },
  { id: '多言語: 子ども', cats: ['child'], re: /(mi hij[oa] de [0-9]+|la escuela|no quiere ir a la escuela|con em [0-9]+ tuổi|nhà trẻ|chậm nói|meu filho [^.]{0,20}escola|anak ko|孩子不上学)/ },
  { id: '多言語: 妊娠・病院', cats: ['health'], re: /(grávida|gravida|embarazada|có thai|mang thai|怀孕|buntis|hamil|hospital com|médico|hospital|bệnh viện|医院)/ },
];

/** First-person markers in other languages (reporter `self`). */
export const FOREIGN_SELF_RE = /\b(i|i'm|im|my|me|we|our|us|eu|sou|meu|minha|tenho|quero|estou|moro|perdi|fui|preciso|yo|soy|mi|estoy|quiero|tengo|tôi|mình|ako|ko|saya|aku)\b|(^|[.!?]\s*)em\b|我|저는|제가|나는|내가|싶어|(^|\s)म(\s|ले)|मेरो/;
export const FOREIGN_FAMILY_RE = /\b(my (mother|father|mom|dad|son|daughter|husband|wife|brother|sister|grandmother|grandfather|child|parents))\b/;
export const FOREIGN_NEIGHBOUR_RE = /\b(my (friend|neighbou?r|colleague|coworker)|a (friend|neighbou?r))\b/;

// ---------------------------------------------------------------------------------------------
// Reporter (who is writing)
// ---------------------------------------------------------------------------------------------

/** A work role stated by the writer. */
export const PROFESSIONAL_RE = new RegExp(
  [
    '(ケアマネ(ジャー)?|介護支援専門員|居宅介護支援|地域包括|相談支援専門員|ソーシャルワーカー|MSW|msw|世話人|生活支援員|指導員|相談員|介護士|管理人|サービス提供責任者|施設長|主任|医師|看護師|保健師|訪問看護|ヘルパー|介護職員|施設職員|職員|教員|教師|担任|養護教諭|スクールカウンセラー|スクールソーシャルワーカー|保育士|園長|校長|教頭|大家|管理会社|不動産|店長|薬剤師|弁護士|司法書士|警察|支援員)',
    '(です|でございます|をしております|をしています|をしてる|の者|として|をやって|の立場)',
  ].join('.{0,4}'),
);
/** Work-relationship phrasing without a role noun. */
export const PROFESSIONAL_CONTEXT_RE = /((窓口|受付|売り場|レジ|配達|検針)[^。！？\n]{0,6}(担当している|担当の|をしている|で働いている|に勤めている)(者|もの)|(に|で)(勤めている|勤務している|働いている)(者|もの)です|担当の利用者|担当している(生徒|児童|利用者|患者)|担任している|クラスの(児童|生徒)|当院|当事業所|当施設|入居者の|利用者様|患者さん)/;

/** Neighbours, friends, colleagues, volunteers (as the subject of the message). */
export const NEIGHBOUR_RE = /((隣|となり|向かい|近所|斜め向かい|上の階|下の階)(の|に住む|に住んでいる|に住んでる).{0,8}(人|方|家|お宅|子|おば|おじ|男性|女性|夫婦|奥さん|旦那さん|高齢|一人暮らし|息子|娘)|近所の(人|方|家|子|お宅|アパート|おば|おじ|一人暮らし|男性|女性|奥さん)|近くのアパート|近くに住|隣の(家|人|部屋|方|おば|おじ)|お隣|となりの|隣に住|うちの隣|向かいの|斜め向かい|下の階|上の階|上の部屋|同じ(アパート|マンション|団地|職場|クラス)|ママ友|パパ友|友(だち|達|人)(が|は|の|から)|(後輩|先輩|同級生|クラスメイト|知人|バイト仲間|仲間)(が|は)|町内の|(?<!うち)の(おじいさん|おばあさん|おじさん|おばさん|お年寄り)(が|は|、|を)|(散歩|通勤|通学)(で|中に)(会う|見かける)|知り合い(が|は|の)(?!(ひとりも|一人も|いな|おらず))|同僚(が|は|の)|パートさん|民生委員|町内会|自治会|(子ども|こども|子供)食堂(の|で)(スタッフ|ボランティア|運営)|(子ども|こども|子供)食堂を(やって|運営|開いて|手伝)|(うちの|同じ)(工場|職場|会社|店|バイト先)で働いて|ボランティア|名前は言えません|匿名)/;

/** Relatives; the writer is `family` when the need belongs to one of them. */
export const KIN_RE = /(母|父|夫|妻|息子|娘|兄|姉|弟|妹|祖母|祖父|義母|義父|孫|主人|旦那|嫁|両親|親|おかあさん|おとうさん|お母さん|お父さん|パパ|ママ|うちの子|甥|姪|叔母|叔父|伯母|伯父|家族)(さん)?(が|は|の|も|[(（]|[0-9]|、|から|って)|(子ども|子供|こども)(が|は)/;

/** The writer speaks about themself. */
export const SELF_RE =
  /(私|わたし|あたし|わたくし|僕|ぼく|俺|おれ|自分|うちは|うちの|我が家)|(たい|たく|ほしい|欲しい)|(です|ます|ました|でした|ません|ている|てる|ない|ず)(。|！|!|\n|$|けど|が|ので|から|し、|…)|んです(が|けど)|^[0-9]{2}、/;

/** The writer's own strain, for carers. */
export const CARE_STRAIN_RE = /(寝られ|眠れ|くたくた|疲れ|限界|自分の時間|休めない|倒れそう)/;
/** Cold, heat: an older person at risk in their own home. */
export const EXPOSURE_RE = /(この寒さ|寒いのに|真冬|暖房もつけず|暖房をつけず|熱中症|脱水|この暑さ|真夏|猛暑|室温|冷房もつけず|エアコンもつけず|(エアコン|冷房|暖房)[^。]{0,16}(使わ|つけ)(ず|ない))/;
/** Refusing contact (for isolation in self-neglect cases). */
export const CONTACT_REFUSAL_RE = /(無視され|話しかけても(無視|返事|反応)|人と会おうとしない|誰とも会わない|放っておいて|ほっといて|ほっとけ|戸を閉め|ドアを閉め|追い返さ)/;
/** 「今」 as 'right now' (not 今日, 今年, 今は…). */
export const NOW_RE = /今(?![\u3400-\u9fffはまでからのさらもうどごこ])|いま(?![はまでからのさらもう])|right now|agora|ngay bây giờ|现在/;
