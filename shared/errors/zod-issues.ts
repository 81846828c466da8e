import type { z } from 'zod/v4';
import { issue, type ValidationIssue } from './validation-error';

/**
 * Turns zod issues into ours. Schemas in the core give each rule a sentence through zod's
 * `error` option (`must have at most 3 buttons`); zod's own wording is the fallback.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): ValidationIssue[] {
  return issues.map((zodIssue) => {
    const path = [prefix, ...zodIssue.path.map(String)].filter(Boolean).join('.');
    return issue(path, ruleOf(zodIssue), reasonOf(zodIssue));
  });
}

function ruleOf(zodIssue: z.core.$ZodIssue): string {
  switch (zodIssue.code) {
    case 'too_small':
    case 'too_big':
      return `${zodIssue.origin}.${zodIssue.code}`;
    case 'invalid_format':
      return `format.${zodIssue.format}`;
    default:
      return zodIssue.code;
  }
}

function reasonOf(zodIssue: z.core.$ZodIssue): string {
  const text = zodIssue.message;
  // Our own sentences start lowercase ("must …"); zod's defaults start with a capital.
  if (/^[a-z]/.test(text)) return text;
  if (zodIssue.code === 'invalid_type') return `must be ${zodIssue.expected === 'object' ? 'an object' : `a ${zodIssue.expected}`}`;
  return `is invalid (${text.charAt(0).toLowerCase()}${text.slice(1)})`;
}
