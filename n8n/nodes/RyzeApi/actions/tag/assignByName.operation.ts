import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ryzeTagItem } from '../../runtime';
import { chatField, colorOptions, defaultCountryOption, tagNameField } from '../common.descriptions';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [
	{ ...chatField, description: `The chat to tag. ${chatField.description}` },
	{
		...tagNameField,
		description: `${tagNameField.description}. A tag with this name is created only when none exists, so running this twice never makes two tags.`,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Color (If Created)',
				name: 'color',
				type: 'options',
				options: colorOptions,
				default: 0,
				description: 'Color for the tag when it has to be created; an existing tag keeps its color',
			},
			defaultCountryOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['assignByName'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject> {
	const number = this.getNodeParameter('chat', itemIndex) as unknown;
	const name = this.getNodeParameter('tagName', itemIndex) as unknown;
	const { color, defaultCountry } = this.getNodeParameter('options', itemIndex, {}) as { color?: unknown; defaultCountry?: string };
	const result = await (await ryze({ defaultCountry })).assignTagByName({ number, name, color });
	return {
		chatId: result.number,
		tagId: result.tagId,
		assigned: true,
		tagCreated: result.tagCreated,
		colorNormalized: result.colorNormalized,
		tag: ryzeTagItem(result.tag),
	};
}
