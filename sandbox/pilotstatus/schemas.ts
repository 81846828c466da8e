import { z } from 'zod/v4';

// The sandbox's own reading of the PilotStatus documentation (shared/API-NOTES.md). It is
// written apart from the core's validators on purpose: an end-to-end test then catches a client
// that sends what PilotStatus would refuse.

const E164 = /^\+[1-9]\d{7,14}$/;
const GROUP_JID = /^\d[\d-]*@g\.us$/;
const NEWSLETTER_JID = /^\d+@newsletter$/;
const DATA_URI = /^data:[\w.+-]+\/[\w.+-]+(;[\w-]+=[^;,]+)*;base64,[A-Za-z0-9+/]+={0,2}$/;
/** Not documented; the pack's own label limit, so the core never stores what the sandbox refused. */
const LABEL_NAME_MAX = 100;
const TEXT_MAX = 4096;
const CAPTION_MAX = 1024;
const MAX_BUTTONS = 3;

export const DESTINATION_FIELDS = ['destinationNumber', 'groupId', 'newsletterId'] as const;
export type DestinationField = (typeof DESTINATION_FIELDS)[number];
export const MEDIA_TYPES = ['image', 'video', 'document', 'audio'] as const;

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

const labelName = z
  .string()
  .transform((name) => name.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'must not be empty').max(LABEL_NAME_MAX, `must be at most ${LABEL_NAME_MAX} characters`));

const button = z.strictObject({
  id: z.string().min(1).optional(),
  text: z.string().trim().min(1, 'must not be empty'),
});

/** `POST /v1/messages/send`: field shapes first, then the rules between fields. */
export const sendRequestSchema = z
  .strictObject({
    destinationNumber: z.string().regex(E164, 'must be an E.164 phone with a leading + (e.g. +5511999999999)').optional(),
    groupId: z.string().regex(GROUP_JID, 'must be a group JID ending in @g.us').optional(),
    newsletterId: z.string().regex(NEWSLETTER_JID, 'must be a channel JID ending in @newsletter').optional(),
    templateId: z.string().trim().min(1).optional(),
    variables: z.record(z.string().min(1), z.string()).optional(),
    text: z.string().min(1).max(TEXT_MAX).optional(),
    buttons: z.array(button).max(MAX_BUTTONS, `must have at most ${MAX_BUTTONS} buttons`).optional(),
    header: z.string().optional(),
    footer: z.string().optional(),
    media: z.string().refine((value) => isHttpUrl(value) || DATA_URI.test(value), 'must be a public http(s) URL or a base64 data URI').optional(),
    mediaType: z.enum(MEDIA_TYPES).optional(),
    caption: z.string().max(CAPTION_MAX).optional(),
    deliverAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' }).optional(),
    labels: z.array(labelName).optional(),
  })
  .superRefine((body, ctx) => {
    const destinations = DESTINATION_FIELDS.filter((field) => body[field] !== undefined);
    if (destinations.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: `give exactly one of ${DESTINATION_FIELDS.join(', ')} (got ${destinations.length})` });
    }
    // A media next to a templateId is the template's header, not a second mode.
    const modes = [body.templateId !== undefined, body.text !== undefined, body.media !== undefined && body.templateId === undefined].filter(Boolean);
    if (modes.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: `give exactly one mode: templateId, text, or media with mediaType (got ${modes.length})` });
    }
    const only = (field: keyof typeof body, allowed: boolean, where: string) => {
      if (body[field] !== undefined && !allowed) ctx.addIssue({ code: 'custom', path: [field], message: `is only allowed ${where}` });
    };
    only('variables', body.templateId !== undefined, 'with templateId');
    only('buttons', body.text !== undefined, 'with text');
    only('header', body.text !== undefined, 'with text');
    only('footer', body.text !== undefined, 'with text');
    only('caption', body.media !== undefined && body.templateId === undefined, 'with a direct media');
    only('mediaType', body.media !== undefined, 'with media');
    if (body.media !== undefined && body.mediaType === undefined) ctx.addIssue({ code: 'custom', path: ['mediaType'], message: 'is required with media' });
    if (body.caption !== undefined && body.mediaType === 'audio') ctx.addIssue({ code: 'custom', path: ['caption'], message: 'is not allowed for audio' });
    if (body.labels?.length && body.newsletterId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['labels'], message: 'can only tag a phone or a group destination' });
    }
  });
export type SendRequest = z.output<typeof sendRequestSchema>;

export const cancelRequestSchema = z.strictObject({
  messageIds: z.array(z.string().trim().min(1)).min(1, 'must list at least one id').max(100, 'must list at most 100 ids'),
});
export type CancelRequest = z.output<typeof cancelRequestSchema>;

/** `number.*` names are not listed in the docs; these two are the sandbox's choice. */
export const WEBHOOK_EVENTS = [
  'message.sent', 'message.delivered', 'message.read', 'message.failed',
  'message.received', 'message.reply', 'message.group', 'message.newsletter',
  'number.connected', 'number.disconnected',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];
export const ALL_EVENTS = '*';

const events = z
  .array(z.enum([...WEBHOOK_EVENTS, ALL_EVENTS], { error: (issue) => `${JSON.stringify(issue.input)} is not a webhook event (${WEBHOOK_EVENTS.join(', ')} or *)` }))
  .transform((names) => [...new Set(names)]);
const webhookUrl = z.string().trim().refine(isHttpUrl, 'must be an http(s) URL');
const webhookName = z.string().trim().min(1).max(100);

export const createWebhookSchema = z.strictObject({
  url: webhookUrl,
  /** `[]` is accepted and delivers nothing, as documented. */
  events,
  name: webhookName.optional(),
  active: z.boolean().optional(),
  /** Sandbox extension: the signing secret is never returned, so a receiver may choose it. */
  secret: z.string().min(16, 'must be at least 16 characters').max(256).optional(),
});
export type CreateWebhookRequest = z.output<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .strictObject({ url: webhookUrl.optional(), events: events.optional(), name: webhookName.optional(), active: z.boolean().optional() })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), { message: 'nothing to update: give url, events, name or active', path: [] });
export type UpdateWebhookRequest = z.output<typeof updateWebhookSchema>;
