import type { INodeProperties } from 'n8n-workflow';

/** The message an operation acts on; the core accepts its ID, correlation ID or WhatsApp ID. */
export const messageIdField: INodeProperties = {
  displayName: 'Message ID',
  name: 'messageId',
  type: 'string',
  required: true,
  default: '',
  placeholder: 'e.g. cm8x2k1q40000abcd',
};
