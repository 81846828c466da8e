import type { ErrorRule } from '../http';

const NUMBER_KEY_PAGE = 'the API Keys page (/api-keys) of the PilotStatus dashboard';

/**
 * PilotStatus failures: `{ error: "<CODE or text>" }` with the HTTP status. Code-specific rows
 * match any 4xx, since the docs name the codes but not always their status.
 */
export const PILOTSTATUS_ERRORS: readonly ErrorRule[] = [
  {
    status: '4xx',
    serviceCode: 'MISSING_TEMPLATE_VARIABLES',
    code: 'MISSING_TEMPLATE_VARIABLES',
    message: 'The template uses variables that were not given',
    hint: 'Fill "variables" with every variable the template uses, named as in the template ({{name}} → "name").',
  },
  {
    status: '4xx',
    serviceCode: 'NOT_SUPPORTED_FOR_META',
    code: 'NOT_SUPPORTED_FOR_META',
    message: 'This WhatsApp number (Meta Cloud API) cannot send to groups or channels',
    hint: 'Send to a phone number, or use a number that is not connected through the Meta Cloud API.',
  },
  {
    status: '4xx',
    serviceCode: 'NUMBER_REQUIRED',
    code: 'NUMBER_REQUIRED',
    message: 'PilotStatus needs to know which WhatsApp number this is for',
    hint: 'With a tenant-scoped key, set the WhatsApp number id in the credentials.',
  },
  {
    status: '4xx',
    serviceCode: 'NUMBER_MISMATCH',
    code: 'NUMBER_MISMATCH',
    message: "The WhatsApp number id does not match the API key's number",
    hint: "Clear the WhatsApp number id in the credentials, or use that number's key.",
  },
  {
    status: '4xx',
    serviceCode: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA',
    code: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA',
    message: 'Sending media needs a paid PilotStatus plan',
    hint: 'Upgrade to a paid plan in the PilotStatus dashboard, or send text or a template without media.',
  },
  {
    status: '4xx',
    serviceCode: 'TENANT_SCOPE_NOT_ALLOWED',
    code: 'TENANT_SCOPE_NOT_ALLOWED',
    message: 'A tenant-scoped API key cannot do this: it needs the key of a WhatsApp number',
    hint: `Use the number-scoped key of the sending number, from ${NUMBER_KEY_PAGE}, as the API key.`,
  },
  {
    status: '4xx',
    serviceCode: 'NUMBER_SCOPE_NOT_ALLOWED',
    code: 'NUMBER_SCOPE_NOT_ALLOWED',
    message: 'A number-scoped API key cannot do this: it needs the tenant key',
    hint: 'Set the tenant-scoped key, from Profile → API in the PilotStatus dashboard, as the tenant API key.',
  },
  {
    status: '4xx',
    serviceCode: 'NUMBER_NOT_FOUND',
    code: 'NUMBER_NOT_FOUND',
    message: 'PilotStatus has no such WhatsApp number in this account',
    hint: 'Check the WhatsApp number id in the credentials; it must belong to the same tenant as the key.',
  },
  {
    status: '4xx',
    serviceCode: 'TEMPLATE_NOT_FOUND',
    code: 'TEMPLATE_NOT_FOUND',
    message: 'PilotStatus has no template with that id or name for this number',
    hint: 'Pick the template from the list; templates belong to one WhatsApp number.',
  },
  {
    status: '4xx',
    serviceCode: 'WEBHOOK_NOT_FOUND',
    code: 'WEBHOOK_NOT_FOUND',
    message: 'PilotStatus has no webhook with that id for this key',
    hint: "Check the id; a number-scoped key only sees its own number's webhooks.",
  },
  {
    status: 400,
    code: 'INVALID_REQUEST',
    message: 'PilotStatus rejected the request',
    hint: 'Check the fields: phones in E.164 with a leading + (e.g. +5511999999999), and every required field present.',
    quoteService: true,
  },
  {
    status: 401,
    code: 'UNAUTHORIZED',
    message: 'PilotStatus did not accept the API key',
    hint: `Check the API key in the credentials (it starts with ps_; regenerating a key replaces the old one). Find it on ${NUMBER_KEY_PAGE}.`,
  },
  {
    status: 402,
    code: 'PAYMENT_REQUIRED',
    message: 'This needs a paid PilotStatus plan',
    hint: 'Check the subscription in the PilotStatus dashboard.',
    quoteService: true,
  },
  {
    status: 403,
    code: 'FORBIDDEN',
    message: 'PilotStatus refused this operation for the API key',
    hint: 'Check that the key scope fits: sending, statuses and templates need a number key; webhooks may use the tenant key.',
    quoteService: true,
  },
  {
    status: 404,
    code: 'NOT_FOUND',
    message: 'PilotStatus found nothing with that id for this API key',
    hint: "Check the id: each key only sees its own number's messages, templates and webhooks.",
    quoteService: true,
  },
  {
    status: 429,
    code: 'RATE_LIMITED',
    message: 'PilotStatus is rate limiting requests',
    hint: 'Retry later, or spread the requests out over time.',
  },
  {
    status: '5xx',
    code: 'SERVER_ERROR',
    message: 'PilotStatus had an internal error',
    hint: 'Retry later. A send that failed this way may still have been queued: check its status before sending again.',
    quoteService: true,
  },
  {
    status: '4xx',
    code: 'BAD_REQUEST',
    message: 'PilotStatus refused the request',
    hint: "Check the inputs; PilotStatus's own words are at the end of the message.",
    quoteService: true,
  },
];
