/** Widget API schemas: used for validation, types and the OpenAPI document. */
import { z } from 'zod';
import { langSchema, widgetMessageView } from '../../../contracts';
import { cleanText } from '../../../channels/clean-text';

export const MAX_TEXT = 5000;

export { langSchema };

export const createSessionBody = z
  .object({
    lang: langSchema.optional(),
    /** The agency the embedding page belongs to (`data-agency` on the script tag); default intake. */
    agency: z.string().min(1).max(40).optional(),
  })
  .strict();
export const createSessionResponse = z.object({
  sessionToken: z.string(),
  conversationId: z.uuid(),
  /** The session ends after this many minutes without a request (sliding); WIDGET_SESSION_IDLE_MINUTES. */
  idleMinutes: z.number().positive(),
});

export const sendMessageBody = z
  .object({
    // Length beyond MAX_TEXT is answered 413 by the route, so people get the right message.
    // Control characters are dropped when stored (src/channels/clean-text.ts): nothing else left is empty.
    text: z.string().refine((t) => cleanText(t).trim().length > 0, 'text must not be empty'),
    clientMessageId: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, 'clientMessageId: letters, digits, - and _'),
    /** The data of a bot button the person chose (`text` is its label). */
    postback: z.string().min(1).max(300).optional(),
  })
  .strict();
export type SendMessageBody = z.infer<typeof sendMessageBody>;
export const sendMessageResponse = z.object({ messageId: z.uuid() });

export const updateSessionBody = z.object({ lang: langSchema }).strict();

export const widgetMessage = widgetMessageView;
export const listMessagesResponse = z.object({
  messages: z.array(widgetMessage),
  /** The language the bot answers in now (the person's choice, or what they clearly wrote in: the widget follows it). */
  lang: langSchema,
});
