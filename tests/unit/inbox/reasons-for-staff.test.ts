import { reasonsForStaff, showReasons } from '../../../src/inbox/reasons';
import { en } from '../../../src/inbox/i18n/en';
import { ja } from '../../../src/inbox/i18n/ja';

// What triage wrote for a conversation of four messages (a greeting, a neighbour's worry, a
// crisis, violence), combined as the triage worker keeps it.
const combined = [
  '「こんにちは」 → other',
  '「こんにちは」（あいさつ・お礼・サービスへの質問）→ other',
  '困りごとの記述がない質問・あいさつ → low',
  '報告者: self（「ます。」）',
  '学習モデル: 危険の確率 0.01（重みの大きいことば: 「に」、「ち」、「ん」） → clear',
  '「見かけない」＋「新聞」 → elderly, isolation, high',
  '報告者: neighbour（「隣の人」）',
  '学習モデル: 危険の確率 0.27（重みの大きいことば: 「いま」、「かけ」、「新聞が」） → check',
  '「死にたい」（本人の希死念慮・計画・行為）→ suicide, emergency',
  '介護者の負担が主 → elderly は付けない',
  '報告者: self（本人の危機）',
];

describe('triage reasons as staff see them', () => {
  const now = { categories: ['suicide', 'elderly', 'isolation'], urgency: 'emergency', reporter: 'neighbour' };

  test('the safety reason comes first, one reporter line (the current one), no greeting noise, no model word lists', () => {
    const lines = reasonsForStaff(combined, now);
    expect(lines[0]).toBe('「死にたい」（本人の希死念慮・計画・行為）→ suicide, emergency');
    expect(lines.filter((l) => l.startsWith('報告者:'))).toEqual(['報告者: neighbour（「隣の人」）']);
    expect(lines.join('\n')).not.toMatch(/あいさつ|→ low|こんにちは|重みの大きいことば|→ clear/);
    expect(lines).toContain('学習モデル: 危険の確率 0.27 → check');
    expect(lines[lines.length - 1]).toMatch(/^報告者:/);
  });

  test('a clear model line stays when it added a category, so the label has a reason', () => {
    const lines = reasonsForStaff(['「家賃が払えな」 → housing', '学習モデル: 危険の確率 0.03（重みの大きいことば: 「いま」）、分野を追加: employment → clear'], {
      categories: ['housing', 'employment'],
      urgency: 'normal',
    });
    expect(lines).toContain('学習モデル: 危険の確率 0.03、分野を追加: employment → clear');
    expect(showReasons(['学習モデル: 危険の確率 0.03（重みの大きいことば: 「いま」）、分野を追加: employment → clear'], {}, en).join('\n')).toMatch(/Learned model: risk 0\.03; adds categories: employment/);
  });

  test('a reporter clue that is only a sentence ending is dropped; a greeting alone keeps its reasons', () => {
    const greeting = combined.slice(0, 5);
    const lines = reasonsForStaff(greeting, { categories: ['other'], urgency: 'low', reporter: 'self' });
    expect(lines).toContain('報告者: self');
    expect(lines).toContain('困りごとの記述がない質問・あいさつ → low');
  });

  test('Japanese words in ja; English words and phrases in en, the person’s quoted words kept', () => {
    expect(showReasons(combined, now, ja)[0]).toBe('「死にたい」（本人の希死念慮・計画・行為）→ 自殺念慮、緊急');
    const english = showReasons(combined, now, en);
    expect(english[0]).toBe("「死にたい」（the writer's own suicidal thoughts, plan or act）→ Suicidal thoughts, Emergency");
    expect(english).toContain('Reporter: neighbour / acquaintance（「隣の人」）');
    expect(english).toContain("Mainly the carer's burden → Older people not tagged");
    expect(english.join('\n')).not.toMatch(/報告者|学習モデル|は付けない/);
  });
});
