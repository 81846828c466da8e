import { secretFingerprint } from '../secrets';
import { TokenBucket, type TokenBucketOptions } from './token-bucket';

/**
 * One bucket per credential, shared by every client and call in the process that uses it: the
 * service counts requests per token, not per client object. Buckets are keyed by a fingerprint,
 * never by the token itself. The first caller's options create the bucket; later callers share it.
 */
export class RateLimiterRegistry {
  private readonly buckets = new Map<string, TokenBucket>();

  forSecret(namespace: string, secret: string, options: TokenBucketOptions): TokenBucket {
    const key = `${namespace}:${secretFingerprint(secret)}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(options);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  get size(): number {
    return this.buckets.size;
  }
}

/** The process-wide registry clients use unless given another (tests pass their own). */
export const sharedRateLimiters = new RateLimiterRegistry();
