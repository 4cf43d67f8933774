/**
 * One result from several: the messages of a conversation, or the windows of a long message.
 * Pure and cheap (no tokenizer), so the triage worker combines stored per-message results on the
 * event loop without analysing any earlier text again.
 *
 * Urgency is the highest; categories keep the order in which they first appeared, with suicide,
 * dv and abuse first and `other` dropped beside a real need; the reporter is the first one
 * known; reasons are kept once each, in order; the risk is the highest score and band.
 */
import type { Triage } from '../db/schema';

const URGENCY_RANK: Record<Triage['urgency'], number> = { low: 0, normal: 1, high: 2, emergency: 3 };
const LEADING = ['suicide', 'dv', 'abuse'];
const BAND_RANK = { clear: 0, check: 1, crisis: 2 } as const;

export function combineTriage(results: Triage[]): Triage {
  if (results.length === 0) return { categories: ['other'], urgency: 'low', reporter: 'unknown', reasons: [] };
  let urgency: Triage['urgency'] = 'low';
  const seen = new Map<string, number>();
  const reasons = new Set<string>();
  let reporter: Triage['reporter'] = 'unknown';
  let risk: Triage['risk'];
  results.forEach((r, i) => {
    if (r.risk) risk = { score: Math.max(risk?.score ?? 0, r.risk.score), band: BAND_RANK[r.risk.band] > BAND_RANK[risk?.band ?? 'clear'] ? r.risk.band : (risk?.band ?? 'clear') };
    if (URGENCY_RANK[r.urgency] > URGENCY_RANK[urgency]) urgency = r.urgency;
    r.categories.forEach((c, j) => {
      if (!seen.has(c)) seen.set(c, i * 100 + j);
    });
    for (const s of r.reasons) reasons.add(s);
    if (reporter === 'unknown' && r.reporter !== 'unknown') reporter = r.reporter;
  });
  let cats = [...seen.keys()];
  if (cats.length > 1) cats = cats.filter((c) => c !== 'other');
  const rank = (c: string) => {
    const i = LEADING.indexOf(c);
    return i >= 0 ? i : LEADING.length;
  };
  cats.sort((a, b) => rank(a) - rank(b) || seen.get(a)! - seen.get(b)!);
  return { categories: cats, urgency, reporter, reasons: [...reasons], ...(risk ? { risk } : {}) };
}
