import { z } from 'zod/v4';
import { fail, fromZodIssues, issue, ok, type Parsed } from '../errors';
import { isHttpUrl } from '../http';

const splitText = (value: unknown) => (typeof value === 'string' ? value.split(',') : value);

/**
 * Event names as given: a list, or comma-separated text. An empty list is refused rather than
 * sent: PilotStatus would accept it and then deliver nothing, silently.
 */
const eventsField = z.preprocess(
  splitText,
  z
    .array(z.string({ error: 'must be text' }).trim(), { error: 'must be a list of event names or comma-separated text' })
    .transform((events) => [...new Set(events.filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^\S+$/, { error: 'must be an event name without spaces, e.g. message.delivered' }))
        .min(1, { error: 'must name at least one event; use "*" for every event (an empty list delivers nothing)' }),
    ),
);

const urlField = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .refine(isHttpUrl, { error: 'must be an http(s) URL, e.g. https://example.com/hooks/whatsapp' });

const nameField = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(100, { error: 'is longer than 100 characters' });

export const createWebhookInputSchema = z.object({
  url: urlField,
  events: eventsField,
  name: nameField.optional(),
});
export type CreateWebhookInput = z.input<typeof createWebhookInputSchema>;
export type CreateWebhookBody = z.output<typeof createWebhookInputSchema>;

export const updateWebhookInputSchema = z.object({
  url: urlField.optional(),
  /** Replaces the whole subscription list. */
  events: eventsField.optional(),
  name: nameField.optional(),
  active: z.boolean({ error: 'must be true or false' }).optional(),
});
export type UpdateWebhookInput = z.input<typeof updateWebhookInputSchema>;
export type UpdateWebhookBody = z.output<typeof updateWebhookInputSchema>;

export function parseCreateWebhook(input: unknown): Parsed<CreateWebhookBody> {
  const parsed = createWebhookInputSchema.safeParse(input ?? {});
  return parsed.success ? ok(parsed.data) : fail(...fromZodIssues(parsed.error.issues));
}

export function parseUpdateWebhook(input: unknown): Parsed<UpdateWebhookBody> {
  const parsed = updateWebhookInputSchema.safeParse(input ?? {});
  if (!parsed.success) return fail(...fromZodIssues(parsed.error.issues));
  const changes = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as UpdateWebhookBody;
  if (Object.keys(changes).length === 0) return fail(issue('', 'webhook.no_changes', 'nothing to update: give url, events, name or active'));
  return ok(changes);
}
