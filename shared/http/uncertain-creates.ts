import { NetworkError } from '../errors';

/**
 * A create that reached the service but got no answer (a timeout, a reset) may still land after
 * the client gave up. Creating the same thing again at once would leave two when it does, so the
 * next create of the same thing in this process first watches for the first one to appear.
 */
export interface SettlingOptions {
  /** How long after the unanswered create to keep looking for it before creating again. */
  readonly windowMs: number;
  readonly pollMs: number;
}
export const DEFAULT_SETTLING: SettlingOptions = { windowMs: 5_000, pollMs: 500 };

export class UncertainCreates {
  /** Key of the thing created → when its create failed without knowing whether it landed. */
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly settling: SettlingOptions = DEFAULT_SETTLING) {}

  /** Runs a create, remembering the key when its outcome is unknown. */
  async create<T>(key: string, create: () => Promise<T>): Promise<T> {
    try {
      const created = await create();
      this.failedAt.delete(key);
      return created;
    } catch (error) {
      if (error instanceof NetworkError && error.reachedServer) this.failedAt.set(key, Date.now());
      throw error;
    }
  }

  /**
   * After an unanswered create of `key`, polls `find` until it shows the late result or the
   * window passes; resolves undefined at once when no create of `key` is in doubt.
   */
  async awaitLanding<T>(key: string, find: () => Promise<T | undefined>): Promise<T | undefined> {
    const failedAt = this.failedAt.get(key);
    if (failedAt === undefined) return undefined;
    try {
      while (Date.now() - failedAt < this.settling.windowMs) {
        await new Promise((resolve) => setTimeout(resolve, this.settling.pollMs));
        const landed = await find();
        if (landed !== undefined) return landed;
      }
      return undefined;
    } finally {
      this.failedAt.delete(key);
    }
  }
}

// Process-wide on purpose: every client of the same account must see the same doubts.
export const uncertainCreates = new UncertainCreates();
