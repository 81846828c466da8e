import type { INodeProperties } from 'n8n-workflow';
import { defaultCountryProperty, TAG_PALETTE } from '../runtime';

/** A tag picked from the instance's list (name and color shown) or given by its ID. */
export const tagLocator: INodeProperties = {
	displayName: 'Tag',
	name: 'tag',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The WhatsApp Business tag (label) on the instance',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a tag...',
			typeOptions: { searchListMethod: 'searchTags', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3',
		},
	],
};

/** A chat as a user may write it; the core reads and normalizes it. */
export const chatField: INodeProperties = {
	displayName: 'Chat',
	name: 'chat',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +55 11 98888-7777',
	description:
		'Phone number in any notation (with its country code, or set a default country), or a WhatsApp ID: …@s.whatsapp.net, …@lid, …@g.us or …@newsletter',
};

/** The WhatsApp Business palette, by name, from the core: the value is the color index. */
export const colorOptions = TAG_PALETTE.map((entry) => ({
	name: `${entry.name} (${entry.color})`,
	value: entry.color,
	description: entry.hex,
}));

export const defaultCountryOption: INodeProperties = defaultCountryProperty;

/** A tag given by name: matched trimmed and case-insensitively, as the core's findTagsByName does. */
export const tagNameField: INodeProperties = {
	displayName: 'Tag Name',
	name: 'tagName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. VIP',
	description: 'Name of the tag, matched trimmed and case-insensitively',
};

/** The options of the operations whose only option is the default country for national numbers. */
export const defaultCountryOnlyOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [defaultCountryOption],
};
