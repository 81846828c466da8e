import { createRedactor } from '../secrets';
import type { HttpRequest, HttpResponse, Transport, TransportConfig } from './transport';
import { toNetworkError } from './network-failure';
import { joinUrl } from './url';

export interface FetchTransportOptions extends TransportConfig {
  /** Defaults to the global fetch (undici on Node 20). */
  readonly fetch?: typeof fetch;
}

/** A transport on `fetch`, for the local sandbox, tests and benchmarks. */
export function createFetchTransport(options: FetchTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch;
  const redact = createRedactor(Object.values(options.headers));
  return {
    async request(request: HttpRequest): Promise<HttpResponse> {
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...request.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await doFetch(joinUrl(options.baseUrl, request.path, request.query), {
          method: request.method,
          headers,
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const text = await response.text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => (responseHeaders[name.toLowerCase()] = value));
        return { status: response.status, headers: responseHeaders, body: parseBody(text, responseHeaders['content-type']) };
      } catch (error) {
        throw toNetworkError(error, options.service, redact);
      }
    },
  };
}

export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  const looksJson = /json/i.test(contentType ?? '') || /^\s*[[{]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
