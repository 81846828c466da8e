import type { Parsed, ValidationIssue } from '../../shared/errors';

/** The value of a parse that must succeed; a failure shows its issues in the jest output. */
export function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected ok, got issues: ${parsed.issues.map((i) => `${i.field} [${i.rule}] ${i.message}`).join('; ')}`);
  return parsed.value;
}

/** The issues of a parse that must fail. */
export function issuesOf<T>(parsed: Parsed<T>): readonly ValidationIssue[] {
  if (parsed.ok) throw new Error(`expected issues, got ok: ${JSON.stringify(parsed.value)}`);
  return parsed.issues;
}

/**
 * Asserts the exact list of `[field, rule]` pairs, and that every message names its field
 * (starts with it) and carries a non-empty reason.
 */
export function expectIssues<T>(parsed: Parsed<T>, expected: ReadonlyArray<readonly [field: string, rule: string]>): readonly ValidationIssue[] {
  const issues = issuesOf(parsed);
  expect(issues.map((i) => [i.field, i.rule])).toEqual(expected.map(([field, rule]) => [field, rule]));
  for (const i of issues) expectWellFormed(i);
  return issues;
}

/** One issue: field, rule and reason present; message = field + ' ' + reason. */
export function expectWellFormed(i: ValidationIssue): void {
  expect(i.field).not.toBe('');
  expect(i.rule).toMatch(/^[a-z_]+(\.[a-z_]+)*$/);
  expect(i.reason.trim()).not.toBe('');
  expect(i.message).toBe(`${i.field} ${i.reason}`);
}
