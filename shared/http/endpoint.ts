import type { z } from 'zod/v4';
import { ApiError, SERVICE_NAME, type ApiService } from '../errors';
import type { Redactor } from '../secrets';
import { toApiError, matchErrorRule, readServiceError, type ErrorRule } from './error-table';
import { toNetworkError } from './network-failure';
import { requestWithRetries, type RequestLimiter, type RetryOptions } from './retry';
import type { HttpMethod, HttpResponse, JsonValue, QueryValue, Transport } from './transport';

/** One endpoint of a service: everything about it that does not change per call. */
export interface Endpoint<Args extends unknown[], Schema extends z.ZodType> {
  readonly method: HttpMethod;
  readonly path: (...args: Args) => string;
  readonly idempotent: boolean;
  /** Schema of a 2xx body; lenient on extra fields, strict on what the pack reads. */
  readonly response: Schema;
  /**
   * For deletes: a 404 on a repeat, after an attempt that may have been carried out, means that
   * attempt did the deletion — the call succeeded, with this body standing in for the lost answer.
   */
  readonly goneAfterRetry?: unknown;
}

export const defineEndpoint = <Args extends unknown[], Schema extends z.ZodType>(endpoint: Endpoint<Args, Schema>) => endpoint;

/** How one client talks to its service; built once per client from its credentials. */
export interface ServiceContext {
  readonly service: ApiService;
  readonly transport: Transport;
  readonly redact: Redactor;
  readonly errorRules: readonly ErrorRule[];
  readonly retry?: RetryOptions | undefined;
  readonly limiter?: RequestLimiter | undefined;
  /** For services that may answer 2xx with a failure envelope (`success: false`). */
  readonly isFailureBody?: (body: unknown) => boolean;
}

export interface CallParts {
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly body?: JsonValue;
  /** Another transport of the same service (PilotStatus tenant-scoped calls). */
  readonly transport?: Transport | undefined;
}

/**
 * Sends one call: retries per the endpoint's idempotency, turns any failure into an `ApiError`
 * from the service's table, and validates the answer.
 */
export async function callEndpoint<Args extends unknown[], Schema extends z.ZodType>(
  context: ServiceContext,
  endpoint: Endpoint<Args, Schema>,
  args: Args,
  parts: CallParts = {},
): Promise<z.output<Schema>> {
  const { response, retryAfterMs, earlierAttemptMayHaveLanded } = await requestWithRetries(
    {
      transport: parts.transport ?? context.transport,
      retry: context.retry,
      limiter: context.limiter,
      toNetworkError: (error) => toNetworkError(error, context.service, context.redact),
      isTransient: (answer: HttpResponse) => !matchErrorRule(context.errorRules, answer.status, readServiceError(answer.body))?.persistent,
    },
    {
      method: endpoint.method,
      path: endpoint.path(...args),
      idempotent: endpoint.idempotent,
      ...(parts.query ? { query: parts.query } : {}),
      ...(parts.body !== undefined ? { body: parts.body } : {}),
    },
  );

  if (response.status === 404 && earlierAttemptMayHaveLanded && endpoint.goneAfterRetry !== undefined) {
    return endpoint.response.parse(endpoint.goneAfterRetry);
  }

  const failed = response.status < 200 || response.status >= 300 || (context.isFailureBody?.(response.body) ?? false);
  if (failed) throw toApiError(context.service, context.errorRules, { status: response.status, body: response.body, retryAfterMs }, context.redact);

  const parsed = endpoint.response.safeParse(response.body);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'body';
  throw new ApiError({
    service: context.service,
    status: response.status,
    code: 'UNEXPECTED_RESPONSE',
    message: `${SERVICE_NAME[context.service]} answered in a shape the pack does not understand (${context.redact(where)})`,
    hint: 'Check that the base URL points at the service API. If it does, the service may have changed its response format.',
  });
}
