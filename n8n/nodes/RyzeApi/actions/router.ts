import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { connectRyzeApi, errorItem, toNodeError, type RyzeApiClient } from '../runtime';
import * as tag from './tag/Tag.resource';
import type { RyzeConnector } from './types';

const resources: Record<string, { operations: typeof tag.operations }> = { tag };

/**
 * Runs the chosen operation once per input item. A failed item becomes an error item (paired
 * with its input) under "continue on fail"; otherwise the core's error stops the node as a
 * NodeApiError / NodeOperationError carrying the core's message and hint.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.operations[operation]?.execute;
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}

	const clients = new Map<string, Promise<RyzeApiClient>>();
	const ryze: RyzeConnector = (options = {}) => {
		const country = options.defaultCountry?.trim() ?? '';
		let client = clients.get(country);
		if (!client) {
			client = connectRyzeApi(this, country ? { defaultCountry: country } : {});
			clients.set(country, client);
			// A failed connection (bad credential) is reported on each item that needs it.
			client.catch(() => clients.delete(country));
		}
		return client;
	};

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run.call(this, itemIndex, ryze);
			output.push(...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: itemIndex } }));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			throw toNodeError(this.getNode(), error, itemIndex);
		}
	}
	return [output];
}
