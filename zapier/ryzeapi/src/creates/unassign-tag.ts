import { defineCreate, type Bundle, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { handled, ryzeApi } from '../client';
import { chatNumberField, defaultCountryField, tagIdField } from '../tags';

const fields = [chatNumberField, tagIdField('The tag to remove from the chat.'), defaultCountryField];

/** Idempotent at RyzeAPI; the core normalizes the chat (any phone notation or WhatsApp id). */
const perform = handled(async (z: ZObject, bundle: Bundle) => {
  const { number, tagId, defaultCountry } = bundle.inputData;
  const result = await ryzeApi(z, bundle, { defaultCountry }).unassignTag({ number, tagId });
  return { id: `${result.tagId}:${result.number}`, ...result };
}, fields) satisfies CreatePerform;

export default defineCreate({
  key: 'unassign_tag',
  noun: 'Tag Assignment',
  display: {
    label: 'Unassign Tag',
    description: 'Removes a WhatsApp Business tag (label) from a chat. Removing it again changes nothing.',
  },
  operation: {
    inputFields: fields,
    perform,
    sample: { id: '2:5511988887777', number: '5511988887777', tagId: '2' },
    outputFields: [
      { key: 'id', label: 'Tag and Chat ID' },
      { key: 'number', label: 'Chat' },
      { key: 'tagId', label: 'Tag ID' },
    ],
  },
});
