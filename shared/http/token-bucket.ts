import { systemClock, type Clock } from './clock';
import type { RequestLimiter } from './retry';

export interface TokenBucketOptions {
  /** Requests that may go out back to back when the bucket is full. */
  readonly capacity: number;
  /** Tokens added per `refillIntervalMs`, continuously (a token every interval/tokens ms). */
  readonly refillTokens: number;
  readonly refillIntervalMs: number;
  readonly clock?: Clock;
}

/** RyzeAPI: 100 requests per minute, documented as global per token. */
export const RYZEAPI_RATE_LIMIT: Omit<TokenBucketOptions, 'clock'> = { capacity: 100, refillTokens: 100, refillIntervalMs: 60_000 };

// Float refill arithmetic can land a hair under a whole token after exactly the right wait.
const EPSILON = 1e-9;

/**
 * A token bucket with a FIFO queue: callers are served in the order they asked, and a newcomer
 * never overtakes someone already waiting, even when a token has just come back.
 */
export class TokenBucket implements RequestLimiter {
  private tokens: number;
  private refilledAt: number;
  /** End of a pause asked for by the service; the bucket is full again from then. */
  private resumeAt: number | undefined;
  private readonly waiting: (() => void)[] = [];
  private draining = false;
  private readonly clock: Clock;
  private readonly tokensPerMs: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.capacity >= 1) || !(options.refillTokens > 0) || !(options.refillIntervalMs > 0)) {
      throw new RangeError('A token bucket needs capacity >= 1 and a positive refill rate');
    }
    this.clock = options.clock ?? systemClock;
    this.tokensPerMs = options.refillTokens / options.refillIntervalMs;
    this.tokens = options.capacity;
    this.refilledAt = this.clock.now();
  }

  acquire(): Promise<void> {
    this.refill();
    if (this.waiting.length === 0 && this.tokens >= 1 - EPSILON) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      void this.drain();
    });
  }

  /**
   * The service refused a request and asked for `ms` of quiet: nobody sharing this token sends
   * before then, and then the bucket starts full again. The wait a 429 names (Retry-After,
   * X-RateLimit-Reset) is the end of the service's counting window, when its whole quota is back;
   * a continuous bucket alone lets a burst through where the service counts in fixed windows, and
   * every caller would then meet its own 429.
   */
  pause(ms: number): void {
    this.refill();
    this.tokens = 0;
    this.resumeAt = Math.max(this.resumeAt ?? 0, this.clock.now() + Math.max(0, ms));
    this.refilledAt = this.resumeAt;
  }

  /** Callers waiting for a token. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Whole tokens available right now. */
  get available(): number {
    this.refill();
    return Math.floor(this.tokens + EPSILON);
  }

  private refill(): void {
    const now = this.clock.now();
    if (this.resumeAt !== undefined) {
      if (now < this.resumeAt) return;
      this.tokens = this.options.capacity;
      this.refilledAt = now;
      this.resumeAt = undefined;
      return;
    }
    if (now > this.refilledAt) {
      this.tokens = Math.min(this.options.capacity, this.tokens + (now - this.refilledAt) * this.tokensPerMs);
      this.refilledAt = now;
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        this.refill();
        if (this.tokens >= 1 - EPSILON) {
          this.tokens -= 1;
          this.waiting.shift()!();
          continue;
        }
        const pausedMs = this.refilledAt - this.clock.now();
        await this.clock.sleep(Math.max(1, pausedMs, Math.ceil((1 - this.tokens) / this.tokensPerMs)));
      }
    } finally {
      this.draining = false;
    }
  }
}
