import { localizeReason } from '../../../src/inbox/reasons';

const ja = {
  category: { suicide: '自殺念慮', housing: '住まい' },
  urgency: { emergency: '緊急', high: '高' },
  reporter: { neighbour: '近所・知人', self: '本人' },
};

describe('triage reasons as staff read them', () => {
  test('codes after the arrow and the reporter become words; the quoted evidence stays', () => {
    expect(localizeReason('「死にたい」（本人の希死念慮・計画・行為）→ suicide, emergency', ja)).toBe('「死にたい」（本人の希死念慮・計画・行為）→ 自殺念慮、緊急');
    expect(localizeReason('報告者: neighbour（「隣の」）', ja)).toBe('報告者: 近所・知人（「隣の」）');
    expect(localizeReason('職員による修正 (相談員 太郎): urgency → high', ja)).toBe('職員による修正 (相談員 太郎): urgency → 高');
    expect(localizeReason('「家賃」 → unknowncode', ja)).toBe('「家賃」 → unknowncode');
  });
});
