import type { INodeProperties } from 'n8n-workflow';
import * as importFromFile from './importFromFile.operation';

export { importFromFile };

export const description: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['contact'] } },
    options: [
      {
        name: 'Import From File',
        value: 'importFromFile',
        description: 'Read the contacts of a CSV or XLSX file, one item per row, ready to send to or label',
        action: 'Import contacts from a file',
      },
    ],
    default: 'importFromFile',
  },
  ...importFromFile.description,
];
