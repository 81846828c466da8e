import type { QueryValue } from './transport';

/** One path segment, encoded (instance names, ids and WhatsApp ids may hold `/`, `#`, `?`, `=`). */
export const segment = (value: string): string => encodeURIComponent(value);

export function joinUrl(baseUrl: string, path: string, query?: Readonly<Record<string, QueryValue>>): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.append(name, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}
