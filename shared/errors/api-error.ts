import { PackError } from './pack-error';

export type ApiService = 'pilotstatus' | 'ryzeapi';

export const SERVICE_NAME: Record<ApiService, string> = { pilotstatus: 'PilotStatus', ryzeapi: 'RyzeAPI' };

/** Stable codes of every API failure the pack reports; hosts branch on these, never on text. */
export type ApiErrorCode =
  // either service
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR'
  | 'UNEXPECTED_RESPONSE'
  | 'NETWORK'
  // PilotStatus
  | 'INVALID_REQUEST'
  | 'MISSING_TEMPLATE_VARIABLES'
  | 'NOT_SUPPORTED_FOR_META'
  | 'NUMBER_REQUIRED'
  | 'NUMBER_MISMATCH'
  | 'PAYMENT_REQUIRED'
  | 'SUBSCRIPTION_REQUIRED_FOR_MEDIA'
  | 'TENANT_SCOPE_NOT_ALLOWED'
  | 'NUMBER_SCOPE_NOT_ALLOWED'
  | 'NUMBER_NOT_FOUND'
  | 'TEMPLATE_NOT_FOUND'
  | 'WEBHOOK_NOT_FOUND'
  // RyzeAPI
  | 'INSTANCE_NAME_REQUIRED'
  | 'INVALID_REQUEST_BODY'
  | 'TAG_NAME_REQUIRED'
  | 'CHAT_NUMBER_REQUIRED'
  | 'TAG_ID_REQUIRED'
  | 'INVALID_TOKEN'
  | 'INSTANCE_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'INSTANCE_NOT_CONNECTED';

export interface ApiErrorDetails {
  readonly service: ApiService;
  /** HTTP status; absent when no response arrived. */
  readonly status?: number | undefined;
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly hint?: string | undefined;
  readonly retryAfterMs?: number | undefined;
  /** The service's own words (already redacted), kept apart so the message stays ours. */
  readonly serviceMessage?: string | undefined;
  /** The service's own error code, e.g. PilotStatus `NUMBER_NOT_FOUND`. */
  readonly serviceCode?: string | undefined;
}

/**
 * Any failure talking to PilotStatus or RyzeAPI. Every text it carries was redacted before it was
 * built, and it never holds the request, its headers or a low-level cause: those are where
 * credentials live.
 */
export class ApiError extends PackError {
  readonly code: ApiErrorCode;
  readonly service: ApiService;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly serviceMessage: string | undefined;
  readonly serviceCode: string | undefined;

  constructor(details: ApiErrorDetails) {
    super(details.message, details.hint);
    this.code = details.code;
    this.service = details.service;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.serviceMessage = details.serviceMessage;
    this.serviceCode = details.serviceCode;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      service: this.service,
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.serviceCode !== undefined ? { serviceCode: this.serviceCode } : {}),
      ...(this.serviceMessage !== undefined ? { serviceMessage: this.serviceMessage } : {}),
    };
  }
}

/** The service kept answering 429 beyond the attempts or the wait the caller allows. */
export class RateLimitedError extends ApiError {
  constructor(details: Omit<ApiErrorDetails, 'code'>) {
    super({ ...details, code: 'RATE_LIMITED' });
  }
}

/** Why no HTTP response arrived. */
export type NetworkFailureReason =
  | 'connection_refused'
  | 'dns'
  | 'unreachable'
  | 'connect_timeout'
  | 'tls'
  | 'connection_reset'
  | 'timeout'
  | 'aborted'
  | 'unknown';

/**
 * `reachedServer: false` only where the failure provably happened before a byte of the request
 * left (no connection, no name, no TLS). Everything else may have been received and processed,
 * which is what decides whether a send can be repeated without risking a duplicate.
 */
const NETWORK_REASONS: Record<NetworkFailureReason, { reachedServer: boolean; text: string }> = {
  connection_refused: { reachedServer: false, text: 'the connection was refused' },
  dns: { reachedServer: false, text: 'the host name could not be resolved' },
  unreachable: { reachedServer: false, text: 'the host is unreachable' },
  connect_timeout: { reachedServer: false, text: 'connecting timed out' },
  tls: { reachedServer: false, text: 'the secure connection could not be established' },
  connection_reset: { reachedServer: true, text: 'the connection was closed before the answer arrived' },
  timeout: { reachedServer: true, text: 'no answer arrived in time' },
  aborted: { reachedServer: true, text: 'the request was aborted' },
  unknown: { reachedServer: true, text: 'the request failed' },
};

export class NetworkError extends ApiError {
  readonly reachedServer: boolean;
  readonly reason: NetworkFailureReason;
  /** The low-level error text (redacted), for logs. */
  readonly detail: string | undefined;

  constructor(service: ApiService, reason: NetworkFailureReason, detail?: string) {
    const { reachedServer, text } = NETWORK_REASONS[reason];
    const name = SERVICE_NAME[service];
    super({
      service,
      code: 'NETWORK',
      message: reachedServer
        ? `The request to ${name} failed: ${text}. It may have been received.`
        : `Could not reach ${name}: ${text}. The request was not sent.`,
      hint: reachedServer
        ? 'Check whether it took effect (for a message, look up its status) before repeating it, or it may happen twice.'
        : 'Check the base URL and the network connection, then try again.',
    });
    this.reachedServer = reachedServer;
    this.reason = reason;
    this.detail = detail;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, reachedServer: this.reachedServer, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
