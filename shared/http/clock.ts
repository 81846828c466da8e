/** Time as the retry and rate-limit code sees it; injected so tests never wait for real. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()),
};

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when told to. `advance` wakes sleepers in time order and lets the
 * promise chains they resume run before moving on, so code under test behaves as it would in
 * real time, just without the waiting.
 */
export class ManualClock implements Clock {
  private current: number;
  private sequence = 0;
  private readonly timers: { at: number; order: number; wake: () => void }[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((wake) => this.timers.push({ at: this.current + ms, order: this.sequence++, wake }));
  }

  /** How many sleeps are waiting to be woken. */
  get sleepers(): number {
    return this.timers.length;
  }

  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = next.at;
      next.wake();
    }
    this.current = target;
    await settle();
  }
}
