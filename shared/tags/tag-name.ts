import { describeValue, fail, issue, ok, type Parsed } from '../errors';

/**
 * RyzeAPI trims the name and rejects an empty one ("Tag name is required"); checking first
 * saves a request and gives the user the field name.
 */
export function parseTagName(input: unknown, field = 'name'): Parsed<string> {
  if (input === undefined || input === null) return fail(issue(field, 'required', 'is required'));
  if (typeof input !== 'string') return fail(issue(field, 'tag.type', `must be text, got ${describeValue(input)}`));
  const name = input.trim();
  return name ? ok(name) : fail(issue(field, 'tag.empty', 'must not be empty (a tag needs a name)'));
}

/** Tags are looked up by trimmed, case-insensitive name. */
export const tagNameKey = (name: string): string => name.trim().toLocaleLowerCase('en-US');
