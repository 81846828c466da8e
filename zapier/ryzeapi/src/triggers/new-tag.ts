import { defineTrigger, type Bundle, type PollingTriggerPerform, type ZObject } from 'zapier-platform-core';
import { handled, ryzeApi } from '../client';
import { newestTagFirst } from '../../../../shared/ryzeapi';
import { NEW_TAG_TRIGGER_KEY, TAG_OUTPUT_FIELDS, TAG_SAMPLE, tagItem } from '../tags';

/** Every live tag, newest first; Zapier triggers on ids it has not seen. Also fills the tag dropdowns. */
const perform = handled(async (z: ZObject, bundle: Bundle) => (await ryzeApi(z, bundle).listTags()).sort(newestTagFirst).map(tagItem)) satisfies PollingTriggerPerform;

export default defineTrigger({
  key: NEW_TAG_TRIGGER_KEY,
  noun: 'Tag',
  display: {
    label: 'New Tag',
    description: 'Triggers when a WhatsApp Business tag (label) is created on the instance.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: TAG_SAMPLE,
    outputFields: [...TAG_OUTPUT_FIELDS],
  },
});
