import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { ryzeTagItem } from '../../runtime';
import { tagLocator } from '../common.descriptions';
import type { RyzeConnector } from '../types';

const properties: INodeProperties[] = [{ ...tagLocator, description: 'The tag to delete. It is also removed from every chat.' }];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, ryze: RyzeConnector): Promise<IDataObject> {
	const tagId = this.getNodeParameter('tag', itemIndex, '', { extractValue: true }) as unknown;
	const tag = await (await ryze()).deleteTag(tagId);
	return { ...(tag ? ryzeTagItem(tag) : {}), tagId: tag?.id ?? String(tagId), deleted: true };
}
