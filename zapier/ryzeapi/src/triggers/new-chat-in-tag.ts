import { defineTrigger, type Bundle, type PollingTriggerPerform, type ZObject } from 'zapier-platform-core';
import { unwrap } from '../../../../shared/errors';
import { parseResourceId } from '../../../../shared/http';
import { handled, ryzeApi } from '../client';
import { chatItem, tagIdField } from '../tags';

const tagId = tagIdField('The tag to watch.');

/**
 * The chats carrying the tag, one item each with id `<tagId>:<chatId>`: Zapier triggers once per
 * chat the first time it carries the tag. RyzeAPI gives no assignment time, so items keep
 * RyzeAPI's order; a chat that loses the tag and gets it again does not trigger twice.
 */
const perform = handled(
  async (z: ZObject, bundle: Bundle) => {
    const wanted = unwrap(parseResourceId(bundle.inputData.tagId, 'tagId'));
    const { chats } = await ryzeApi(z, bundle).chatsByLabel({ labelIds: [wanted] });
    return chats.flatMap((chat) =>
      (chat.labels ?? []).filter((label) => label.id === wanted).map((label) => chatItem({ id: wanted, name: label.name ?? '' }, chat)),
    );
  },
  [tagId],
  { labelIds: 'tagId' },
) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: 'new_chat_in_tag',
  noun: 'Chat',
  display: {
    label: 'New Chat in Tag',
    description: 'Triggers when a chat gets a WhatsApp Business tag (label).',
  },
  operation: {
    type: 'polling',
    inputFields: [tagId],
    perform,
    sample: {
      id: '2:5511988887777',
      tagId: '2',
      tagName: 'VIP',
      chatId: '5511988887777',
      chatJid: '5511988887777@s.whatsapp.net',
      phone: '+5511988887777',
      name: 'Ana Souza',
    },
    outputFields: [
      { key: 'id', label: 'Tag and Chat ID' },
      { key: 'tagId', label: 'Tag ID' },
      { key: 'tagName', label: 'Tag Name' },
      { key: 'chatId', label: 'Chat' },
      { key: 'chatJid', label: 'Chat WhatsApp ID' },
      { key: 'phone', label: 'Phone Number' },
      { key: 'name', label: 'Chat Name' },
    ],
  },
});
