import type {
  IDataObject,
  IExecuteFunctions,
  IHookFunctions,
  IHttpRequestMethods,
  IHttpRequestOptions,
  ILoadOptionsFunctions,
  IPollFunctions,
  IWebhookFunctions,
} from 'n8n-workflow';
import type { HttpResponse, JsonValue, TransportFactory } from '../../shared/http';
import { CREDENTIAL_SCOPE_HEADER } from './key-scope';

/** Every n8n context a node calls an API from: execute, poll, webhook setup, webhook delivery, list search. */
export type N8nContext = IExecuteFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

interface FullResponse {
  statusCode: number;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/**
 * The core's transport port over n8n's own `httpRequestWithAuthentication`: the credential
 * (not this code) adds the key, and every HTTP status comes back as a response, so the core
 * applies its own error table, retries and pacing exactly as in every other host.
 */
export function n8nTransport(context: N8nContext, credentialType: string): TransportFactory {
  return (config) => ({
    async request(request) {
      const options: IHttpRequestOptions = {
        method: request.method as IHttpRequestMethods,
        url: `${config.baseUrl}${request.path}`,
        qs: definedQuery(request.query),
        headers: { accept: 'application/json', ...request.headers, ...(config.scope === 'tenant' ? { [CREDENTIAL_SCOPE_HEADER]: 'tenant' } : {}) },
        json: true,
        returnFullResponse: true,
        ignoreHttpStatusErrors: true,
        timeout: config.timeoutMs,
        ...(request.body !== undefined ? { body: request.body as IDataObject | JsonValue[] as IDataObject } : {}),
      };
      const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options)) as FullResponse;
      return toHttpResponse(response);
    },
  });
}

function definedQuery(query: Readonly<Record<string, string | number | boolean | undefined>> | undefined): IDataObject | undefined {
  if (!query) return undefined;
  const entries = Object.entries(query).filter(([, value]) => value !== undefined);
  return entries.length ? (Object.fromEntries(entries) as IDataObject) : undefined;
}

function toHttpResponse(response: FullResponse): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  // An empty body comes back as '' from n8n's helper; the core reads "no body" as undefined.
  const body = response.body === '' ? undefined : response.body;
  return { status: response.statusCode, headers, body };
}
