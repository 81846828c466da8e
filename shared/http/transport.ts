import type { ApiService } from '../errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path under the transport's base URL, starting with `/`, each segment already encoded. */
  readonly path: string;
  /** Absent values are left out; the transport encodes the rest. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: JsonValue;
  /**
   * Whether repeating the request after it may have reached the server is harmless. Decides
   * retries on 5xx and on network failures; 429 is always retried (the server refused it).
   */
  readonly idempotent: boolean;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names lowercased. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body is JSON, the text otherwise, `undefined` when empty. */
  readonly body: unknown;
}

/**
 * The one port every client talks through. Implementations answer every HTTP status (a 4xx or 5xx
 * is a response, not an exception) and throw only when no response arrived, and then only a
 * `NetworkError` (see `toNetworkError`) so callers know whether the request may have been received.
 */
export interface Transport {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** What a client hands to whoever builds its transport (fetch here; n8n or Zapier helpers in the hosts). */
export interface TransportConfig {
  readonly service: ApiService;
  readonly baseUrl: string;
  /** Authentication headers derived from the credentials. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Which of the service's keys those headers carry (PilotStatus: the number key, or the tenant
   * key for webhooks). Hosts whose HTTP helper applies the credentials itself (n8n) use this
   * instead of `headers`, so the secret never passes through host code. Absent: the only key.
   */
  readonly scope?: 'number' | 'tenant';
  readonly timeoutMs: number;
}

export type TransportFactory = (config: TransportConfig) => Transport;
