import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ryzeTagItem } from '../../runtime';
import { chatField, defaultCountryOnlyOptions, tagNameField } from '../common.descriptions';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [
	{ ...chatField, description: `The chat to take the tag off. ${chatField.description}` },
	{ ...tagNameField, description: `${tagNameField.description}. When no tag has this name, nothing is removed and the item says so.` },
	defaultCountryOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['unassignByName'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject> {
	const number = this.getNodeParameter('chat', itemIndex) as unknown;
	const name = this.getNodeParameter('tagName', itemIndex) as unknown;
	const { defaultCountry } = this.getNodeParameter('options', itemIndex, {}) as { defaultCountry?: string };
	const result = await (await ryze({ defaultCountry })).unassignTagByName({ number, name });
	// A missing tag is not an error: the chat does not carry it, which is what was asked.
	if (!result.unassigned) return { chatId: result.number, unassigned: false, reason: result.reason, message: result.message };
	return { chatId: result.number, tagId: result.tagId, unassigned: true, tag: ryzeTagItem(result.tag) };
}
