import type { ZObject } from 'zapier-platform-core';
import { isApiError, isPackError, issue, ValidationError, type ApiErrorCode } from '../../shared/errors';

/**
 * Failures only the user can fix — a disconnected instance, the wrong key scope, a plan without
 * the feature, credentials naming the wrong number. Retrying cannot help, so Zapier halts the run
 * (HaltedError) instead of repeating it.
 */
export const HALTING_CODES: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'INSTANCE_NOT_CONNECTED',
  'TENANT_SCOPE_NOT_ALLOWED',
  'NUMBER_SCOPE_NOT_ALLOWED',
  'FORBIDDEN',
  'NUMBER_REQUIRED',
  'NUMBER_MISMATCH',
  'PAYMENT_REQUIRED',
  'SUBSCRIPTION_REQUIRED_FOR_MEDIA',
]);

/** Core field path (its first segments) → the label the Zapier user sees on that field. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * A core error as the Zapier error that says the same thing. Texts are the core's (already free
 * of secrets); only field names are swapped for the labels the user sees in the Zap editor.
 *  - RATE_LIMITED → ThrottledError with the wait the service asked for (Zapier retries later);
 *  - errors the user must fix (HALTING_CODES) → HaltedError;
 *  - every other API failure → Error(message, code, status);
 *  - ValidationError → Error naming each field and rule, code VALIDATION_FAILED.
 */
export function toZapierError(z: ZObject, error: unknown, labels: FieldLabels = {}): Error {
  if (error instanceof ValidationError) {
    const named = new ValidationError(error.issues.map((i) => issue(fieldName(i.field, labels), i.rule, i.reason)), error.hint);
    return new z.errors.Error(withHint(named.message, named.hint), error.code);
  }
  if (isApiError(error)) {
    const message = withHint(error.message, error.hint);
    if (error.code === 'RATE_LIMITED') {
      return new z.errors.ThrottledError(message, error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    }
    if (HALTING_CODES.has(error.code)) return keepMessage(new z.errors.HaltedError(message));
    return new z.errors.Error(message, error.code, error.status);
  }
  if (isPackError(error)) return new z.errors.Error(withHint(error.message, error.hint), error.code);
  // Zapier's own errors and genuine bugs pass through unchanged.
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Zapier appends "What happened" (request URLs and the start of each response body) to errors
 * that do not opt out; its own Error and ThrottledError do. A HaltedError opts out here too: the
 * core's message is complete, and a raw response body may echo a key or a phone number.
 */
function keepMessage(error: Error): Error {
  return Object.assign(error, { doNotContextify: true });
}

/** Runs a perform and turns whatever the core throws into the matching Zapier error. */
export function withZapierErrors<B, R>(perform: (z: ZObject, bundle: B) => Promise<R>, labels?: FieldLabels): (z: ZObject, bundle: B) => Promise<R> {
  return async (z, bundle) => {
    try {
      return await perform(z, bundle);
    } catch (error) {
      throw toZapierError(z, error, labels);
    }
  };
}

/** `destinationNumber` → "Destination"; `buttons.3.text` → "Buttons (buttons.3.text)". */
function fieldName(field: string, labels: FieldLabels): string {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length--) {
    const label = labels[parts.slice(0, length).join('.')];
    if (label !== undefined) return length === parts.length ? label : `${label} (${field})`;
  }
  return field;
}

function withHint(message: string, hint: string | undefined): string {
  if (!hint) return message;
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} ${hint}`;
}
