import type { HttpRequestOptions, HttpResponse as ZapierResponse, ZObject } from 'zapier-platform-core';
import { joinUrl, parseBody, type HttpResponse, type RetryOptions, type TransportFactory } from '../../shared/http';

/**
 * How the core clients run inside a Zapier step. A step has a bounded time, so the core waits out
 * a 429 only briefly; a longer wait reaches Zapier as a ThrottledError carrying the service's delay
 * and Zapier retries the step later. Everything else (retries, backoff, idempotency) is the core's.
 */
export const ZAPIER_CLIENT_SETTINGS: { readonly timeoutMs: number; readonly retry: RetryOptions } = {
  timeoutMs: 25_000,
  retry: { maxRateLimitWaitMs: 10_000 },
};

/** Options `z.request` reads (zapier-platform-core 19.1) that its typings leave out. */
interface ZapierRequestOptions extends HttpRequestOptions {
  url: string;
  /** `false`: a 429 comes back as a response instead of an early ThrottledError, so the core reads its Retry-After. */
  throwForThrottlingEarly: boolean;
  /** `false`: no requestTemplate merge and no `{{…}}` check, so user text such as "Hi {{name}}" is sent as typed. */
  merge: boolean;
}

/**
 * The core's transport port over `z.request`, so Zapier logs every call (with its secrets
 * scrubbed). The auth headers are the ones the core computed for the call's key scope; every
 * HTTP status comes back as a response (`skipThrowForStatus`) for the core's error table; a
 * request that got no response rethrows z.request's error, which the core classifies.
 */
export function zapierTransport(z: ZObject): TransportFactory {
  return (config) => ({
    async request(request): Promise<HttpResponse> {
      const headers: Record<string, string> = { accept: 'application/json', ...config.headers, ...request.headers };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const options: ZapierRequestOptions = {
        url: joinUrl(config.baseUrl, request.path, request.query),
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
        merge: false,
        timeout: config.timeoutMs,
      };
      return toHttpResponse(await z.request(options));
    },
  });
}

function toHttpResponse(response: ZapierResponse): HttpResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value: string, name: string) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: parseBody(response.content, headers['content-type']) };
}
