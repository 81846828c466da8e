import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { connectPilotStatus, errorItem, toNodeError, type PilotStatusConnection } from '../runtime';

/**
 * Runs one operation per input item. Each result becomes an output item paired with its input;
 * a failure becomes an error item under "Continue On Fail", otherwise the node fails with the
 * core's message and hint (NodeApiError for an API answer, NodeOperationError for bad input).
 */
export async function eachItem(
  this: IExecuteFunctions,
  items: INodeExecutionData[],
  run: (itemIndex: number) => Promise<object | object[]>,
): Promise<INodeExecutionData[]> {
  const output: INodeExecutionData[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    try {
      const result = await run(itemIndex);
      for (const json of Array.isArray(result) ? result : [result]) output.push({ json: json as IDataObject, pairedItem: { item: itemIndex } });
    } catch (error) {
      if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
      output.push(errorItem(error, itemIndex));
    }
  }
  return output;
}

/**
 * One core client per default country for the whole execution: the credential is read once,
 * not once per item.
 */
export function connections(context: IExecuteFunctions): (defaultCountry?: string) => Promise<PilotStatusConnection> {
  const byCountry = new Map<string, Promise<PilotStatusConnection>>();
  return (defaultCountry = '') => {
    const key = defaultCountry.trim();
    let connection = byCountry.get(key);
    if (!connection) {
      connection = connectPilotStatus(context, key ? { defaultCountry: key } : {});
      byCountry.set(key, connection);
    }
    return connection;
  };
}
