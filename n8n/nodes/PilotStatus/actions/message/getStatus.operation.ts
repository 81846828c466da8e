import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { connections, eachItem } from '../items';
import { messageIdField } from './message-id';

const properties: INodeProperties[] = [
  { ...messageIdField, description: 'The ID from the send answer, its correlation ID, or the WhatsApp message ID' },
];

const displayOptions = { show: { resource: ['message'], operation: ['getStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const connect = connections(this);
  return await eachItem.call(this, items, async (i) => {
    const { client } = await connect();
    return await client.getMessage(this.getNodeParameter('messageId', i));
  });
}
