import type { PlainInputField } from 'zapier-platform-core';
import { fromRyzeChatId, parseRyzeChatId } from '../../../shared/destinations';
import type { RyzeChatWithLabels, RyzeTag } from '../../../shared/ryzeapi';
import { normalizeTagColor, TAG_PALETTE } from '../../../shared/tags';

export const NEW_TAG_TRIGGER_KEY = 'new_tag';
export const FIND_TAG_SEARCH_KEY = 'find_tag';

/** A tag as a flat item, with its palette color's name and shade. */
export function tagItem(tag: RyzeTag) {
  const color = normalizeTagColor(tag.color);
  return { ...tag, id: tag.id, name: tag.name, color: tag.color, colorName: color.name, colorHex: color.hex, deleted: tag.deleted };
}

export const TAG_SAMPLE = { id: '3', name: 'Follow up', color: 5, colorName: 'Mint Green', colorHex: '#55ccb3', type: 'CUSTOM', deleted: false };

export const TAG_OUTPUT_FIELDS = [
  { key: 'id', label: 'Tag ID' },
  { key: 'name', label: 'Name' },
  { key: 'color', label: 'Color Index', type: 'integer' },
  { key: 'colorName', label: 'Color' },
  { key: 'colorHex', label: 'Color Hex' },
  { key: 'type', label: 'Type' },
  { key: 'deleted', label: 'Deleted', type: 'boolean' },
] as const;


/** Tag ids are picked from the New Tag trigger, or found (and created) by name with Find Tag. */
export const tagIdField = (helpText: string) =>
  ({
    key: 'tagId',
    label: 'Tag',
    required: true,
    dynamic: `${NEW_TAG_TRIGGER_KEY}.id.name`,
    search: `${FIND_TAG_SEARCH_KEY}.id`,
    helpText,
  }) satisfies PlainInputField;

export const chatNumberField = {
  key: 'number',
  label: 'Chat',
  required: true,
  helpText: 'A phone number with its country code (e.g. 5511999999999 or +55 11 99999-9999), or a WhatsApp id (`…@s.whatsapp.net`, `…@lid`, `…@g.us`).',
} satisfies PlainInputField;

export { defaultCountryField } from '../../common/input';

export const colorField = {
  key: 'color',
  label: 'Color',
  required: false,
  choices: TAG_PALETTE.map((entry) => ({ value: String(entry.color), sample: String(entry.color), label: entry.name })),
  helpText: 'A WhatsApp Business label color. Left empty, RyzeAPI uses Coral Red.',
} satisfies PlainInputField;

/**
 * One chat carrying one tag. `chatId` is the chat as RyzeAPI takes it (phone digits, or the
 * group/`@lid` id), `phone` its E.164 number when it is a person with a known number.
 */
export function chatItem(tag: { id: string; name: string }, chat: RyzeChatWithLabels) {
  const { labels: _labels, chat_jid: chatJid, ...rest } = chat;
  const jid = chatJid ?? '';
  const parsed = parseRyzeChatId(jid);
  const chatId = parsed.ok ? parsed.value : jid;
  const destination = fromRyzeChatId(chatId);
  return {
    ...rest,
    id: `${tag.id}:${chatId}`,
    tagId: tag.id,
    tagName: tag.name,
    chatId,
    chatJid: jid,
    phone: destination.ok && destination.value.kind === 'PHONE' ? destination.value.value : null,
  };
}
