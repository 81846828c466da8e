import type { INodeProperties } from 'n8n-workflow';
import * as assign from './assign.operation';
import * as assignByName from './assignByName.operation';
import * as create from './create.operation';
import * as deleteTag from './delete.operation';
import * as list from './list.operation';
import * as listChats from './listChats.operation';
import * as unassign from './unassign.operation';
import * as unassignByName from './unassignByName.operation';
import type { OperationExecute } from '../types';

export const operations: Record<string, { execute: OperationExecute }> = {
	assign,
	assignByName,
	create,
	delete: deleteTag,
	list,
	listChats,
	unassign,
	unassignByName,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Assign', value: 'assign', description: 'Put a tag on a chat', action: 'Assign a tag to a chat' },
			{
				name: 'Assign by Name',
				value: 'assignByName',
				description: 'Put a tag on a chat by its name, creating the tag only if it does not exist',
				action: 'Assign a tag to a chat by name',
			},
			{ name: 'Create', value: 'create', description: 'Create a tag', action: 'Create a tag' },
			{ name: 'Delete', value: 'delete', description: 'Delete a tag and remove it from every chat', action: 'Delete a tag' },
			{ name: 'List', value: 'list', description: 'List the tags of the instance', action: 'List tags' },
			{ name: 'List Chats', value: 'listChats', description: 'List the chats that carry given tags', action: 'List chats by tag' },
			{ name: 'Unassign', value: 'unassign', description: 'Take a tag off a chat', action: 'Unassign a tag from a chat' },
			{
				name: 'Unassign by Name',
				value: 'unassignByName',
				description: 'Take a tag off a chat by its name; a name no tag has removes nothing',
				action: 'Unassign a tag from a chat by name',
			},
		],
		default: 'list',
	},
	...assign.description,
	...assignByName.description,
	...create.description,
	...deleteTag.description,
	...list.description,
	...listChats.description,
	...unassign.description,
	...unassignByName.description,
];
