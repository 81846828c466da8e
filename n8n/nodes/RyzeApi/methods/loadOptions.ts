import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { instanceTags, tagOption } from './tags';

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await instanceTags(this)).map(tagOption);
}
