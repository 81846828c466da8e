import { createHmac } from 'node:crypto';
import { describeValue, fail, issue, ok, type Parsed } from '../errors';
import type { Destination } from '../destinations';

const DAY_MS = 24 * 60 * 60 * 1000;
// Expiries are stored and compared as ISO strings, which order like instants only while the year
// has 4 digits; past 8.64e15 ms a Date is invalid and toISOString throws. A retention that long
// means "keep", so the expiry is capped at the last 4-digit-year instant.
const LAST_ISO_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * What an API key's `retentionDays` allows. PilotStatus returns the value from no documented
 * endpoint, so hosts take it as a credential setting that must match the dashboard.
 */
export interface RetentionPolicy {
  readonly retentionDays: number;
  /** `false` for 0: the label is created but no label–contact row (no PII) is kept. */
  readonly storesLinks: boolean;
  /** When a link written at `at` stops being kept; `null` when no link is stored at all. */
  linkExpiresAt(at: Date): Date | null;
}

export function parseRetentionDays(input: unknown, field = 'retentionDays'): Parsed<number> {
  const value = typeof input === 'string' && /^\s*\d+\s*$/.test(input) ? Number(input) : input;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return fail(
      issue(field, 'retention.days', `must be 0 (keep no contact links) or a whole number of days, got ${typeof value === 'number' ? value : describeValue(input)}`),
    );
  }
  return ok(value);
}

export function retentionPolicy(retentionDays: number): RetentionPolicy {
  const days = parseRetentionDays(retentionDays);
  if (!days.ok) throw new RangeError(days.issues[0]!.message);
  const storesLinks = days.value > 0;
  return {
    retentionDays: days.value,
    storesLinks,
    linkExpiresAt: (at) => (storesLinks ? new Date(Math.min(at.getTime() + days.value * DAY_MS, LAST_ISO_INSTANT)) : null),
  };
}

/**
 * A keyed hash of a destination, for state that must not hold a phone number (trigger dedupe,
 * logs). Keyed, because unkeyed hashes of phone numbers are reversed by enumerating numbers.
 */
export function destinationHash(destination: Destination | string, secret: string): string {
  if (!secret) throw new RangeError('destinationHash needs a non-empty secret');
  const text = typeof destination === 'string' ? destination : destination.value;
  return createHmac('sha256', secret).update(text).digest('base64url');
}
