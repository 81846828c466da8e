export { PackError, isPackError } from './pack-error';
export { ValidationError, issue, ok, fail, unwrap, withPrefix, describeValue } from './validation-error';
export type { ValidationIssue, Parsed } from './validation-error';
export { fromZodIssues } from './zod-issues';
export { ApiError, RateLimitedError, NetworkError, isApiError, SERVICE_NAME } from './api-error';
export type { ApiService, ApiErrorCode, ApiErrorDetails, NetworkFailureReason } from './api-error';
