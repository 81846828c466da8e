import type { NetworkError } from '../errors';
import { systemClock, type Clock } from './clock';
import { serverRequestedWaitMs } from './rate-limit-headers';
import type { HttpRequest, HttpResponse, Transport } from './transport';

export interface RetryOptions {
  /** Tries in all, the first included. */
  readonly maxAttempts?: number;
  /** First backoff step; doubles each retry, with jitter. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Most time one call may spend waiting out 429s before giving up with RATE_LIMITED. */
  readonly maxRateLimitWaitMs?: number;
  readonly clock?: Clock;
  /** In [0, 1); injected for deterministic jitter in tests. */
  readonly random?: () => number;
}

export const DEFAULT_RETRY = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRateLimitWaitMs: 60_000,
} as const;

/** Anything that hands out permission to send one request. */
export interface RequestLimiter {
  acquire(): Promise<void>;
  /** Holds every caller back for `ms` (the service answered 429). */
  pause?(ms: number): void;
}

export interface RetryPlan {
  readonly transport: Transport;
  readonly retry?: RetryOptions;
  readonly limiter?: RequestLimiter | undefined;
  /** Normalizes anything a transport threw (host transports may throw their own errors). */
  readonly toNetworkError: (error: unknown) => NetworkError;
  /** Whether a 5xx answer may go away by itself; "instance not connected" will not. */
  readonly isTransient?: (response: HttpResponse) => boolean;
}

export interface RetriedResponse {
  readonly response: HttpResponse;
  readonly attempts: number;
  /** An earlier attempt may have been carried out (a 5xx, or a failure after the request left). */
  readonly earlierAttemptMayHaveLanded: boolean;
  /** For a final 429: how long the caller should wait before trying again. */
  readonly retryAfterMs?: number;
}

/**
 * Sends a request, repeating it only where repeating cannot cause a second effect:
 * - 429: always (the server refused it), after the wait it asks for, within the wait budget;
 * - 5xx and network failures: only for idempotent requests;
 * - a network failure that provably happened before the request left: for every request.
 * A send or a create that may have reached the server is never repeated.
 */
export async function requestWithRetries(plan: RetryPlan, request: HttpRequest): Promise<RetriedResponse> {
  const maxAttempts = Math.max(1, plan.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const maxRateLimitWaitMs = plan.retry?.maxRateLimitWaitMs ?? DEFAULT_RETRY.maxRateLimitWaitMs;
  const clock = plan.retry?.clock ?? systemClock;
  const backoff = (attempt: number) => backoffMs(attempt, plan.retry);
  let rateLimitWaitedMs = 0;
  let mayHaveLanded = false;

  for (let attempt = 1; ; attempt++) {
    await plan.limiter?.acquire();
    let response: HttpResponse;
    try {
      response = await plan.transport.request(request);
    } catch (thrown) {
      const error = plan.toNetworkError(thrown);
      const repeatable = request.idempotent || !error.reachedServer;
      if (!repeatable || attempt >= maxAttempts) throw error;
      mayHaveLanded ||= error.reachedServer;
      await clock.sleep(backoff(attempt));
      continue;
    }

    if (response.status === 429) {
      const waitMs = serverRequestedWaitMs(response.headers, clock.now()) ?? backoff(attempt);
      if (attempt >= maxAttempts || rateLimitWaitedMs + waitMs > maxRateLimitWaitMs) {
        return { response, attempts: attempt, retryAfterMs: waitMs, earlierAttemptMayHaveLanded: mayHaveLanded };
      }
      rateLimitWaitedMs += waitMs;
      // With a shared limiter the wait applies to every call on this token, this one included.
      if (plan.limiter?.pause) plan.limiter.pause(waitMs);
      else await clock.sleep(waitMs);
      continue;
    }

    const transient = response.status >= 500 && (plan.isTransient?.(response) ?? true);
    if (transient && request.idempotent && attempt < maxAttempts) {
      mayHaveLanded = true;
      await clock.sleep(backoff(attempt));
      continue;
    }
    return { response, attempts: attempt, earlierAttemptMayHaveLanded: mayHaveLanded };
  }
}

/** Exponential, capped, with "equal jitter": never below half the step, so retries stay spaced. */
export function backoffMs(attempt: number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const cap = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const step = Math.min(cap, base * 2 ** (attempt - 1));
  const random = options.random ?? Math.random;
  return Math.round(step / 2 + (step / 2) * random());
}
