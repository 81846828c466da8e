import type { IDataObject } from 'n8n-workflow';
import { fromRyzeChatId } from '../../shared/destinations';
import type { RyzeChatWithLabels, RyzeTag } from '../../shared/ryzeapi';
import { TAG_PALETTE } from '../../shared/tags';

/**
 * How RyzeAPI tags and chats look as n8n output items, for the RyzeAPI node and its trigger
 * alike: the API's fields plus the palette name of the color and, for a chat, the destination
 * the core reads from its chat id (E.164 for a phone; a group or channel id; null for a hidden
 * `@lid` user, which has no phone to send to).
 */
export function ryzeTagItem(tag: RyzeTag): IDataObject {
  const palette = TAG_PALETTE.find((entry) => entry.color === tag.color);
  return { ...tag, colorName: palette?.name ?? null, colorHex: palette?.hex ?? null };
}

export function ryzeChatItem(chat: RyzeChatWithLabels): IDataObject {
  const chatId = typeof chat.chat_jid === 'string' ? chat.chat_jid : '';
  const destination = fromRyzeChatId(chatId);
  const name = (chat as { name?: unknown }).name;
  return {
    chatId,
    destination: destination.ok ? destination.value.value : null,
    destinationType: destination.ok ? destination.value.kind : null,
    name: typeof name === 'string' ? name : '',
    labels: (chat.labels ?? []).map((label) => ({ id: label.id ?? null, name: label.name ?? '' })),
  };
}
