import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ryzeTagItem } from '../../runtime';
import { colorOptions } from '../common.descriptions';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. VIP',
		description: 'Name of the new tag. RyzeAPI does not refuse a name already in use: use "Assign by Name" to reuse a tag.',
	},
	{
		displayName: 'Color',
		name: 'color',
		type: 'options',
		options: colorOptions,
		default: 0,
		description:
			'Color from the WhatsApp Business palette. With an expression, an index (0–10), a palette name or its hex also works; anything else becomes Coral Red (0), as RyzeAPI does, and the output says so (colorNormalized).',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject> {
	const name = this.getNodeParameter('name', itemIndex) as unknown;
	const color = this.getNodeParameter('color', itemIndex, undefined) as unknown;
	const created = await (await ryze()).createTag({ name, color });
	return {
		...ryzeTagItem(created.tag),
		colorNormalized: created.colorNormalized,
		...(created.color.reason ? { colorNormalizationReason: created.color.reason } : {}),
	};
}
