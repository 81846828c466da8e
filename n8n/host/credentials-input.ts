import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** n8n stores unset optional fields as ''; the core reads a field as given only when present. */
export function credentialsInput(credentials: ICredentialDataDecryptedObject): Record<string, unknown> {
  return Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== '' && value !== undefined && value !== null));
}
