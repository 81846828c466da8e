import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { AUTH_FIELDS } from './auth-fields';
import { handled, ryzeApi } from './client';

/** Lists the instance's tags: checks the token, the instance name and that the instance is connected. */
const test = handled(async (z: ZObject, bundle: Bundle) => {
  const client = ryzeApi(z, bundle);
  const tags = await client.listTags();
  return { instance: client.instance, tags: tags.length };
});

export default {
  type: 'custom',
  fields: AUTH_FIELDS,
  test,
  connectionLabel: '{{bundle.authData.instance}}',
} satisfies Authentication;
