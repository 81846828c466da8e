import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { connections, eachItem } from '../items';

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['template'], operation: ['list'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per template of the key's WhatsApp number. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const connect = connections(this);
  return await eachItem.call(this, items, async () => {
    const { client } = await connect();
    return await client.listTemplates();
  });
}
