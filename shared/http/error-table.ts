import { ApiError, RateLimitedError, SERVICE_NAME, type ApiErrorCode, type ApiService } from '../errors';
import type { Redactor } from '../secrets';

/**
 * One row of a service's error table. A row matches on the HTTP status (exact or a class) and,
 * when given, on the service's own code (exact) or message (prefix: RyzeAPI appends details,
 * e.g. `Invalid request body: <...>`), both case-insensitive. The first matching row wins.
 */
export interface ErrorRule {
  readonly status: number | '4xx' | '5xx' | '*';
  readonly serviceCode?: string;
  /** Prefixes; several when the service words one failure differently per endpoint. */
  readonly serviceMessage?: string | readonly string[];
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly hint?: string;
  /** Add the service's words to our message (for catch-all rows, where ours says little). */
  readonly quoteService?: boolean;
  /** A 5xx this row describes will not clear by retrying within seconds. */
  readonly persistent?: boolean;
}

export interface ServiceSaid {
  readonly code?: string | undefined;
  readonly message?: string | undefined;
}

const CODE_LIKE = /^[A-Z][A-Z0-9_]{2,}$/;

/**
 * Reads both services' error bodies: PilotStatus `{ error: "CODE" | "text" }` (some endpoints add
 * `code`/`message`/`details`), RyzeAPI `{ success: false, error: { message } }`, or plain text.
 */
export function readServiceError(body: unknown): ServiceSaid {
  if (typeof body === 'string') return { message: body.trim() || undefined };
  if (!body || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  let code = typeof record.code === 'string' ? record.code : undefined;
  let message: string | undefined;
  const error = record.error;
  if (typeof error === 'string') {
    if (CODE_LIKE.test(error)) code ??= error;
    else message = error;
  } else if (error && typeof error === 'object') {
    const inner = error as Record<string, unknown>;
    if (typeof inner.code === 'string') code ??= inner.code;
    if (typeof inner.message === 'string') message = inner.message;
  }
  if (!message && typeof record.message === 'string') message = record.message;
  return { code, message };
}

function statusMatches(rule: ErrorRule, status: number): boolean {
  if (rule.status === '*') return true;
  if (rule.status === '4xx') return status >= 400 && status < 500;
  if (rule.status === '5xx') return status >= 500;
  return rule.status === status;
}

const lower = (text: string | undefined) => text?.trim().toLowerCase();

const prefixes = (texts: string | readonly string[]): string[] => (typeof texts === 'string' ? [texts] : [...texts]).map((t) => t.toLowerCase());

/**
 * The row for a failure. A 2xx that carries a failure envelope has no telling status, so it is
 * matched on the service's words alone, among the rows that name some.
 */
export function matchErrorRule(rules: readonly ErrorRule[], status: number, said: ServiceSaid): ErrorRule | undefined {
  const code = lower(said.code);
  const message = lower(said.message);
  const envelopeOnly = status >= 200 && status < 300;
  return rules.find(
    (rule) =>
      (envelopeOnly ? rule.serviceCode !== undefined || rule.serviceMessage !== undefined : statusMatches(rule, status)) &&
      (rule.serviceCode === undefined || lower(rule.serviceCode) === code) &&
      (rule.serviceMessage === undefined || prefixes(rule.serviceMessage).some((prefix) => message?.startsWith(prefix))),
  );
}

const MAX_QUOTE = 300;

export interface ErrorResponse {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterMs?: number | undefined;
}

/** Builds the typed error for a failed response. Everything taken from the body is redacted first. */
export function toApiError(service: ApiService, rules: readonly ErrorRule[], response: ErrorResponse, redact: Redactor): ApiError {
  const raw = readServiceError(response.body);
  const said: ServiceSaid = {
    code: raw.code ? redact(raw.code) : undefined,
    message: raw.message ? redact(raw.message).slice(0, MAX_QUOTE) : undefined,
  };
  const rule = matchErrorRule(rules, response.status, said) ?? fallbackRule(service);
  const quote = rule.quoteService ? (said.message ?? said.code) : undefined;
  const wait = rule.code === 'RATE_LIMITED' && response.retryAfterMs !== undefined ? ` (retry in ${Math.ceil(response.retryAfterMs / 1000)} s)` : '';
  const details = {
    service,
    status: response.status,
    message: `${rule.message}${wait}${quote ? `: ${quote}` : ''}`,
    hint: rule.hint,
    retryAfterMs: response.retryAfterMs,
    serviceMessage: said.message,
    serviceCode: said.code,
  };
  return rule.code === 'RATE_LIMITED' ? new RateLimitedError(details) : new ApiError({ ...details, code: rule.code });
}

const fallbackRule = (service: ApiService): ErrorRule => ({
  status: '*',
  code: 'HTTP_ERROR',
  message: `${SERVICE_NAME[service]} answered with an error`,
  quoteService: true,
});
