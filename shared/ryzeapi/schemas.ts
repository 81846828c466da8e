import { z } from 'zod/v4';
import { idField, optionalText } from '../http';

// Loose like every response schema in the pack: extra fields pass through, only what is read is checked.

/** A WhatsApp Business label. `deleted: true` entries linger in lists until the next sync. */
export const tagSchema = z.looseObject({
  id: idField,
  // A deleted tag comes back with an empty name and type.
  name: z.string().default(''),
  /** Palette index 0–10. */
  color: z.number().int().default(0),
  type: optionalText,
  deleted: z.boolean().default(false),
});
export type RyzeTag = z.output<typeof tagSchema>;

const envelope = { success: z.boolean().optional(), message: optionalText };

export const tagListSchema = z.looseObject({ ...envelope, tags: z.array(tagSchema).default([]), total: z.number().optional() });
export const createdTagSchema = z.looseObject({ ...envelope, tag: tagSchema });
export const deletedTagSchema = z.looseObject({ ...envelope, tag: tagSchema.optional() });
export const tagAssignmentSchema = z.looseObject({ ...envelope, tag_id: idField.optional() });

/**
 * A chat with its labels. The docs name the list (`ChatWithLabels`) but do not show its fields,
 * so nothing in it is required; whatever RyzeAPI sends is passed through.
 */
export const chatWithLabelsSchema = z.looseObject({
  chat_jid: optionalText,
  labels: z.array(z.looseObject({ id: idField.optional(), name: optionalText })).optional().catch(undefined),
});
export type RyzeChatWithLabels = z.output<typeof chatWithLabelsSchema>;

export const chatsByLabelSchema = z.looseObject({
  ...envelope,
  chats: z.array(chatWithLabelsSchema).default([]),
  /** Unique chats. */
  total_chats: z.number().optional(),
  /** Chat–label pairs. */
  total_rows: z.number().optional(),
  refreshed: z.boolean().optional(),
  filter_label_ids: z.array(idField).optional().catch(undefined),
});
export type ChatsByLabelResponse = z.output<typeof chatsByLabelSchema>;

/** RyzeAPI's envelope can say `success: false`; that is a failure whatever the status. */
export const isRyzeFailureBody = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false;
