import { z } from 'zod';

export const personDataQuery = z
  .object({
    conversationId: z.uuid(),
    /** `pdf`: the same export laid out in Japanese for the person (REFERRAL_PDF_FONT). */
    format: z.enum(['json', 'pdf']).default('json'),
  })
  .strict();

export const erasePersonBody = z
  .object({
    /** Any conversation the person wrote: everything held about them in the admin's scope goes. */
    conversationId: z.uuid(),
    /** Must be `true`: deletion cannot be undone. */
    confirm: z.literal(true),
  })
  .strict();

const erased = z.object({ agencyId: z.uuid(), conversationIds: z.array(z.uuid()), caseIds: z.array(z.uuid()), counts: z.record(z.string(), z.number()) });
export const erasePersonResponse = z.object({
  erased: z.array(erased),
  /** Cases another agency works now: not erased here; ask that agency. */
  keptCases: z.array(z.object({ id: z.uuid(), agencyId: z.uuid() })),
});

export const personExportResponse = z
  .object({
    exportedAt: z.iso.datetime(),
    exportedBy: z.object({ id: z.uuid(), name: z.string() }),
    contacts: z.array(z.object({ id: z.uuid(), channel: z.string(), externalId: z.string(), lang: z.string() }).loose()),
    conversations: z.array(z.object({ id: z.uuid(), messages: z.array(z.object({ id: z.uuid(), text: z.string() }).loose()) }).loose()),
    cases: z.array(z.object({ id: z.uuid(), number: z.string(), conversationIds: z.array(z.uuid()) }).loose()),
  })
  .describe('Everything held about the person: contact records, conversations (messages, consents, safety questions, alerts, corrections, notes), cases (household, history, referrals, plans, follow-ups, participation)');
