import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { issue, ryzeChatItem, ValidationError } from '../../runtime';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Filter By',
		name: 'filterBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'All Tagged Chats', value: 'all', description: 'Every chat that carries at least one tag' },
			{ name: 'Tag Names', value: 'names', description: 'Tags given by name (case-insensitive)' },
			{ name: 'Tags', value: 'ids', description: 'Tags picked from the list, or given by ID' },
		],
		default: 'ids',
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tagIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		required: true,
		description:
			'Chats carrying any of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { filterBy: ['ids'] } },
	},
	{
		displayName: 'Tag Names',
		name: 'tagNames',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. VIP, New customer',
		description: 'Chats carrying any of these tags, by name, separated by commas (or a list from an expression)',
		displayOptions: { show: { filterBy: ['names'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Refresh',
				name: 'refresh',
				type: 'boolean',
				default: false,
				description: 'Whether RyzeAPI should sync the labels from WhatsApp before answering (slower, up to date)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['listChats'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject[]> {
	const filterBy = this.getNodeParameter('filterBy', itemIndex) as 'all' | 'names' | 'ids';
	const { refresh } = this.getNodeParameter('options', itemIndex, {}) as { refresh?: boolean };
	const given = filterBy === 'all' ? undefined : (this.getNodeParameter(filterBy === 'ids' ? 'tagIds' : 'tagNames', itemIndex) as unknown);
	if (filterBy !== 'all' && isBlank(given)) {
		// The API reads "no filter" as "every tagged chat": an unfilled field must not widen the list.
		throw new ValidationError(
			[issue(filterBy === 'ids' ? 'tagIds' : 'tagNames', 'required', 'needs at least one tag (or set "Filter By" to "All Tagged Chats")')],
		);
	}
	const filter = filterBy === 'ids' ? { labelIds: given } : filterBy === 'names' ? { labelNames: given } : {};
	const { chats } = await (await ryze()).chatsByLabel({ ...filter, ...(refresh !== undefined ? { refresh } : {}) });
	return chats.map(ryzeChatItem);
}

function isBlank(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	return Array.isArray(value) && value.length === 0;
}
