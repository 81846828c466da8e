import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { tagNameKey } from '../runtime';
import { instanceTags, tagOption } from './tags';

/** Tags whose name contains the filter (compared as the core compares tag names), or whose ID is it. */
export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = filter?.trim() ? tagNameKey(filter) : '';
	const tags = (await instanceTags(this)).filter((tag) => !wanted || tagNameKey(tag.name).includes(wanted) || tag.id === filter?.trim());
	return { results: tags.map(tagOption) };
}
