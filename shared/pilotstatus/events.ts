import { z } from 'zod/v4';

/** Subscribing to `*` delivers every event, including ones PilotStatus adds later. */
export const ALL_EVENTS = '*';

/** The message events a trigger offers; the n8n and Zapier pickers are built from this list. */
export const MESSAGE_EVENTS = [
  { event: 'message.sent', label: 'Message Sent', description: 'A message left PilotStatus for WhatsApp' },
  { event: 'message.delivered', label: 'Message Delivered', description: 'A message reached the recipient’s phone' },
  { event: 'message.read', label: 'Message Read', description: 'The recipient read a message (only with read receipts on)' },
  { event: 'message.failed', label: 'Message Failed', description: 'A message could not be sent' },
  { event: 'message.received', label: 'Message Received', description: 'Someone sent a message to the number' },
  { event: 'message.reply', label: 'Message Reply', description: 'Someone replied to a message or pressed one of its buttons' },
] as const;

// `{ event, data }`; `data.id` identifies the event and repeats when a delivery is repeated.
const envelopeSchema = z.looseObject({
  event: z.string().min(1),
  data: z.looseObject({ id: z.union([z.string().min(1), z.number()]).transform(String) }),
});

/** What a trigger emits for one delivery: the event's data, its name, and `id` = `data.id`. */
export type WebhookEventItem = Record<string, unknown> & { readonly id: string; readonly event: string };

export type WebhookEventVerdict =
  | { readonly accepted: true; readonly item: WebhookEventItem }
  | { readonly accepted: false; readonly reason: 'not_an_event' | 'event_not_selected' | 'other_number' };

/**
 * Decides what a trigger does with a delivery: bodies that are not PilotStatus events, events
 * not chosen, and events of another WhatsApp number than the one given are dropped.
 * (Deduplication by `id` is the host's: only the host keeps state between deliveries.)
 */
export function readWebhookEvent(body: unknown, filter: { readonly events: readonly string[]; readonly whatsappNumberId?: string | undefined }): WebhookEventVerdict {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return { accepted: false, reason: 'not_an_event' };
  const { event, data } = parsed.data;
  if (!filter.events.includes(ALL_EVENTS) && !filter.events.includes(event)) return { accepted: false, reason: 'event_not_selected' };
  const numberId = filter.whatsappNumberId?.trim();
  if (numberId && typeof data.whatsappNumberId === 'string' && data.whatsappNumberId !== numberId) return { accepted: false, reason: 'other_number' };
  return { accepted: true, item: { ...data, id: data.id, event } };
}
