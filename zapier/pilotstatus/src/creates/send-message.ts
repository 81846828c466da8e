import { defineCreate, type Bundle, type CreatePerform, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { DESTINATION_FIELD, type DestinationKind } from '../../../../shared/destinations';
import { issue, ValidationError } from '../../../../shared/errors';
import { MEDIA_TYPES } from '../../../../shared/send';
import { defaultCountryField, pick } from '../../../common/input';
import { handled, pilotStatus, retentionOf } from '../client';
import { TEMPLATE_TRIGGER_KEY } from '../triggers/template';

const choice = (value: string, label: string) => ({ value, sample: value, label });

const DESTINATION_TYPES: Record<DestinationKind, string> = { PHONE: 'Phone Number', GROUP: 'Group', CHANNEL: 'Channel' };

const destinationType = {
  key: 'destinationType',
  label: 'Destination Type',
  required: true,
  default: 'PHONE',
  choices: Object.entries(DESTINATION_TYPES).map(([value, label]) => choice(value, label)),
} satisfies PlainInputField;

const destination = {
  key: 'destination',
  label: 'Destination',
  required: true,
  helpText:
    'A phone number with its country code (e.g. +5511999999999; without the code, set Default Country), a group id ending in `@g.us`, or a channel id ending in `@newsletter`.',
} satisfies PlainInputField;

const mode = {
  key: 'mode',
  label: 'Message Type',
  required: true,
  altersDynamicFields: true,
  choices: [choice('template', 'Template'), choice('text', 'Text'), choice('media', 'Media')],
  helpText: 'A message template, free text (with up to 3 buttons), or a media file.',
} satisfies PlainInputField;

const mediaType = {
  key: 'mediaType',
  label: 'Media Type',
  required: false,
  choices: MEDIA_TYPES.map((type) => choice(type, type.charAt(0).toUpperCase() + type.slice(1))),
  helpText: 'Read from the file name or the data URI when left empty.',
} satisfies PlainInputField;

/** The fields each message type shows; only those are sent, so a value left in a hidden field never is. */
const MODE_FIELDS: Record<string, PlainInputField[]> = {
  template: [
    { key: 'templateId', label: 'Template', required: true, dynamic: `${TEMPLATE_TRIGGER_KEY}.id.name`, helpText: 'A template of the connected number.' },
    { key: 'variables', label: 'Template Variables', dict: true, required: false, helpText: 'Each variable the template uses, named as in the template (`{{name}}` → `name`).' },
    { key: 'media', label: 'Header Media', required: false, helpText: 'Optional: replaces the template’s header media. A public http(s) URL or a base64 data URI.' },
    mediaType,
  ],
  text: [
    { key: 'text', label: 'Text', type: 'text', required: true, helpText: 'Up to 4,096 characters.' },
    { key: 'buttons', label: 'Buttons', list: true, required: false, helpText: 'Up to 3 reply buttons, each a text of up to 20 characters.' },
    { key: 'header', label: 'Header', required: false, helpText: 'Only with buttons: a title above the text (up to 60 characters).' },
    { key: 'footer', label: 'Footer', required: false, helpText: 'Only with buttons: a line under the text (up to 60 characters).' },
  ],
  media: [
    { key: 'media', label: 'Media', required: true, helpText: 'A public http(s) URL or a base64 data URI (`data:image/png;base64,…`).' },
    mediaType,
    { key: 'caption', label: 'Caption', type: 'text', required: false, helpText: 'Text under the media (not for audio).' },
  ],
};

const common = [
  {
    key: 'labels',
    label: 'Labels',
    list: true,
    required: false,
    helpText: 'PilotStatus labels to tag a phone number or group with (created by name if new). Kept per the connection’s Retention Days.',
  },
  {
    key: 'deliverAt',
    label: 'Deliver At',
    type: 'datetime',
    required: false,
    helpText: 'Schedule the message for a later time instead of sending it now.',
  },
  defaultCountryField,
] satisfies PlainInputField[];

const ALL_FIELDS = [destinationType, destination, mode, ...Object.values(MODE_FIELDS).flat(), ...common];

function destinationKind(value: unknown): DestinationKind {
  const given = typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : 'PHONE';
  const kind = (Object.keys(DESTINATION_TYPES) as DestinationKind[]).find((k) => k === given);
  if (kind) return kind;
  throw new ValidationError([issue('destinationType', 'choice', `must be one of ${Object.keys(DESTINATION_TYPES).join(', ')}`)]);
}

/**
 * Assembles the send from the form and hands it to the core, which checks every rule (destination,
 * mode, template, text, buttons, media, schedule, labels) before anything is sent.
 */
const perform = handled(
  async (z: ZObject, bundle: Bundle) => {
    const input = bundle.inputData;
    const kind = destinationKind(input.destinationType);
    const retention = retentionOf(bundle);
    const client = pilotStatus(z, bundle, { defaultCountry: input.defaultCountry });
    const modeFields = MODE_FIELDS[String(input.mode)] ?? [];
    const sent = await client.sendMessage({
      [DESTINATION_FIELD[kind]]: input.destination,
      ...pick(input, modeFields.map((field) => field.key)),
      ...pick(input, ['labels', 'deliverAt']),
    });
    return { ...sent, retention: { linksStored: retention.storesLinks, days: retention.retentionDays } };
  },
  ALL_FIELDS,
  { destinationNumber: 'destination', groupId: 'destination', newsletterId: 'destination' },
) satisfies CreatePerform;

export default defineCreate({
  key: 'send_message',
  noun: 'Message',
  display: {
    label: 'Send Message',
    description: 'Sends a WhatsApp message (template, text or media) to a phone number, group or channel, optionally scheduled and labelled.',
  },
  operation: {
    inputFields: [destinationType, destination, mode, (z: ZObject, bundle: Bundle) => MODE_FIELDS[String(bundle.inputData.mode)] ?? [], ...common],
    perform,
    sample: {
      id: 'msg_8c1d2e3f4a',
      correlationId: 'corr_5b6a7c8d9e',
      status: 'QUEUED',
      createdAt: '2026-11-21T12:00:00.000Z',
      origin: 'api',
      retention: { linksStored: true, days: 30 },
    },
    outputFields: [
      { key: 'id', label: 'Message ID' },
      { key: 'correlationId', label: 'Correlation ID' },
      { key: 'status', label: 'Status' },
      { key: 'createdAt', label: 'Created At', type: 'datetime' },
      { key: 'origin', label: 'Origin' },
      { key: 'retention__linksStored', label: 'Label Links Stored', type: 'boolean' },
      { key: 'retention__days', label: 'Retention Days', type: 'integer' },
    ],
  },
});
