import { z } from 'zod/v4';
import { describeValue, fail, fromZodIssues, issue, ok, type Parsed, type ValidationIssue } from '../errors';
import { DESTINATION_FIELD, parseDestinationOfKind, type DestinationKind, type PhoneOptions } from '../destinations';
import { parseLabelList } from '../labels/label-name';
import {
  CAPTION_MAX,
  HEADER_FOOTER_MAX,
  MAX_BUTTONS,
  TEXT_MAX,
  buttonSchema,
  type SendMessageBody,
  type SendMessageField,
} from './send-schema';
import { parseMedia } from './media';
import { parseDeliverAt } from './deliver-at';

export interface SendOptions extends PhoneOptions {
  /** The clock `deliverAt` is checked against (tests pin it). */
  readonly now?: Date;
}

export type SendMode = 'template' | 'text' | 'media';

const KNOWN_FIELDS = new Set<string>([
  'destinationNumber', 'groupId', 'newsletterId', 'templateId', 'variables', 'text', 'buttons',
  'header', 'footer', 'media', 'mediaType', 'caption', 'deliverAt', 'labels',
] satisfies SendMessageField[]);

// Fields that belong to one mode only; `media`/`mediaType` may also override a template's header.
const MODE_ONLY: Partial<Record<SendMessageField, SendMode[]>> = {
  variables: ['template'],
  buttons: ['text'],
  header: ['text'],
  footer: ['text'],
  media: ['template', 'media'],
  mediaType: ['template', 'media'],
  caption: ['media'],
};

/**
 * Checks a send against every rule of `POST /v1/messages/send` and returns the exact body to
 * post. Every violation is reported, each naming its field, so one run shows all that is wrong.
 */
export function parseSendRequest(input: unknown, options: SendOptions = {}): Parsed<SendMessageBody> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail(issue('message', 'type', `must be an object with the send fields, got ${describeValue(input)}`));
  }
  const given = present(input as Record<string, unknown>);
  const issues: ValidationIssue[] = [];
  const body: SendMessageBody = {};

  for (const field of Object.keys(given)) {
    if (!KNOWN_FIELDS.has(field)) issues.push(issue(field, 'unknown_field', `is not a field of a PilotStatus send`));
  }

  readDestination(given, options, body, issues);
  const mode = readMode(given, issues);
  if (mode) {
    for (const [field, modes] of Object.entries(MODE_ONLY)) {
      if (field in given && !modes.includes(mode)) {
        issues.push(issue(field, 'mode.field_not_allowed', `is not used in ${mode} mode (only with ${modes.join(' or ')})`));
      }
    }
    if (mode === 'template') readTemplate(given, body, issues);
    if (mode === 'text') readText(given, body, issues);
    if (mode === 'template' || mode === 'media') readMedia(given, mode, body, issues);
  }

  if ('deliverAt' in given) {
    const deliverAt = parseDeliverAt(given.deliverAt, 'deliverAt', options.now ?? new Date());
    if (deliverAt.ok) body.deliverAt = deliverAt.value;
    else issues.push(...deliverAt.issues);
  }

  if ('labels' in given) {
    const labels = parseLabelList(given.labels, 'labels');
    if (!labels.ok) issues.push(...labels.issues);
    else if (labels.value.length > 0) {
      if (body.newsletterId !== undefined) {
        issues.push(issue('labels', 'labels.channel', 'can only tag a phone or a group destination, not a channel'));
      } else body.labels = labels.value;
    }
  }

  return issues.length ? fail(...issues) : ok(body);
}

/** Blank strings and nulls count as "not given": that is what an empty n8n or Zapier field sends. */
function present(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')),
  );
}

function readDestination(given: Record<string, unknown>, options: PhoneOptions, body: SendMessageBody, issues: ValidationIssue[]) {
  const kinds = (Object.keys(DESTINATION_FIELD) as DestinationKind[]).filter((kind) => DESTINATION_FIELD[kind] in given);
  if (kinds.length !== 1) {
    const fields = Object.values(DESTINATION_FIELD).join(', ');
    issues.push(
      kinds.length === 0
        ? issue('destination', 'destination.required', `is required: give exactly one of ${fields}`)
        : issue('destination', 'destination.exclusive', `must be exactly one of ${fields}, got ${kinds.map((k) => DESTINATION_FIELD[k]).join(' and ')}`),
    );
    return;
  }
  const kind = kinds[0]!;
  const field = DESTINATION_FIELD[kind];
  const destination = parseDestinationOfKind(kind, given[field], field, options);
  if (destination.ok) body[field] = destination.value.value;
  else issues.push(...destination.issues);
}

