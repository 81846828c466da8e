import { z } from 'zod/v4';

/** A credential field as hosts hand it over: blank means "not set". */
export const optionalCredential = z
  .string({ error: 'must be text' })
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A service base URL: http(s), no trailing slash, so paths join the same way everywhere. */
export const baseUrlField = (defaultUrl: string) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .optional()
    .transform((value) => (value ? value : defaultUrl))
    .refine(isHttpUrl, { error: 'must be an http(s) URL, e.g. https://example.com/api' })
    .transform((value) => value.replace(/\/+$/, ''));
