import { z } from 'zod/v4';
import { idField, listOf, optionalText } from '../http';

// Every schema is loose: unknown fields pass through untouched, so a field PilotStatus adds
// reaches the workflow without a pack release. Only what the pack reads is checked.

/** The 202 of `POST /v1/messages/send`; `id` equals `data.internalMessageId` in webhook events. */
export const sendMessageResponseSchema = z.looseObject({
  id: z.string().min(1),
  correlationId: optionalText,
  status: z.string(),
  createdAt: optionalText,
  origin: optionalText,
});
export type SendMessageResponse = z.output<typeof sendMessageResponseSchema>;

/** READ needs the recipient's read receipts on; FAILED and CANCELED are final. */
export const MESSAGE_STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'CANCELED'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messageSchema = z.looseObject({
  id: z.string().min(1),
  // Kept as text: a status added by PilotStatus must not break a status check.
  status: z.string(),
  correlationId: optionalText,
  destinationNumber: optionalText,
  groupId: optionalText,
  newsletterId: optionalText,
  template: optionalText,
  createdAt: optionalText,
  sentAt: optionalText,
  deliveredAt: optionalText,
  readAt: optionalText,
  externalMessageId: optionalText,
  errorCode: optionalText,
  errorMessage: optionalText,
});
export type PilotStatusMessage = z.output<typeof messageSchema>;

const messageRef = z.union([z.string(), z.looseObject({ id: optionalText, messageId: optionalText })]);

/**
 * `DELETE /v1/messages/cancel`. The docs show both `{ cancelled: 2, notFound: 0 }` and a
 * `cancelled` list with a `failed` list of `{ …, reason }`; both are read.
 */
export const cancelResponseSchema = z.looseObject({
  cancelled: z.union([z.number(), z.array(messageRef)]).optional(),
  notFound: z.union([z.number(), z.array(messageRef)]).optional(),
  failed: z.array(z.looseObject({ id: optionalText, messageId: optionalText, reason: optionalText })).optional(),
});
export type CancelResponse = z.output<typeof cancelResponseSchema>;

export const templateSchema = z.looseObject({
  id: idField,
  name: z.string(),
  category: optionalText,
  // "META" | "PILOT_STATUS"; metaStatus "APPROVED" | "PENDING" | "REJECTED" | "DISABLED" | null.
  source: optionalText,
  metaStatus: optionalText,
  metaLanguage: optionalText,
  /** On a Meta number only approved Meta templates are sendable. */
  sendable: z.boolean().optional(),
  // The docs name `variables` without showing its items; unreadable shapes are dropped, not fatal.
  variables: z
    .array(z.union([z.string(), z.looseObject({ name: z.string() })]))
    .optional()
    .catch(undefined),
});
export type PilotStatusTemplate = z.output<typeof templateSchema>;
export const templateListSchema = listOf(templateSchema, 'templates');

export const webhookSchema = z.looseObject({
  id: idField,
  url: z.string(),
  name: optionalText,
  active: z.boolean().optional(),
  /** `[]` delivers nothing; `["*"]` delivers everything. */
  events: z.array(z.string()).default([]),
  whatsappNumberIds: z.array(z.string()).optional(),
  createdAt: optionalText,
  updatedAt: optionalText,
});
export type PilotStatusWebhook = z.output<typeof webhookSchema>;
export const webhookListSchema = listOf(webhookSchema, 'webhooks');

/** DELETE answers are not documented (an empty 204 or a small envelope): nothing is read. */
export const ignoredBodySchema = z.unknown();
