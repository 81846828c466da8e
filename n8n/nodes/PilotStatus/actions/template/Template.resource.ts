import type { INodeProperties } from 'n8n-workflow';
import * as list from './list.operation';

export { list };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['template'] } },
    options: [{ name: 'List', value: 'list', description: 'List the message templates of the WhatsApp number', action: 'List templates' }],
    default: 'list',
  },
  ...list.description,
];
