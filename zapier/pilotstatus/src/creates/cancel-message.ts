import { defineCreate, type Bundle, type PlainInputField, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { handled, pilotStatus } from '../client';

const messageId = {
  key: 'messageId',
  label: 'Message ID',
  required: true,
  helpText: 'The ID (or correlation ID) of a scheduled message that has not been sent yet.',
} satisfies PlainInputField;

/** `cancelled: false` with a `reason` (e.g. NOT_CANCELABLE once sent, NOT_FOUND) is an answer, not a failure. */
const perform = handled(
  async (z: ZObject, bundle: Bundle) => pilotStatus(z, bundle).cancelMessage(bundle.inputData.messageId),
  [messageId],
  { messageIds: 'messageId' },
) satisfies CreatePerform;

export default defineCreate({
  key: 'cancel_message',
  noun: 'Scheduled Message',
  display: {
    label: 'Cancel Scheduled Message',
    description: 'Cancels a scheduled WhatsApp message that has not been sent yet.',
  },
  operation: {
    inputFields: [messageId],
    perform,
    sample: { id: 'msg_8c1d2e3f4a', cancelled: true },
    outputFields: [
      { key: 'id', label: 'Message ID' },
      { key: 'cancelled', label: 'Cancelled', type: 'boolean' },
      { key: 'reason', label: 'Reason Not Cancelled' },
    ],
  },
});
