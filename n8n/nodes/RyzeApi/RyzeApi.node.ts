import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { router } from './actions/router';
import * as tag from './actions/tag/Tag.resource';
import { listSearch, loadOptions } from './methods';

export class RyzeApi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RyzeAPI',
		name: 'ryzeApi',
		icon: { light: 'file:ryzeapi.svg', dark: 'file:ryzeapi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage WhatsApp Business tags (labels) on a RyzeAPI instance',
		defaults: { name: 'RyzeAPI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ryzeApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Tag', value: 'tag' }],
				default: 'tag',
			},
			...tag.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
