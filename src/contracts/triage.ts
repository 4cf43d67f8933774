/** What triage decided about a conversation, as stored and as staff see it. */
import { z } from 'zod';
import { reporterSchema, riskBandSchema, urgencySchema } from './enums';

/** The probability that someone's life or safety is at risk now, and the band it puts the conversation in. */
export const riskView = z.object({
  score: z.number().min(0).max(1).describe('calibrated probability that life or safety is at risk now (learned model)'),
  band: riskBandSchema.describe('crisis: an emergency; check: unsure, someone should look or ask; clear'),
});
export type RiskView = z.infer<typeof riskView>;

export const triageView = z.object({
  /** Most salient first (a category string; see CATEGORIES). */
  categories: z.array(z.string()),
  urgency: urgencySchema,
  reporter: reporterSchema,
  /** Why, in words staff can check. */
  reasons: z.array(z.string()),
  /**
   * How likely it is that someone's life or safety is at risk now (the learned model, calibrated)
   * and the band staff see. Absent on results from before the model.
   */
  risk: riskView.optional(),
});
export type TriageView = z.infer<typeof triageView>;
