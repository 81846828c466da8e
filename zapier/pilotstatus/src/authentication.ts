import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { AUTH_FIELDS } from './auth-fields';
import { handled, pilotStatus, retentionOf } from './client';

/** Lists the templates: a call every number key may make, and the one the template dropdown needs. */
const test = handled(async (z: ZObject, bundle: Bundle) => {
  const client = pilotStatus(z, bundle);
  const { retentionDays } = retentionOf(bundle);
  const templates = await client.listTemplates();
  return { baseUrl: client.baseUrl, templates: templates.length, retentionDays };
});

/** "PilotStatus (pilotstatus.com.br)", with the WhatsApp number id when one is set; never a key. */
const connectionLabel = async (z: ZObject, bundle: Bundle): Promise<string> => {
  let host = 'custom server';
  try {
    host = new URL(pilotStatus(z, bundle).baseUrl).host;
  } catch {
    // Unreadable credentials: the test already reported them.
  }
  const numberId = bundle.authData.whatsappNumberId?.trim();
  return numberId ? `PilotStatus ${numberId} (${host})` : `PilotStatus (${host})`;
};

export default {
  type: 'custom',
  fields: AUTH_FIELDS,
  test,
  connectionLabel,
} satisfies Authentication;
