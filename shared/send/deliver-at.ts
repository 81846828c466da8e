import { z } from 'zod/v4';
import { describeValue, fail, issue, ok, type Parsed } from '../errors';

const isoWithZone = z.iso.datetime({ offset: true });

/**
 * A schedule must name an instant: an ISO date-time with a zone (`Z` or `-03:00`), a Date, or
 * epoch milliseconds. A zone-less time would be read in whatever zone the host runs in, which
 * is rarely the sender's, so it is refused rather than guessed.
 */
export function parseDeliverAt(input: unknown, field: string, now: Date): Parsed<string> {
  let instant: Date;
  if (input instanceof Date) instant = input;
  else if (typeof input === 'number') instant = new Date(input);
  else if (typeof input === 'string') {
    const text = input.trim();
    if (!isoWithZone.safeParse(text).success) {
      const rule = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? 'deliver_at.timezone' : 'deliver_at.format';
      return fail(
        issue(field, rule, rule === 'deliver_at.timezone'
          ? 'must include a time zone, e.g. 2026-12-01T09:00:00-03:00 or …Z'
          : 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-01T09:00:00-03:00'),
      );
    }
    instant = new Date(text);
  } else return fail(issue(field, 'deliver_at.type', `must be a date-time, got ${describeValue(input)}`));

  if (Number.isNaN(instant.getTime())) return fail(issue(field, 'deliver_at.format', 'is not a real date-time'));
  if (instant.getTime() <= now.getTime()) return fail(issue(field, 'deliver_at.past', 'must be in the future'));
  return ok(instant.toISOString());
}
