import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { connections, eachItem } from '../items';
import { messageIdField } from './message-id';

const properties: INodeProperties[] = [
  { ...messageIdField, description: 'The ID (or correlation ID) of a scheduled message that has not been sent yet' },
];

const displayOptions = { show: { resource: ['message'], operation: ['cancel'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const connect = connections(this);
  return await eachItem.call(this, items, async (i) => {
    const { client } = await connect();
    return { ...(await client.cancelMessage(this.getNodeParameter('messageId', i))) };
  });
}
