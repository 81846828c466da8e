import { describeValue, fail, issue, ok, type Parsed } from '../errors';

const MAX_ID_LENGTH = 256;

/**
 * An id typed or mapped by a user (message, webhook, tag): text or a whole number, trimmed,
 * non-empty. Ids are placed in paths and queries encoded, so no character is refused here.
 */
export function parseResourceId(input: unknown, field: string): Parsed<string> {
  if (input === undefined || input === null) return fail(issue(field, 'required', 'is required'));
  if (typeof input === 'number' && Number.isSafeInteger(input) && input >= 0) return ok(String(input));
  if (typeof input !== 'string') return fail(issue(field, 'id.type', `must be text, got ${describeValue(input)}`));
  const id = input.trim();
  if (id === '') return fail(issue(field, 'required', 'is required'));
  if (id.length > MAX_ID_LENGTH) return fail(issue(field, 'id.too_long', `is longer than ${MAX_ID_LENGTH} characters`));
  return ok(id);
}
