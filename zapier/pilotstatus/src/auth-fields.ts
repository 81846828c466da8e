import type { AuthField } from 'zapier-platform-core';
import { PILOTSTATUS_DEFAULT_BASE_URL } from '../../../shared/pilotstatus';

/** The connection form. Only the keys are secrets; the rest is marked so Zapier's logs keep it readable. */
export const AUTH_FIELDS: AuthField[] = [
  {
    key: 'apiKey',
    label: 'API Key',
    type: 'password',
    required: true,
    helpText: 'The number-scoped key (starts with `ps_`) from the API Keys page (/api-keys) of the PilotStatus dashboard. It sends messages and reads statuses and templates.',
  },
  {
    key: 'retentionDays',
    label: 'Retention Days',
    type: 'integer',
    required: true,
    default: '0',
    isNoSecret: true,
    helpText:
      'The retention set on this key in the dashboard. 0: labels are created but PilotStatus keeps no label–contact link (no personal data). PilotStatus does not report it, so it must match the dashboard.',
  },
  {
    key: 'tenantApiKey',
    label: 'Tenant API Key',
    type: 'password',
    required: false,
    helpText: 'Optional. The tenant-scoped key (Profile → API) used for the Message Event trigger’s webhooks. Without it, the number key manages its own number’s webhooks.',
  },
  {
    key: 'whatsappNumberId',
    label: 'WhatsApp Number ID',
    type: 'string',
    required: false,
    isNoSecret: true,
    helpText: 'Optional. With a tenant key: the WhatsApp number its webhooks are for. Events of other numbers are ignored.',
  },
  {
    key: 'baseUrl',
    label: 'Base URL',
    type: 'string',
    required: false,
    isNoSecret: true,
    placeholder: PILOTSTATUS_DEFAULT_BASE_URL,
    helpText: `Advanced: leave empty for PilotStatus itself (${PILOTSTATUS_DEFAULT_BASE_URL}). Change it only to point at a test server.`,
  },
];
