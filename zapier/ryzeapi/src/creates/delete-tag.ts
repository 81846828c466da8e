import { defineCreate, type Bundle, type CreatePerform, type ZObject } from 'zapier-platform-core';
import { handled, ryzeApi } from '../client';
import { tagIdField, tagItem } from '../tags';

const tagId = tagIdField('The tag to delete. It is also removed from every chat.');

const perform = handled(async (z: ZObject, bundle: Bundle) => {
  const tag = await ryzeApi(z, bundle).deleteTag(bundle.inputData.tagId);
  // RyzeAPI answers with the deleted tag; after a retried call whose first answer was lost, with nothing.
  return tag ? { ...tagItem(tag), deleted: true } : { id: String(bundle.inputData.tagId).trim(), deleted: true };
}, [tagId]) satisfies CreatePerform;

export default defineCreate({
  key: 'delete_tag',
  noun: 'Tag',
  display: {
    label: 'Delete Tag',
    description: 'Deletes a WhatsApp Business tag (label) and removes it from every chat.',
  },
  operation: {
    inputFields: [tagId],
    perform,
    sample: { id: '3', name: '', color: 0, colorName: 'Coral Red', colorHex: '#ff9485', deleted: true },
    outputFields: [
      { key: 'id', label: 'Tag ID' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
    ],
  },
});
