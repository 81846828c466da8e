import type { ILoadOptionsFunctions, INodeListSearchItems } from 'n8n-workflow';
import { connectRyzeApi, ryzeTagItem, toNodeError, type RyzeTag } from '../runtime';

/** A tag as a list entry: its name with its color, the ID as value. */
export function tagOption(tag: RyzeTag): INodeListSearchItems {
	const colorName = ryzeTagItem(tag).colorName as string | null;
	return {
		name: `${tag.name} (${colorName ?? `color ${tag.color}`})`,
		value: tag.id,
		description: `ID ${tag.id} · color ${tag.color}${colorName ? ` (${colorName})` : ''}`,
	};
}

/** The instance's live tags, for the editor's lists; a failure shows the core's message. */
export async function instanceTags(context: ILoadOptionsFunctions): Promise<RyzeTag[]> {
	try {
		return await (await connectRyzeApi(context)).listTags();
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
}
