import {
  updateDisplayOptions,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';
import { defaultCountryProperty, DESTINATION_FIELD, issue, MAX_BUTTONS, ValidationError, type DestinationKind } from '../../runtime';
import { connections, eachItem } from '../items';
import { scheduleValue } from './deliver-at';

const DESTINATION_KIND: Record<string, DestinationKind> = { phone: 'PHONE', group: 'GROUP', channel: 'CHANNEL' };

const properties: INodeProperties[] = [
  {
    displayName: 'Destination Type',
    name: 'destinationType',
    type: 'options',
    options: [
      { name: 'Phone Number', value: 'phone', description: 'A WhatsApp phone number' },
      { name: 'Group', value: 'group', description: 'A WhatsApp group (JID ending in @g.us)' },
      { name: 'Channel', value: 'channel', description: 'A WhatsApp channel (JID ending in @newsletter)' },
    ],
    default: 'phone',
    description: 'Where the message goes. To send to the rows of Import From File, map it to the row’s kind.',
  },
  {
    displayName: 'Phone Number',
    name: 'destination',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. +5511999999999',
    description: 'In international format with a leading +, or a national number together with the Default Country option',
    displayOptions: { show: { destinationType: ['phone'] } },
  },
  {
    displayName: 'Group ID',
    name: 'destination',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 120363025246125486@g.us',
    displayOptions: { show: { destinationType: ['group'] } },
  },
  {
    displayName: 'Channel ID',
    name: 'destination',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 120363025246125486@newsletter',
    displayOptions: { show: { destinationType: ['channel'] } },
  },
  {
    displayName: 'Message Type',
    name: 'messageType',
    type: 'options',
    options: [
      { name: 'Template', value: 'template', description: 'A message template of the sending number' },
      { name: 'Text', value: 'text', description: 'Free text, optionally with up to three reply buttons' },
      { name: 'Media', value: 'media', description: 'An image, video, document or audio (paid plans)' },
    ],
    default: 'template',
  },
  {
    displayName: 'Template',
    name: 'template',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    modes: [
      {
        displayName: 'From List',
        name: 'list',
        type: 'list',
        placeholder: 'Select a template...',
        typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
      },
      {
        displayName: 'ID',
        name: 'id',
        type: 'string',
        placeholder: 'e.g. tpl_welcome',
      },
    ],
    displayOptions: { show: { messageType: ['template'] } },
  },
  {
    displayName: 'Template Variables',
    name: 'templateVariables',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true },
    placeholder: 'Add Variable',
    default: {},
    description: 'The values of the template’s variables, named as in the template ({{name}} → name)',
    options: [
      {
        displayName: 'Variable',
        name: 'variable',
        values: [
          { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. name' },
          { displayName: 'Value', name: 'value', type: 'string', default: '' },
        ],
      },
    ],
    displayOptions: { show: { messageType: ['template'] } },
  },
  {
    displayName: 'Text',
    name: 'text',
    type: 'string',
    typeOptions: { rows: 4 },
    required: true,
    default: '',
    displayOptions: { show: { messageType: ['text'] } },
  },
  {
    displayName: 'Buttons',
    name: 'buttons',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true },
    placeholder: 'Add Button',
    default: {},
    description: `Reply buttons under the text, at most ${MAX_BUTTONS}`,
    options: [
      {
        displayName: 'Button',
        name: 'button',
        values: [
          { displayName: 'Text', name: 'text', type: 'string', default: '', description: 'The words on the button, at most 20 characters' },
          { displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Optional. Sent back in the reply event, to tell the buttons apart.' },
        ],
      },
    ],
    displayOptions: { show: { messageType: ['text'] } },
  },
  {
    displayName: 'Header',
    name: 'header',
    type: 'string',
    default: '',
    description: 'Optional title above the text; only with buttons',
    displayOptions: { show: { messageType: ['text'] } },
  },
  {
    displayName: 'Footer',
    name: 'footer',
    type: 'string',
    default: '',
    description: 'Optional small print under the text; only with buttons',
    displayOptions: { show: { messageType: ['text'] } },
  },
  {
    displayName: 'Media',
    name: 'media',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. https://example.com/catalog.pdf',
    description: 'A public http(s) URL or a base64 data URI (data:image/png;base64,…)',
    displayOptions: { show: { messageType: ['media'] } },
  },
  {
    displayName: 'Media Type',
    name: 'mediaType',
    type: 'options',
    options: [
      { name: 'Audio', value: 'audio' },
      { name: 'Automatic', value: 'auto', description: 'From the data URI’s MIME type or the URL’s file extension' },
      { name: 'Document', value: 'document' },
      { name: 'Image', value: 'image' },
      { name: 'Video', value: 'video' },
    ],
    default: 'auto',
    displayOptions: { show: { messageType: ['media'] } },
  },
  {
    displayName: 'Caption',
    name: 'caption',
    type: 'string',
    default: '',
    description: 'Optional text under the media (not for audio)',
    displayOptions: { show: { messageType: ['media'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    options: [
      defaultCountryProperty,
      {
        displayName: 'Deliver At',
        name: 'deliverAt',
        type: 'dateTime',
        default: '',
        description: 'Schedule the message instead of sending it now; a time without a zone is read in the workflow’s time zone',
      },
      {
        displayName: 'Labels',
        name: 'labels',
        type: 'string',
        default: '',
        placeholder: 'e.g. customers, vip',
        description: 'Labels to tag the phone number or group with: comma-separated names, or a list mapped from an earlier node',
      },
    ],
  },
];

const displayOptions = { show: { resource: ['message'], operation: ['send'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface Pair {
  name?: string;
  value?: string;
}
interface Button {
  text?: string;
  id?: string;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const connect = connections(this);
  const timeZone = this.getTimezone();
  return await eachItem.call(this, items, async (i) => {
    const options = this.getNodeParameter('options', i, {}) as IDataObject;
    const { client, retention } = await connect(String(options.defaultCountry ?? ''));
    const kind = destinationKind(this, i);
    // Only assembled here; the core checks every field and rule, and ignores blank ones.
    const input: Record<string, unknown> = {
      [DESTINATION_FIELD[kind]]: this.getNodeParameter('destination', i),
      ...message.call(this, i),
      labels: options.labels,
      deliverAt: scheduleValue(options.deliverAt, timeZone),
    };
    const sent = await client.sendMessage(input);
    return { ...sent, retention: { linksStored: retention.storesLinks, days: retention.retentionDays } };
  });
}

/** The option's value, or the kind an import row carries (`PHONE`, `GROUP`), mapped by expression. */
function destinationKind(context: IExecuteFunctions, i: number): DestinationKind {
  const type = String(context.getNodeParameter('destinationType', i));
  const kind = DESTINATION_KIND[type.trim().toLowerCase()];
  // The value is not echoed: a phone mapped into the wrong field would end up in the message.
  if (!kind) throw new ValidationError([issue('destinationType', 'destination_type.enum', 'must be phone, group or channel')]);
  return kind;
}

/** The fields of the chosen message type only: the core refuses a field of another mode. */
function message(this: IExecuteFunctions, i: number): Record<string, unknown> {
  const messageType = this.getNodeParameter('messageType', i) as string;
  if (messageType === 'template') {
    const variables = filled(this.getNodeParameter('templateVariables.variable', i, []) as Pair[]).map((v) => [v.name ?? '', v.value ?? '']);
    return {
      templateId: this.getNodeParameter('template', i, '', { extractValue: true }),
      ...(variables.length ? { variables: Object.fromEntries(variables) } : {}),
    };
  }
  if (messageType === 'text') {
    const buttons = filled(this.getNodeParameter('buttons.button', i, []) as Button[]).map((b) => ({ text: b.text ?? '', ...(b.id ? { id: b.id } : {}) }));
    return {
      text: this.getNodeParameter('text', i),
      ...(buttons.length ? { buttons } : {}),
      header: this.getNodeParameter('header', i, ''),
      footer: this.getNodeParameter('footer', i, ''),
    };
  }
  if (messageType !== 'media') {
    throw new ValidationError([issue('messageType', 'message_type.enum', 'must be template, text or media')]);
  }
  const mediaType = this.getNodeParameter('mediaType', i, 'auto') as string;
  return {
    media: this.getNodeParameter('media', i),
    ...(mediaType === 'auto' ? {} : { mediaType }),
    caption: this.getNodeParameter('caption', i, ''),
  };
}

/** A row added to a list and left empty is not given. */
const filled = <T extends object>(rows: T[]): T[] =>
  rows.filter((row) => Object.values(row).some((value) => value !== undefined && value !== null && String(value).trim() !== ''));
