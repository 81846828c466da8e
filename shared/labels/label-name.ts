import { describeValue, fail, issue, ok, type Parsed, type ValidationIssue } from '../errors';

/**
 * Pack limits (PilotStatus documents none): long enough for any real label, short enough to
 * show in a dropdown. Documented in the README under "Limits".
 */
export const LABEL_NAME_MAX_LENGTH = 100;
export const LABELS_PER_MESSAGE_MAX = 20;

/** The spelling a label is stored under: NFC, inner whitespace collapsed, trimmed. */
export const tidyLabelName = (name: string): string => name.normalize('NFC').replace(/\s+/g, ' ').trim();

/** One label name: trimmed, inner whitespace collapsed, non-empty, at most 100 characters. */
export function parseLabelName(input: unknown, field = 'label'): Parsed<string> {
  if (typeof input !== 'string') {
    return fail(issue(field, input == null ? 'required' : 'label.type', input == null ? 'is required' : `must be text, got ${describeValue(input)}`));
  }
  const name = tidyLabelName(input);
  if (name === '') return fail(issue(field, 'label.empty', 'must not be empty'));
  if ([...name].length > LABEL_NAME_MAX_LENGTH) {
    return fail(issue(field, 'label.too_long', `is longer than ${LABEL_NAME_MAX_LENGTH} characters`));
  }
  return ok(name);
}

/** Case-insensitive identity of a label name; PilotStatus upserts labels by name. */
export const labelKey = (name: string): string => tidyLabelName(name).toLocaleLowerCase('en-US');

/**
 * A label list as users type it in n8n or Zapier: comma-separated text (`"vip, customers"`) or a
 * list whose entries may themselves hold commas — a comma always separates labels. Blank entries
 * (a trailing comma, an empty mapped field) are skipped; duplicates are dropped
 * case-insensitively, keeping the first spelling.
 */
export function parseLabelList(input: unknown, field = 'labels'): Parsed<string[]> {
  if (input === undefined || input === null || input === '') return ok([]);
  let entries: [string, unknown][];
  if (typeof input === 'string') entries = input.split(',').map((part, index) => [`${field}.${index}`, part]);
  else if (Array.isArray(input)) {
    // A list field row holding "vip, customers" is two labels, as the same text in a text field is.
    entries = input.flatMap((entry, index): [string, unknown][] =>
      typeof entry === 'string' ? entry.split(',').map((part) => [`${field}.${index}`, part]) : [[`${field}.${index}`, entry]],
    );
  } else return fail(issue(field, 'labels.type', `must be a list of names or comma-separated text, got ${describeValue(input)}`));

  const names: string[] = [];
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  entries.forEach(([at, entry]) => {
    if (typeof entry === 'string' && entry.trim() === '') return;
    const name = parseLabelName(entry, at);
    if (!name.ok) return void issues.push(...name.issues);
    const key = labelKey(name.value);
    if (seen.has(key)) return;
    seen.add(key);
    names.push(name.value);
  });
  if (names.length > LABELS_PER_MESSAGE_MAX) {
    issues.push(issue(field, 'labels.too_many', `has ${names.length} labels, at most ${LABELS_PER_MESSAGE_MAX} are allowed`));
  }
  return issues.length ? fail(...issues) : ok(names);
}
