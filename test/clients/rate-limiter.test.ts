import nock from 'nock';
import { ManualClock, RateLimiterRegistry, RYZEAPI_RATE_LIMIT, TokenBucket } from '../../shared/http';
import { createRyzeApiClient } from '../../shared/ryzeapi';
import { RYZE_TOKEN, RYZE_URL, useNock } from './helpers';

useNock();

/** Tracks whether a promise has settled, without awaiting it. */
function watch<T>(promise: Promise<T>) {
  const state = { settled: false };
  void promise.then(() => (state.settled = true));
  return state;
}

describe('TokenBucket', () => {
  it('lets the capacity through at once, then one more per refill step', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 2, refillTokens: 1, refillIntervalMs: 1000, clock });
    await bucket.acquire();
    await bucket.acquire();

    const third = watch(bucket.acquire());
    await clock.advance(999);
    expect(third.settled).toBe(false);
    await clock.advance(1);
    expect(third.settled).toBe(true);
  });

  it('holds everyone back for the pause a 429 asks for, then starts full (a new service window)', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 3, refillTokens: 3, refillIntervalMs: 1000, clock });
    bucket.pause(5_000);
    expect(bucket.available).toBe(0);
    const waiting = [watch(bucket.acquire()), watch(bucket.acquire())];
    await clock.advance(4_999);
    expect(waiting.map((w) => w.settled)).toEqual([false, false]);
    await clock.advance(1);
    expect(waiting.map((w) => w.settled)).toEqual([true, true]);
    expect(bucket.available).toBe(1);
  });

  it('serves waiters first in, first out, and a newcomer never overtakes them', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 1, refillTokens: 1, refillIntervalMs: 100, clock });
    const order: string[] = [];
    await bucket.acquire();
    const waiting = ['a', 'b', 'c'].map((name) => bucket.acquire().then(() => order.push(name)));
    await clock.advance(100);
    // A token has just come back and "a" took it; "late" must queue behind "b" and "c".
    const late = bucket.acquire().then(() => order.push('late'));
    await clock.advance(300);
    await Promise.all([...waiting, late]);
    expect(order).toEqual(['a', 'b', 'c', 'late']);
  });

  it('keeps a newcomer behind the queue even when a token is back before the queue is served', async () => {
    let now = 0;
    const wakeups: (() => void)[] = [];
    const clock = { now: () => now, sleep: () => new Promise<void>((wake) => wakeups.push(wake)) };
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    const bucket = new TokenBucket({ capacity: 1, refillTokens: 1, refillIntervalMs: 100, clock });
    await bucket.acquire();
    const queued = watch(bucket.acquire());

    now = 100; // a token is back; the queue's drain has not woken up yet
    const late = watch(bucket.acquire());
    await flush();
    expect(late.settled).toBe(false);

    wakeups.shift()!();
    await flush();
    expect(queued.settled).toBe(true);
    expect(late.settled).toBe(false);
  });

  it('never stores more than its capacity while idle', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 3, refillTokens: 1, refillIntervalMs: 10, clock });
    await clock.advance(10_000);
    expect(bucket.available).toBe(3);
  });

  it('refuses a bucket that could never hand out a token', () => {
    expect(() => new TokenBucket({ capacity: 0, refillTokens: 1, refillIntervalMs: 1 })).toThrow(RangeError);
  });
});

describe('RyzeAPI pacing (100/min per token)', () => {
  const tagsPath = '/api/chat/tag/main';
  const answer = { success: true, tags: [] };

  function setup() {
    const clock = new ManualClock(Date.parse('2026-11-21T12:00:00Z'));
    const registry = new RateLimiterRegistry();
    const make = (token: string) =>
      createRyzeApiClient({
        credentials: { token, baseUrl: RYZE_URL },
        instance: 'main',
        rateLimit: { ...RYZEAPI_RATE_LIMIT, clock },
        rateLimiters: registry,
      });
    let requests = 0;
    nock(RYZE_URL)
      .persist()
      .get(tagsPath)
      .reply(200, () => ((requests += 1), answer));
    return { clock, registry, make, requests: () => requests };
  }

  it('holds the 101st request within a minute until a token is back', async () => {
    const { clock, make, requests } = setup();
    const client = make(RYZE_TOKEN);
    await Promise.all(Array.from({ length: 100 }, () => client.listTags()));
    expect(requests()).toBe(100);

    const pending = client.listTags();
    const next = watch(pending);
    await clock.advance(599);
    expect(next.settled).toBe(false);
    expect(requests()).toBe(100);

    await clock.advance(1);
    await pending;
    expect(requests()).toBe(101);
  });

  it('shares one budget between two clients using the same token', async () => {
    const { clock, make, registry, requests } = setup();
    const first = make(RYZE_TOKEN);
    const second = make(RYZE_TOKEN);
    await Promise.all(Array.from({ length: 100 }, () => first.listTags()));

    const fromSecond = watch(second.listTags());
    await clock.advance(100);
    expect(fromSecond.settled).toBe(false);
    expect(requests()).toBe(100);
    expect(registry.size).toBe(1);
  });

  it('gives separate tokens separate budgets', async () => {
    const { make, registry, requests } = setup();
    const first = make(RYZE_TOKEN);
    await Promise.all(Array.from({ length: 100 }, () => first.listTags()));

    await make('another-token-0000').listTags();

    expect(requests()).toBe(101);
    expect(registry.size).toBe(2);
  });

  it('can be turned off', async () => {
    const { make, registry, requests } = setup();
    // Same token and registry as the exhausted bucket: only `rateLimit: false` lets it through.
    const unpaced = createRyzeApiClient({ credentials: { token: RYZE_TOKEN, baseUrl: RYZE_URL }, instance: 'main', rateLimit: false, rateLimiters: registry });
    await Promise.all(Array.from({ length: 100 }, () => make(RYZE_TOKEN).listTags()));
    await unpaced.listTags();
    expect(requests()).toBe(101);
  });
});
