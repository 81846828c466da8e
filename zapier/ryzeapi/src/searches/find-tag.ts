import { defineSearch, type Bundle, type PlainInputField, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { unwrap } from '../../../../shared/errors';
import { findTagsByName } from '../../../../shared/ryzeapi';
import { parseTagName } from '../../../../shared/tags';
import { handled, ryzeApi } from '../client';
import { FIND_TAG_SEARCH_KEY, TAG_OUTPUT_FIELDS, TAG_SAMPLE, tagItem } from '../tags';

const name = { key: 'name', label: 'Name', required: true, helpText: 'The tag name; case and surrounding spaces are ignored.' } satisfies PlainInputField;

/** The tag with that name (the oldest, should the instance hold two), or none. */
const perform = handled(
  async (z: ZObject, bundle: Bundle) => {
    const tagName = unwrap(parseTagName(bundle.inputData.name, 'name'));
    const found = findTagsByName(await ryzeApi(z, bundle).listTags(), tagName);
    return found.slice(0, 1).map(tagItem);
  },
  [name],
) satisfies SearchPerform;

export default defineSearch({
  key: FIND_TAG_SEARCH_KEY,
  noun: 'Tag',
  display: {
    label: 'Find Tag',
    description: 'Finds a WhatsApp Business tag (label) by name.',
  },
  operation: {
    inputFields: [name],
    perform,
    sample: TAG_SAMPLE,
    outputFields: [...TAG_OUTPUT_FIELDS],
  },
});
