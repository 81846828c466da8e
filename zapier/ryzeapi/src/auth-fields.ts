import type { AuthField } from 'zapier-platform-core';
import { RYZEAPI_DEFAULT_BASE_URL } from '../../../shared/ryzeapi';

export const AUTH_FIELDS: AuthField[] = [
  {
    key: 'instance',
    label: 'Instance',
    type: 'string',
    required: true,
    isNoSecret: true,
    helpText: 'The instance name, exactly as shown in the RyzeAPI dashboard.',
  },
  {
    key: 'token',
    label: 'Token',
    type: 'password',
    required: true,
    helpText: 'The account token, or this instance’s token, from the RyzeAPI dashboard.',
  },
  {
    key: 'baseUrl',
    label: 'Base URL',
    type: 'string',
    required: false,
    isNoSecret: true,
    placeholder: RYZEAPI_DEFAULT_BASE_URL,
    helpText: `Advanced: leave empty for RyzeAPI itself (${RYZEAPI_DEFAULT_BASE_URL}). Change it only to point at a test server.`,
  },
];
