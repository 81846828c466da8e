export { PackError, isPackError } from './pack-error';
export { ValidationError, issue, ok, fail, unwrap, withPrefix, describeValue } from './validation-error';
export type { ValidationIssue, Parsed } from './validation-error';
