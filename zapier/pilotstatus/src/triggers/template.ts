import { defineTrigger, type Bundle, type PollingTriggerPerform, type ZObject } from 'zapier-platform-core';
import type { PilotStatusTemplate } from '../../../../shared/pilotstatus';
import { handled, pilotStatus } from '../client';

export const TEMPLATE_TRIGGER_KEY = 'template';

/** A template as a flat item; `variables` as plain names, whichever shape PilotStatus sent. */
export function templateItem(template: PilotStatusTemplate) {
  return {
    ...template,
    id: template.id,
    name: template.name,
    variables: (template.variables ?? []).map((variable) => (typeof variable === 'string' ? variable : variable.name)),
  };
}

const perform = handled(async (z: ZObject, bundle: Bundle) => (await pilotStatus(z, bundle).listTemplates()).map(templateItem)) satisfies PollingTriggerPerform;

/** Hidden: it feeds the Template dropdown of Send Message (`dynamic: 'template.id.name'`). */
export default defineTrigger({
  key: TEMPLATE_TRIGGER_KEY,
  noun: 'Template',
  display: {
    label: 'New Template',
    description: 'Triggers when a message template is available to the connected number (used for the template dropdown).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform,
    sample: { id: 'tpl_welcome', name: 'welcome', category: 'UTILITY', source: 'PILOT_STATUS', sendable: true, variables: ['name'] },
    outputFields: [
      { key: 'id', label: 'Template ID' },
      { key: 'name', label: 'Name' },
      { key: 'category', label: 'Category' },
      { key: 'source', label: 'Source' },
      { key: 'metaStatus', label: 'Meta Status' },
      { key: 'metaLanguage', label: 'Meta Language' },
      { key: 'sendable', label: 'Sendable', type: 'boolean' },
      { key: 'variables[]', label: 'Variables' },
    ],
  },
});
