import { DateTime } from 'luxon';

// A wall time as n8n's date picker writes it: a date and a time, no zone.
const WALL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * n8n's Date & Time field holds a wall time in the workflow's time zone (Settings → Timezone),
 * not an instant. Such a value becomes the instant n8n means, so the core receives a zoned time;
 * anything else (a zoned text, a Luxon DateTime from an expression, a blank field) goes to the
 * core as given, which checks it.
 */
export function scheduleValue(value: unknown, timeZone: string): unknown {
  if (DateTime.isDateTime(value)) return value.toISO();
  if (typeof value !== 'string' || !WALL_TIME.test(value.trim())) return value;
  const instant = DateTime.fromISO(value.trim().replace(' ', 'T'), { zone: timeZone });
  return instant.isValid ? instant.toISO() : value;
}
