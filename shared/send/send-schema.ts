import { z } from 'zod/v4';

/** What PilotStatus `POST /v1/messages/send` receives, after the core has validated it. */
export const MEDIA_TYPES = ['image', 'video', 'document', 'audio'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MAX_BUTTONS = 3;
// WhatsApp's own limits for reply buttons and message parts.
export const BUTTON_TEXT_MAX = 20;
export const BUTTON_ID_MAX = 256;
export const TEXT_MAX = 4096;
export const CAPTION_MAX = 1024;
export const HEADER_FOOTER_MAX = 60;

export const buttonSchema = z.object({
  id: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty when given' })
    .max(BUTTON_ID_MAX, { error: `must be at most ${BUTTON_ID_MAX} characters` })
    .optional(),
  text: z
    .string({ error: 'is required (the words on the button)' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(BUTTON_TEXT_MAX, { error: `must be at most ${BUTTON_TEXT_MAX} characters (WhatsApp's limit for a button)` }),
});
export type SendButton = z.infer<typeof buttonSchema>;

export const sendMessageBodySchema = z.object({
  destinationNumber: z.string().optional(),
  groupId: z.string().optional(),
  newsletterId: z.string().optional(),
  templateId: z.string().optional(),
  variables: z.record(z.string(), z.string()).optional(),
  text: z.string().optional(),
  buttons: z.array(buttonSchema).max(MAX_BUTTONS).optional(),
  header: z.string().optional(),
  footer: z.string().optional(),
  media: z.string().optional(),
  mediaType: z.enum(MEDIA_TYPES).optional(),
  caption: z.string().optional(),
  deliverAt: z.string().optional(),
  labels: z.array(z.string()).optional(),
});
export type SendMessageBody = z.infer<typeof sendMessageBodySchema>;
export type SendMessageField = keyof SendMessageBody;