function readMode(given: Record<string, unknown>, issues: ValidationIssue[]): SendMode | undefined {
  const modes: SendMode[] = [];
  if ('templateId' in given) modes.push('template');
  if ('text' in given) modes.push('text');
  if (!modes.length && ('media' in given || 'mediaType' in given)) modes.push('media');
  if (modes.length === 1) return modes[0];
  issues.push(
    modes.length === 0
      ? issue('mode', 'mode.required', 'is required: give a templateId, a text, or a media with its mediaType')
      : issue('mode', 'mode.exclusive', 'must be one of template (templateId) or text, not both'),
  );
  return undefined;
}

const templateIdSchema = z.string({ error: 'must be text' }).trim().min(1);
// Numbers and booleans are what mapped spreadsheet cells usually hold; the template gets their text.
const variablesSchema = z.record(
  z.string().trim().min(1, { error: 'must not be an empty variable name' }),
  z.union([z.string(), z.number(), z.boolean()], { error: 'must be text, a number or true/false' }).transform(String),
  { error: 'must be an object of variable names to values, e.g. {"name": "Ana"}' },
);

function readTemplate(given: Record<string, unknown>, body: SendMessageBody, issues: ValidationIssue[]) {
  const templateId = templateIdSchema.safeParse(given.templateId);
  if (templateId.success) body.templateId = templateId.data;
  else issues.push(...fromZodIssues(templateId.error.issues, 'templateId'));

  if (!('variables' in given)) return;
  let variables = given.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      issues.push(issue('variables', 'variables.json', 'must be a JSON object, e.g. {"name": "Ana"} (the text given is not valid JSON)'));
      return;
    }
  }
  const parsed = variablesSchema.safeParse(variables);
  if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, 'variables'));
  else if (Object.keys(parsed.data).length > 0) body.variables = parsed.data;
}

const textSchema = z.string({ error: 'must be text' }).max(TEXT_MAX, { error: `must be at most ${TEXT_MAX} characters` });
const buttonsSchema = z
  .array(
    z.preprocess((value) => (typeof value === 'string' ? { text: value } : value), buttonSchema),
    { error: 'must be a list of buttons' },
  )
  .max(MAX_BUTTONS, { error: `must have at most ${MAX_BUTTONS} buttons` })
  .superRefine((buttons, ctx) => {
    const seen = new Set<string>();
    buttons.forEach((button, index) => {
      const key = button.text.toLocaleLowerCase('en-US');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'text'], message: 'must differ from the other buttons' });
      seen.add(key);
    });
  });
const headerFooterSchema = z.string({ error: 'must be text' }).trim().max(HEADER_FOOTER_MAX, { error: `must be at most ${HEADER_FOOTER_MAX} characters` });

function readText(given: Record<string, unknown>, body: SendMessageBody, issues: ValidationIssue[]) {
  const text = textSchema.safeParse(given.text);
  if (text.success) body.text = text.data;
  else issues.push(...fromZodIssues(text.error.issues, 'text'));

  if ('buttons' in given) {
    const buttons = buttonsSchema.safeParse(given.buttons);
    if (!buttons.success) issues.push(...fromZodIssues(buttons.error.issues, 'buttons'));
    else if (buttons.data.length > 0) body.buttons = buttons.data;
  }
  for (const part of ['header', 'footer'] as const) {
    if (!(part in given)) continue;
    if (!body.buttons && !('buttons' in given)) {
      issues.push(issue(part, 'mode.field_not_allowed', 'is only used together with buttons'));
      continue;
    }
    const parsed = headerFooterSchema.safeParse(given[part]);
    if (parsed.success) body[part] = parsed.data;
    else issues.push(...fromZodIssues(parsed.error.issues, part));
  }
}

const captionSchema = z.string({ error: 'must be text' }).max(CAPTION_MAX, { error: `must be at most ${CAPTION_MAX} characters` });

function readMedia(given: Record<string, unknown>, mode: 'template' | 'media', body: SendMessageBody, issues: ValidationIssue[]) {
  if (!('media' in given)) {
    if (mode === 'media') issues.push(issue('media', 'required', 'is required: a public http(s) URL or a base64 data URI'));
    else if ('mediaType' in given) issues.push(issue('mediaType', 'mode.field_not_allowed', 'is only used together with media'));
    return;
  }
  const media = parseMedia(given.media, given.mediaType, 'media');
  if (!media.ok) return void issues.push(...media.issues);
  body.media = media.value.media;
  body.mediaType = media.value.mediaType;

  if ('caption' in given && mode === 'media') {
    if (media.value.mediaType === 'audio') {
      issues.push(issue('caption', 'caption.audio', 'is not allowed for audio (it is delivered as a voice note)'));
      return;
    }
    const caption = captionSchema.safeParse(given.caption);
    if (caption.success) body.caption = caption.data;
    else issues.push(...fromZodIssues(caption.error.issues, 'caption'));
  }
}
