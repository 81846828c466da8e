/**
 * PilotStatus has two keys (number and tenant) in one credential. n8n applies credentials
 * itself, so the transport only says which key a request needs, through this header, and the
 * credential's `authenticate` puts the matching key in and removes the marker.
 */
export const CREDENTIAL_SCOPE_HEADER = 'x-n8n-pilotstatus-scope';
