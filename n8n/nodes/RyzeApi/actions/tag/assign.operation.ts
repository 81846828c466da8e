import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { chatField, defaultCountryOnlyOptions, tagLocator } from '../common.descriptions';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [
	{ ...chatField, description: `The chat to tag. ${chatField.description}` },
	{ ...tagLocator, description: 'The tag to put on the chat' },
	defaultCountryOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['assign'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject> {
	const number = this.getNodeParameter('chat', itemIndex) as unknown;
	const tagId = this.getNodeParameter('tag', itemIndex, '', { extractValue: true }) as unknown;
	const { defaultCountry } = this.getNodeParameter('options', itemIndex, {}) as { defaultCountry?: string };
	const result = await (await ryze({ defaultCountry })).assignTag({ number, tagId });
	return { chatId: result.number, tagId: result.tagId, assigned: true };
}
