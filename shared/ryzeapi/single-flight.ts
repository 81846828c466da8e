/**
 * Runs one piece of work per key at a time: callers arriving while it runs get its result
 * instead of starting their own. Used so concurrent "ensure tag" calls create one tag, not several.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  async run(key: string, work: () => Promise<T>): Promise<{ readonly value: T; readonly joined: boolean }> {
    const current = this.running.get(key);
    if (current) return { value: await current, joined: true };
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return { value: await started, joined: false };
  }

  get size(): number {
    return this.running.size;
  }
}
