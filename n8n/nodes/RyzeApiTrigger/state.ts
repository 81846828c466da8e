import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import {
	credentialsInput,
	destinationHash,
	parseRyzeApiCredentials,
	parseRyzeChatId,
	RYZEAPI_CREDENTIAL,
} from '../RyzeApi/runtime';

export type TriggerEvent = 'newTag' | 'chatAddedToTag';

/**
 * What the trigger remembers between polls, in the workflow's static data. It holds no phone
 * number, chat id or token: chat–tag pairs are kept only as the core's keyed `destinationHash`,
 * under a key derived from the credential's token (and never stored).
 */
export interface TriggerState extends IDataObject {
	event: TriggerEvent;
	/** A keyed fingerprint of the credential (token, instance, base URL): another one starts over. */
	source: string;
	/** New Tag: the live tag IDs seen at the last poll. */
	tagIds?: string[];
	/** Chat Added to Tag: the tag IDs whose chats are already recorded ('*': every tag). */
	watched?: string[];
	/** Chat Added to Tag: keyed hashes of the chat–tag pairs seen at the last poll. */
	seen?: string[];
}

export interface StateKey {
	/** HMAC key for this credential's pairs; lives only in memory. */
	readonly key: string;
	readonly source: string;
}

export async function stateKey(context: IPollFunctions): Promise<StateKey> {
	const values = credentialsInput(await context.getCredentials(RYZEAPI_CREDENTIAL));
	const { token, baseUrl } = parseRyzeApiCredentials(values);
	const instance = typeof values.instance === 'string' ? values.instance.trim() : '';
	const key = destinationHash(`n8n-ryzeapi-trigger|${baseUrl}|${instance}`, token);
	return { key, source: destinationHash('source', key) };
}

/** The keyed hash of one chat carrying one tag; the chat is read as the core reads chat ids. */
export function pairHash(chatId: string, tagId: string, key: string): string {
	const chat = parseRyzeChatId(chatId);
	return destinationHash(`${chat.ok ? chat.value : chatId}#${tagId}`, key);
}

/** The stored state when it belongs to this event and credential; otherwise none (a first poll). */
export function readState(staticData: IDataObject, event: TriggerEvent, source: string): TriggerState | undefined {
	const state = staticData as Partial<TriggerState>;
	return state.event === event && state.source === source ? (state as TriggerState) : undefined;
}

/** Replaces the stored state, touching static data only when it changed (n8n saves it then). */
export function writeState(staticData: IDataObject, next: TriggerState): void {
	if (JSON.stringify(pick(staticData)) === JSON.stringify(pick(next))) return;
	for (const key of Object.keys(staticData)) delete staticData[key];
	Object.assign(staticData, next);
}

const pick = (data: IDataObject) => ({
	event: data.event,
	source: data.source,
	tagIds: data.tagIds,
	watched: data.watched,
	seen: data.seen,
});
