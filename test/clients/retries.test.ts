import nock from 'nock';
import { NetworkError, RateLimitedError } from '../../shared/errors';
import { backoffMs, RateLimiterRegistry, requestWithRetries, serverRequestedWaitMs, type HttpResponse } from '../../shared/http';
import { createPilotStatusClient } from '../../shared/pilotstatus';
import { createRyzeApiClient } from '../../shared/ryzeapi';
import { failure, fastRetry, PS_BASE, PS_KEY, PS_URL, recordingClock, RYZE_TOKEN, RYZE_URL, useNock } from './helpers';

useNock();

const accepted = { id: 'msg_1', correlationId: 'c1', status: 'QUEUED', createdAt: '2026-11-21T12:00:00.000Z', origin: 'api' };
const send = { destinationNumber: '+5511999999999', text: 'hi' };

function pilot(retryExtra: Record<string, unknown> = {}) {
  const clock = recordingClock();
  const client = createPilotStatusClient({ credentials: { apiKey: PS_KEY, baseUrl: PS_URL }, retry: fastRetry(clock, retryExtra) });
  return { client, clock };
}

type Answer = [number, unknown, Record<string, string>?] | { error: Record<string, unknown> };

/** One interceptor per answer, in order; counts the requests that reached the mock, whatever it answered. */
function counted(base: string, method: 'get' | 'post', path: string, answers: Answer[]) {
  let scope = nock(base);
  for (const answer of answers) {
    const interceptor = scope[method](path);
    scope = 'error' in answer ? interceptor.replyWithError(answer.error) : interceptor.reply(answer[0], answer[1] as nock.Body, answer[2] ?? {});
  }
  let seen = 0;
  scope.on('request', () => (seen += 1));
  return { scope, get seen() { return seen; } };
}

describe('5xx', () => {
  it('a send that gets 500 is tried exactly once', async () => {
    const mock = counted(PS_BASE, 'post', '/v1/messages/send', [[500, { error: 'boom' }], [202, accepted]]);
    const { client, clock } = pilot();

    expect(await failure(client.sendMessage(send))).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
    expect(mock.seen).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a GET that gets 500, 500, 200 succeeds on the third try, with growing backoff', async () => {
    const mock = counted(PS_BASE, 'get', '/v1/messages/msg_1', [[500, {}], [502, {}], [200, { id: 'msg_1', status: 'SENT' }]]);
    const { client, clock } = pilot();

    expect(await client.getMessage('msg_1')).toMatchObject({ status: 'SENT' });
    expect(mock.seen).toBe(3);
    expect(clock.sleeps).toEqual([backoffMs(1, { random: () => 0 }), backoffMs(2, { random: () => 0 })]);
    expect(clock.sleeps[1]).toBeGreaterThan(clock.sleeps[0]!);
  });

  it('a GET gives up after maxAttempts', async () => {
    const mock = counted(PS_BASE, 'get', '/v1/templates', [[503, {}], [503, {}], [503, {}], [200, []]]);
    const { client } = pilot();
    expect(await failure(client.listTemplates())).toMatchObject({ code: 'SERVER_ERROR', status: 503 });
    expect(mock.seen).toBe(3);
  });

  it('"instance not connected" (503) is not retried even for a GET: it does not clear in seconds', async () => {
    const mock = counted(RYZE_URL, 'get', '/api/chat/tag/main', [[503, { success: false, error: { message: 'Instance is not connected to WhatsApp' } }], [200, { tags: [] }]]);
    const client = createRyzeApiClient({ credentials: { token: RYZE_TOKEN, baseUrl: RYZE_URL }, instance: 'main', retry: fastRetry(), rateLimiters: new RateLimiterRegistry() });
    expect(await failure(client.listTags())).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED' });
    expect(mock.seen).toBe(1);
  });

  it('assign and unassign are retried (idempotent); create is not', async () => {
    const ryze = () => createRyzeApiClient({ credentials: { token: RYZE_TOKEN, baseUrl: RYZE_URL }, instance: 'main', retry: fastRetry(), rateLimiters: new RateLimiterRegistry() });
    const assign = counted(RYZE_URL, 'post', '/api/chat/assignTag/main', [[500, {}], [200, { success: true }]]);
    await ryze().assignTag({ number: '5511999999999', tagId: '1' });
    expect(assign.seen).toBe(2);

    const create = counted(RYZE_URL, 'post', '/api/chat/tag/main', [[500, {}], [200, { success: true, tag: { id: '1', name: 'x' } }]]);
    await expect(ryze().createTag({ name: 'x' })).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(create.seen).toBe(1);
  });
});

