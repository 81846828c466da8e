import { PackError } from './pack-error';

/**
 * One broken rule. `field` is the path of the offending input (`destinationNumber`,
 * `buttons.3`, `labels.1`), `rule` a stable dotted code (`phone.too_short`), `message`
 * a sentence that names the field and the rule for a person reading an n8n or Zapier run.
 */
export interface ValidationIssue {
  readonly field: string;
  readonly rule: string;
  /** The rule in words, without the field: `is too short: 7 digits, at least 8 are needed`. */
  readonly reason: string;
  /** `field` + `reason`, ready to show. */
  readonly message: string;
}

export class ValidationError extends PackError {
  readonly code = 'VALIDATION_FAILED';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], hint?: string) {
    super(summarize(issues), hint);
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

function summarize(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  if (issues.length === 1) return issues[0]!.message;
  return `${issues.length} problems: ${issues.map((i) => i.message).join('; ')}`;
}

/** Builds one issue; the message always starts with the field so it stands alone in a log. */
export function issue(field: string, rule: string, reason: string): ValidationIssue {
  return { field, rule, reason, message: field ? `${field} ${reason}` : capitalize(reason) };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Outcome of a parser that reports instead of throwing, so callers can collect per-item issues. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (...issues: ValidationIssue[]): Parsed<never> => ({ ok: false, issues });

/** Unwraps a `Parsed`, throwing the typed error that carries every issue. */
export function unwrap<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw new ValidationError(parsed.issues);
}

/** Re-roots issues under a parent field (`labels` + `2` → `labels.2`). */
export function withPrefix(prefix: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  if (!prefix) return [...issues];
  return issues.map((i) => issue(i.field ? `${prefix}.${i.field}` : prefix, i.rule, i.reason));
}

/** Names the type of a wrong value without echoing it (it may be a phone number or a secret). */
export function describeValue(value: unknown): string {
  // `undefined` names a value, not a type to put "a" before ("got a undefined").
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
