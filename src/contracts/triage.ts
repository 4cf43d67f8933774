/** What triage decided about a conversation, as stored and as staff see it. */
import { z } from 'zod';
import { reporterSchema, riskBandSchema, urgencySchema } from './enums';

/** The probability that someone's life or safety is at risk now, and the band it puts the conversation in. */
export const riskView = z.object({ score: z.number().min(0).max(1), band: riskBandSchema });
export type RiskView = z.infer<typeof riskView>;

export const triageView = z.object({
  /** Most salient first (a category string; see CATEGORIES). */
  categories: z.array(z.string()),
  urgency: urgencySchema,
  reporter: reporterSchema,
  /** Why, in words staff can check. */
  reasons: z.array(z.string()),
  /** Absent on triage runs older than the risk model. */
  risk: riskView.optional(),
});
export type TriageView = z.infer<typeof triageView>;
