/** A consent record as staff see it: the scope, the answer, the wording's version, who and when. */
import type { ConsentView } from '../contracts';
import type { consents } from '../db/schema';

export type { ConsentView };

export function presentConsent(r: typeof consents.$inferSelect): ConsentView {
  return { scope: r.scope, answer: r.answer, textVersion: r.textVersion, channel: r.channel, by: r.by, at: r.at.toISOString() };
}
