import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ryzeTagItem } from '../../runtime';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Include Deleted',
		name: 'includeDeleted',
		type: 'boolean',
		default: false,
		description:
			'Whether to also list tags deleted moments ago (RyzeAPI keeps them, marked deleted, until its next sync)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['list'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject[]> {
	const includeDeleted = this.getNodeParameter('includeDeleted', itemIndex, false) as boolean;
	const tags = await (await ryze()).listTags({ includeDeleted });
	return tags.map(ryzeTagItem);
}
