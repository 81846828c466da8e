import type {
	IDataObject,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { connectRyzeApi, oldestTagFirst, ryzeChatItem, ryzeTagItem, toNodeError, type RyzeApiClient, type RyzeTag } from '../RyzeApi/runtime';
import { tagLocator } from '../RyzeApi/actions/common.descriptions';
import { listSearch } from '../RyzeApi/methods';
import { pairHash, readState, stateKey, writeState, type TriggerEvent, type TriggerState } from './state';

/** How many of the newest items a manual test ("Fetch Test Event") returns. */
const MANUAL_SAMPLE = 3;
const EVERY_TAG = '*';

export class RyzeApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'RyzeAPI Trigger',
		name: 'ryzeApiTrigger',
		icon: { light: 'file:ryzeapi.svg', dark: 'file:ryzeapi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newTag" ? "New tag" : "Chat added to tag" }}',
		description: 'Starts the workflow when a WhatsApp Business tag is created or put on a chat (RyzeAPI)',
		defaults: { name: 'RyzeAPI Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ryzeApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Chat Added to Tag',
						value: 'chatAddedToTag',
						description: 'A chat starts carrying one of the tags (one item per chat and tag)',
					},
					{ name: 'New Tag', value: 'newTag', description: 'A tag is created on the instance' },
				],
				default: 'chatAddedToTag',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Tag',
				default: {},
				description: 'Tags to watch. Leave empty to watch every tag, including tags created later.',
				displayOptions: { show: { event: ['chatAddedToTag'] } },
				options: [{ displayName: 'Tag', name: 'tag', values: [{ ...tagLocator, description: 'A tag to watch' }] }],
			},
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		try {
			const client = await connectRyzeApi(this);
			const items = event === 'newTag' ? await newTags(this, client) : await chatsAddedToTags(this, client);
			return items && items.length > 0 ? [this.helpers.returnJsonArray(items)] : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	}
}

async function newTags(context: IPollFunctions, client: RyzeApiClient): Promise<IDataObject[] | null> {
	const { source } = await stateKey(context);
	const staticData = context.getWorkflowStaticData('node');
	const state = readState(staticData, 'newTag', source);
	const tags = (await client.listTags()).sort(oldestTagFirst);
	const item = (tag: RyzeTag) => ({ event: 'newTag', ...ryzeTagItem(tag) });

	if (context.getMode() === 'manual') {
		return tags.slice(-MANUAL_SAMPLE).reverse().map(item);
	}
	const known = new Set(state?.tagIds ?? []);
	writeState(staticData, { event: 'newTag', source, tagIds: tags.map((tag) => tag.id) });
	// First poll of an active workflow: remember what exists, emit nothing.
	if (!state) return null;
	return tags.filter((tag) => !known.has(tag.id)).map(item);
}

async function chatsAddedToTags(context: IPollFunctions, client: RyzeApiClient): Promise<IDataObject[] | null> {
	const { key, source } = await stateKey(context);
	const staticData = context.getWorkflowStaticData('node');
	const state = readState(staticData, 'chatAddedToTag', source);
	const chosen = (context.getNodeParameter('tags.tag', []) as Array<{ tag?: INodeParameterResourceLocator }>)
		.map((entry) => String(entry.tag?.value ?? '').trim())
		.filter((id) => id !== '');
	const tagIds = [...new Set(chosen)];

	const { chats } = await client.chatsByLabel(tagIds.length > 0 ? { labelIds: tagIds } : {});
	const pairs = chats.flatMap((chat) =>
		(chat.labels ?? [])
			.filter((label) => label.id !== undefined && (tagIds.length === 0 || tagIds.includes(label.id)))
			.map((label) => ({
				hash: pairHash(chat.chat_jid ?? '', label.id as string, key),
				tagId: label.id as string,
				item: { event: 'chatAddedToTag', ...ryzeChatItem(chat), tag: { id: label.id, name: label.name ?? '' } },
			})),
	);
	const seen = new Set(state?.seen ?? []);

	if (context.getMode() === 'manual') {
		// RyzeAPI gives no assignment time: pairs not seen by the last poll are the newest; then the rest.
		const unseen = pairs.filter((pair) => !seen.has(pair.hash));
		const rest = pairs.filter((pair) => seen.has(pair.hash));
		return [...unseen.reverse(), ...rest.reverse()].slice(0, MANUAL_SAMPLE).map((pair) => pair.item);
	}

	const watched = new Set(state?.watched ?? []);
	// A tag watched only from now on has its current chats recorded, not reported.
	const wasWatched = (tagId: string) => watched.has(EVERY_TAG) || watched.has(tagId);
	const next: TriggerState = {
		event: 'chatAddedToTag',
		source,
		watched: tagIds.length > 0 ? tagIds : [EVERY_TAG],
		seen: pairs.map((pair) => pair.hash),
	};
	writeState(staticData, next);
	if (!state) return null;
	return pairs.filter((pair) => wasWatched(pair.tagId) && !seen.has(pair.hash)).map((pair) => pair.item);
}

