import { z } from 'zod/v4';
import { fromZodIssues, ValidationError } from '../errors';
import { baseUrlField, optionalCredential } from '../http';

export const PILOTSTATUS_DEFAULT_BASE_URL = 'https://pilotstatus.com.br/v1';

/**
 * A number-scoped key (raw `ps_…` key or its id) is always needed: it sends, reads statuses and
 * templates. The tenant-scoped key is optional and only used for webhooks; with it,
 * `whatsappNumberId` picks the number (PilotStatus answers NUMBER_REQUIRED otherwise).
 */
export const pilotStatusCredentialsSchema = z
  .object({
    apiKey: optionalCredential,
    apiKeyId: optionalCredential,
    tenantApiKey: optionalCredential,
    tenantApiKeyId: optionalCredential,
    whatsappNumberId: optionalCredential,
    baseUrl: baseUrlField(PILOTSTATUS_DEFAULT_BASE_URL),
  })
  .refine((c) => c.apiKey !== undefined || c.apiKeyId !== undefined, {
    path: ['apiKey'],
    error: 'is required (or apiKeyId): the number-scoped key from the API Keys page (/api-keys)',
  });

export type PilotStatusCredentialsInput = z.input<typeof pilotStatusCredentialsSchema>;
export type PilotStatusCredentials = z.output<typeof pilotStatusCredentialsSchema>;

export function parsePilotStatusCredentials(input: unknown): PilotStatusCredentials {
  const parsed = pilotStatusCredentialsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ValidationError(fromZodIssues(parsed.error.issues, 'credentials'));
  return parsed.data;
}

export type PilotStatusKeyScope = 'number' | 'tenant';

/**
 * The authentication headers for a scope. Tenant calls fall back to the number key, which
 * PilotStatus accepts for webhooks of its own number.
 */
export function pilotStatusAuthHeaders(credentials: PilotStatusCredentials, scope: PilotStatusKeyScope): Record<string, string> {
  const tenant = scope === 'tenant' && (credentials.tenantApiKey !== undefined || credentials.tenantApiKeyId !== undefined);
  if (!tenant) return keyHeader(credentials.apiKey, credentials.apiKeyId);
  return {
    ...keyHeader(credentials.tenantApiKey, credentials.tenantApiKeyId),
    ...(credentials.whatsappNumberId ? { 'x-whatsapp-number-id': credentials.whatsappNumberId } : {}),
  };
}

const keyHeader = (key: string | undefined, keyId: string | undefined): Record<string, string> =>
  key !== undefined ? { 'x-api-key': key } : { 'x-api-key-id': keyId ?? '' };

export const hasTenantKey = (credentials: PilotStatusCredentials): boolean =>
  credentials.tenantApiKey !== undefined || credentials.tenantApiKeyId !== undefined;

/** Every value that must never show up in an error. A key id authenticates too. */
export const pilotStatusSecrets = (credentials: PilotStatusCredentials): string[] =>
  [credentials.apiKey, credentials.apiKeyId, credentials.tenantApiKey, credentials.tenantApiKeyId].filter((s): s is string => s !== undefined);