describe('network failures', () => {
  it('a send refused at connect (ECONNREFUSED) is retried: it never left', async () => {
    const mock = counted(PS_BASE, 'post', '/v1/messages/send', [{ error: { code: 'ECONNREFUSED' } }, [202, accepted]]);
    const { client } = pilot();
    expect(await client.sendMessage(send)).toMatchObject({ id: 'msg_1' });
    expect(mock.seen).toBe(2);
  });

  it('a send whose connection was reset is not retried: it may have been received', async () => {
    const mock = counted(PS_BASE, 'post', '/v1/messages/send', [{ error: { code: 'ECONNRESET', message: 'socket hang up' } }, [202, accepted]]);
    const { client } = pilot();

    const error = await failure(client.sendMessage(send));

    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK', reason: 'connection_reset', reachedServer: true, service: 'pilotstatus' });
    expect((error as NetworkError).hint).toMatch(/status/);
    expect(mock.seen).toBe(1);
    expect(mock.scope.isDone()).toBe(false);
  });

  it('a GET whose connection was reset is retried', async () => {
    const mock = counted(PS_BASE, 'get', '/v1/templates', [{ error: { code: 'ECONNRESET' } }, [200, []]]);
    await pilot().client.listTemplates();
    expect(mock.seen).toBe(2);
  });

  it('a send that keeps failing to connect stops after maxAttempts and says it was not sent', async () => {
    const mock = counted(PS_BASE, 'post', '/v1/messages/send', [{ error: { code: 'ENOTFOUND' } }, { error: { code: 'ENOTFOUND' } }, { error: { code: 'ENOTFOUND' } }]);
    const error = (await failure(pilot().client.sendMessage(send))) as NetworkError;
    expect(error).toMatchObject({ reason: 'dns', reachedServer: false });
    expect(error.message).toMatch(/not sent/);
    expect(mock.seen).toBe(3);
  });
});

describe('429', () => {
  it('is retried even for a send, after the Retry-After seconds', async () => {
    const mock = counted(PS_BASE, 'post', '/v1/messages/send', [[429, {}, { 'Retry-After': '3' }], [202, accepted]]);
    const { client, clock } = pilot();
    expect(await client.sendMessage(send)).toMatchObject({ id: 'msg_1' });
    expect(mock.seen).toBe(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const { client, clock } = pilot();
    const at = new Date(clock.now() + 12_000).toUTCString();
    counted(PS_BASE, 'get', '/v1/templates', [[429, {}, { 'Retry-After': at }], [200, []]]);
    await client.listTemplates();
    expect(clock.sleeps).toEqual([12_000]);
  });

  it('honours X-RateLimit-Reset (epoch seconds) when X-RateLimit-Remaining is 0', async () => {
    const { client, clock } = pilot();
    const reset = String(Math.floor(clock.now() / 1000) + 20);
    counted(PS_BASE, 'get', '/v1/templates', [[429, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset }], [200, []]]);
    await client.listTemplates();
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('gives up with RATE_LIMITED, carrying retryAfterMs, when the wait exceeds the maximum', async () => {
    const mock = counted(PS_BASE, 'post', '/v1/messages/send', [[429, {}, { 'Retry-After': '120' }], [202, accepted]]);
    const { client, clock } = pilot({ maxRateLimitWaitMs: 60_000 });

    const error = await failure(client.sendMessage(send));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 120_000 });
    expect(mock.seen).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('counts waits across attempts against the maximum', async () => {
    const mock = counted(PS_BASE, 'get', '/v1/templates', [[429, {}, { 'Retry-After': '40' }], [429, {}, { 'Retry-After': '40' }], [200, []]]);
    const { client, clock } = pilot({ maxRateLimitWaitMs: 60_000, maxAttempts: 5 });
    expect(await failure(client.listTemplates())).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 40_000 });
    expect(mock.seen).toBe(2);
    expect(clock.sleeps).toEqual([40_000]);
  });

  it('gives up after maxAttempts even when each wait is short', async () => {
    const mock = counted(PS_BASE, 'get', '/v1/templates', [[429, {}, { 'Retry-After': '1' }], [429, {}, { 'Retry-After': '1' }], [200, []]]);
    const { client } = pilot({ maxAttempts: 2 });
    expect(await failure(client.listTemplates())).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1000 });
    expect(mock.seen).toBe(2);
  });
});

