/**
 * Triage reasons end in codes (「死にたい」 → suicide, emergency; 報告者: self): staff read them
 * in the catalogue's words. The codes stay in the data for the evaluation tools.
 */
export interface ReasonWords {
  category: Record<string, string>;
  urgency: Record<string, string>;
  reporter: Record<string, string>;
}

export function localizeReason(reason: string, t: ReasonWords): string {
  const words: Record<string, string> = { ...t.category, ...t.urgency, ...t.reporter };
  return reason.replace(/(→|報告者:)\s*([a-z0-9, ]+)/g, (_m, head: string, codes: string) =>
    `${head} ${codes
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => words[c] ?? c)
      .join('、')}`,
  );
}
