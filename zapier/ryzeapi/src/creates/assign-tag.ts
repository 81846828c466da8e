import { defineCreate, type Bundle, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { handled, ryzeApi } from '../client';
import { chatNumberField, defaultCountryField, tagIdField } from '../tags';

const fields = [chatNumberField, tagIdField('The tag to put on the chat.'), defaultCountryField];

/** Idempotent at RyzeAPI; the core normalizes the chat (any phone notation or WhatsApp id). */
const perform = handled(async (z: ZObject, bundle: Bundle) => {
  const { number, tagId, defaultCountry } = bundle.inputData;
  const result = await ryzeApi(z, bundle, { defaultCountry }).assignTag({ number, tagId });
  return { id: `${result.tagId}:${result.number}`, ...result };
}, fields) satisfies CreatePerform;

export default defineCreate({
  key: 'assign_tag',
  noun: 'Tag Assignment',
  display: {
    label: 'Assign Tag',
    description: 'Puts a WhatsApp Business tag (label) on a chat. Assigning it again changes nothing.',
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