describe('serverRequestedWaitMs', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  it.each<[Record<string, string>, number | undefined]>([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': 'Sat, 21 Nov 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Sat, 21 Nov 2026 11:00:00 GMT' }, 0],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 5) }, 5000],
    [{ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': String(now / 1000 + 5) }, undefined],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9' }, 9000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(serverRequestedWaitMs(headers, now)).toBe(expected);
  });
});

describe('requestWithRetries with a transport that is not fetch', () => {
  it('normalizes whatever a host transport throws and still applies the rules', async () => {
    let calls = 0;
    const transport = {
      request: async (): Promise<HttpResponse> => {
        calls += 1;
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } });
      },
    };
    const clock = recordingClock();
    const plan = { transport, retry: { clock, random: () => 0 }, toNetworkError: (e: unknown) => new NetworkError('ryzeapi', e instanceof TypeError ? 'connect_timeout' : 'unknown') };
    await expect(requestWithRetries(plan, { method: 'POST', path: '/x', idempotent: false })).rejects.toMatchObject({ reachedServer: false });
    expect(calls).toBe(3);
  });
});

describe('a 404 after a repeated delete', () => {
  // The webhook delete is the PilotStatus endpoint that treats "gone on a repeat" as done.
  const deleteOn = (answers: Answer[]) => {
    let scope = nock(PS_BASE);
    for (const answer of answers) {
      const interceptor = scope.delete('/v1/webhooks/wh_1');
      scope = 'error' in answer ? interceptor.replyWithError(answer.error) : interceptor.reply(answer[0], answer[1] as nock.Body);
    }
    return scope;
  };

  it.each<[string, Answer[]]>([
    ['a reset connection (the first delete may have happened)', [{ error: { code: 'ECONNRESET' } }, [404, { error: 'WEBHOOK_NOT_FOUND' }]]],
    ['a 502 (the first delete may have happened)', [[502, {}], [404, { error: 'WEBHOOK_NOT_FOUND' }]]],
  ])('is success after %s', async (_name, answers) => {
    const scope = deleteOn(answers);
    await expect(pilot().client.deleteWebhook('wh_1')).resolves.toEqual({ id: 'wh_1', deleted: true });
    expect(scope.isDone()).toBe(true);
  });

  it.each<[string, Answer[]]>([
    ['on the first try', [[404, { error: 'WEBHOOK_NOT_FOUND' }]]],
    ['after a refused connection (the first delete never left)', [{ error: { code: 'ECONNREFUSED' } }, [404, { error: 'WEBHOOK_NOT_FOUND' }]]],
  ])('is still not found %s', async (_name, answers) => {
    const scope = deleteOn(answers);
    expect(await failure(pilot().client.deleteWebhook('wh_1'))).toMatchObject({ code: 'WEBHOOK_NOT_FOUND', status: 404 });
    expect(scope.isDone()).toBe(true);
  });
});
