import { defineSearch, type Bundle, type PlainInputField, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { isApiError } from '../../../../shared/errors';
import { handled, pilotStatus } from '../client';

const id = {
  key: 'id',
  label: 'Message ID or Correlation ID',
  required: true,
  helpText: 'The ID Send Message returned, its correlation ID, or the WhatsApp message ID.',
} satisfies PlainInputField;

/** The message, or none when PilotStatus knows no such message for this key (404). */
const perform = handled(
  async (z: ZObject, bundle: Bundle) => {
    try {
      return [await pilotStatus(z, bundle).getMessage(bundle.inputData.id)];
    } catch (error) {
      if (isApiError(error) && error.status === 404) return [];
      throw error;
    }
  },
  [id],
  { messageId: 'id' },
) satisfies SearchPerform;

export default defineSearch({
  key: 'find_message',
  noun: 'Message',
  display: {
    label: 'Find Message',
    description: 'Finds a WhatsApp message by its ID or correlation ID, with its delivery status.',
  },
  operation: {
    inputFields: [id],
    perform,
    sample: {
      id: 'msg_8c1d2e3f4a',
      status: 'DELIVERED',
      correlationId: 'corr_5b6a7c8d9e',
      destinationNumber: '+5511988887777',
      template: 'welcome',
      createdAt: '2026-11-21T12:00:00.000Z',
      sentAt: '2026-11-21T12:00:02.000Z',
      deliveredAt: '2026-11-21T12:00:05.000Z',
      externalMessageId: 'wamid.HBgNNTUxMTk4ODg4Nzc3NxUCABEYEjQ',
    },
    outputFields: [
      { key: 'id', label: 'Message ID' },
      { key: 'status', label: 'Status' },
      { key: 'correlationId', label: 'Correlation ID' },
      { key: 'destinationNumber', label: 'Destination Number' },
      { key: 'groupId', label: 'Group ID' },
      { key: 'newsletterId', label: 'Channel ID' },
      { key: 'template', label: 'Template' },
      { key: 'createdAt', label: 'Created At', type: 'datetime' },
      { key: 'sentAt', label: 'Sent At', type: 'datetime' },
      { key: 'deliveredAt', label: 'Delivered At', type: 'datetime' },
      { key: 'readAt', label: 'Read At', type: 'datetime' },
      { key: 'externalMessageId', label: 'WhatsApp Message ID' },
      { key: 'errorCode', label: 'Error Code' },
      { key: 'errorMessage', label: 'Error Message' },
    ],
  },
});
