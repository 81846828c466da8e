import type { INodeProperties } from 'n8n-workflow';
import * as cancel from './cancel.operation';
import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export { cancel, getStatus, send };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['message'] } },
    options: [
      { name: 'Cancel', value: 'cancel', description: 'Cancel a scheduled message', action: 'Cancel a scheduled message' },
      { name: 'Get Status', value: 'getStatus', description: 'Get a message and its delivery status', action: 'Get the status of a message' },
      { name: 'Send', value: 'send', description: 'Send a WhatsApp message, optionally labelling the contact', action: 'Send a message' },
    ],
    default: 'send',
  },
  ...send.description,
  ...getStatus.description,
  ...cancel.description,
];
