import { z } from 'zod/v4';
import { fromZodIssues, ValidationError } from '../errors';
import { baseUrlField } from '../http';

export const RYZEAPI_DEFAULT_BASE_URL = 'https://ryzeapi.cloud';

export const ryzeApiCredentialsSchema = z.object({
  /** An account token or an instance token; both are sent the same way. */
  token: z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, { error: 'is required: the account or instance token from RyzeAPI' }),
  baseUrl: baseUrlField(RYZEAPI_DEFAULT_BASE_URL),
});

export type RyzeApiCredentialsInput = z.input<typeof ryzeApiCredentialsSchema>;
export type RyzeApiCredentials = z.output<typeof ryzeApiCredentialsSchema>;

export function parseRyzeApiCredentials(input: unknown): RyzeApiCredentials {
  const parsed = ryzeApiCredentialsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ValidationError(fromZodIssues(parsed.error.issues, 'credentials'));
  return parsed.data;
}

/** RyzeAPI also accepts `Authorization`; the documented `token` header is the one used. */
export const ryzeApiAuthHeaders = (credentials: RyzeApiCredentials): Record<string, string> => ({ token: credentials.token });
