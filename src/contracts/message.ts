/** A message as the person sees it (widget) and as staff see it (inbox). Fields not listed never leave the server. */
import { z } from 'zod';
import { authorTypeSchema, deliveryStateSchema, directionSchema } from './enums';

export const buttonView = z.object({ label: z.string(), data: z.string() });
export type ButtonView = z.infer<typeof buttonView>;

export const widgetMessageView = z.object({
  id: z.uuid(),
  direction: directionSchema,
  text: z.string(),
  createdAt: z.iso.datetime(),
  author: authorTypeSchema,
  /** The bot's answer buttons (LINE quick replies in the LINE app). */
  buttons: z.array(buttonView).optional(),
  /** On the person's own messages in the widget: the clientMessageId they were sent with. */
  clientMessageId: z.string().optional(),
});
export type WidgetMessageView = z.infer<typeof widgetMessageView>;

export const staffMessageView = widgetMessageView.omit({ author: true, clientMessageId: true }).extend({
  /** `text`, `postback` (a button the person tapped), or a LINE message type shown as a placeholder. */
  kind: z.string(),
  author: z.object({ type: authorTypeSchema, staffId: z.uuid().optional(), name: z.string().optional() }),
  deliveryState: deliveryStateSchema.nullable().optional(),
  /** A delivery error code (src/errors.ts `deliveryErrorCatalogue`), never provider text. */
  deliveryError: z.string().nullable().optional(),
  /** What that code means, for staff: show `ja` or `en` beside the failed answer. */
  deliveryErrorText: z.object({ ja: z.string(), en: z.string() }).nullable().optional(),
});
export type StaffMessageView = z.infer<typeof staffMessageView>;
