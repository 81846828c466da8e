import { RateLimitedError } from '../../shared/errors';
import { DEMO, FAST_RETRY, startTestSandbox, type TestSandbox } from './harness';
import { apiFailure, asClientError, auth, client, reset, ROUTES, seen } from './ryze-helpers';

/** RyzeAPI's per-token fixed window, shrunk to 5 requests so a test can reach it. */
describe('RyzeAPI rate limit (5 per 60 s window)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ ryzeRateLimit: { limit: 5, windowMs: 60_000 } });
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  const spend = async (count: number, token: string = DEMO.ryzeInstanceToken) => {
    for (let i = 0; i < count; i++) expect((await t.http('GET', '/api/chat/tag/demo', auth(token))).status).toBe(200);
  };

  it('answers request #6 with 429, Retry-After and X-RateLimit-*; the first five count down', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const ok = await t.http('GET', '/api/chat/tag/demo', auth());
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-ratelimit-limit')).toBe('5');
      remaining.push(ok.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const refused = await t.http('GET', '/api/chat/tag/demo', auth());
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ success: false, error: { message: expect.any(String) } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const resetAt = Number(refused.headers.get('x-ratelimit-reset'));
    expect(resetAt * 1000).toBeGreaterThan(Date.now());
    expect(asClientError(refused).code).toBe('RATE_LIMITED');
  });

  it('counts every RyzeAPI route in one window per token, and each token on its own', async () => {
    const c = client(t);
    await c.listTags();
    await c.createTag({ name: 'One' });
    await c.assignTag({ number: '5511988887777', tagId: '3' });
    await c.chatsByLabel({ labelIds: '3' });
    await c.unassignTag({ number: '5511988887777', tagId: '3' });
    expect((await t.http('DELETE', '/api/chat/tag/demo?tagId=3', auth())).status).toBe(429);

    // The account token has not been used yet in this window.
    await spend(5, DEMO.ryzeAccountToken);
    expect((await t.http('GET', '/api/chat/tag/demo', auth(DEMO.ryzeAccountToken))).status).toBe(429);
  });

  it('the client surfaces RATE_LIMITED with the wait when it may not wait that long', async () => {
    await spend(5);
    const c = client(t, { retry: { ...FAST_RETRY, maxRateLimitWaitMs: 200 } });
    const error = await apiFailure(c.listTags());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(error.retryAfterMs).toBeGreaterThan(1_000);
    // It did not hammer the server: one refused request for this call.
    expect(await seen(t, 'GET', ROUTES.tags)).toEqual(['200', '200', '200', '200', '200', '429']);
  });

  it('moving the sandbox clock past the window lets requests through again', async () => {
    await spend(5);
    expect((await t.http('GET', '/api/chat/tag/demo', auth())).status).toBe(429);
    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: 60_000 } });
    expect(await client(t).listTags()).toHaveLength(2);
    expect((await t.http('GET', '/api/chat/tag/demo', auth())).headers.get('x-ratelimit-remaining')).toBe('3');
  });

  it('is not applied to the sandbox controls', async () => {
    await spend(5);
    for (let i = 0; i < 8; i++) expect((await t.http('GET', '/_sandbox/ryze/instances/demo/tags')).status).toBe(200);
  });
});

describe('RyzeAPI rate limit with a short window (2 per 2 s)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ ryzeRateLimit: { limit: 2, windowMs: 2_000 } });
  });
  afterAll(() => t.close());

  it('the client waits out Retry-After and then succeeds, without a second refusal', async () => {
    const c = client(t);
    await c.listTags();
    await c.listTags();
    expect(await c.listTags()).toHaveLength(2);
    const statuses = await seen(t, 'GET', ROUTES.tags);
    expect(statuses.filter((s) => s === '429').length).toBeGreaterThanOrEqual(1);
    expect(statuses.at(-1)).toBe('200');
    expect(statuses.filter((s) => s === '200')).toHaveLength(3);
  });
});
