import { defineCreate, type Bundle, type CreatePerform, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { handled, ryzeApi } from '../client';
import { colorField, FIND_TAG_SEARCH_KEY, TAG_OUTPUT_FIELDS, TAG_SAMPLE, tagItem } from '../tags';

const name = { key: 'name', label: 'Name', required: true, helpText: 'The tag name, as it will show in WhatsApp Business.' } satisfies PlainInputField;

/**
 * On its own, creates the tag, as RyzeAPI does (a second "VIP" is a second tag). As the create
 * step of Find Tag's "create if not found", it goes through the core's `ensureTag`: the tag is
 * created only if still absent, and two Zaps racing on one name end with one tag.
 */
const perform = handled(
  async (z: ZObject, bundle: Bundle) => {
    const client = ryzeApi(z, bundle);
    const { name: tagName, color } = bundle.inputData;
    if (bundle.meta?.withSearch === FIND_TAG_SEARCH_KEY) {
      const ensured = await client.ensureTag(tagName, color);
      return { ...tagItem(ensured.tag), created: ensured.created, colorNormalized: ensured.colorNormalized };
    }
    const created = await client.createTag({ name: tagName, color });
    return { ...tagItem(created.tag), created: true, colorNormalized: created.colorNormalized };
  },
  [name, colorField],
) satisfies CreatePerform;

export default defineCreate({
  key: 'create_tag',
  noun: 'Tag',
  display: {
    label: 'Create Tag',
    description: 'Creates a WhatsApp Business tag (label) on the instance.',
  },
  operation: {
    inputFields: [name, colorField],
    perform,
    sample: { ...TAG_SAMPLE, created: true, colorNormalized: false },
    outputFields: [
      ...TAG_OUTPUT_FIELDS,
      { key: 'created', label: 'Created', type: 'boolean' },
      { key: 'colorNormalized', label: 'Color Replaced by Coral Red', type: 'boolean' },
    ],
  },
});
