import nock from 'nock';
import { inspect } from 'node:util';
import { ApiError, NetworkError } from '../../shared/errors';
import { RateLimiterRegistry, RYZEAPI_RATE_LIMIT } from '../../shared/http';
import { createPilotStatusClient } from '../../shared/pilotstatus';
import { createRyzeApiClient } from '../../shared/ryzeapi';
import { createRedactor, REDACTED, redactValue, secretFingerprint } from '../../shared/secrets';
import { ALL_SECRETS, expectNoSecrets, failure, fastRetry, PS_BASE, PS_KEY, PS_KEY_ID, PS_TENANT_KEY, PS_URL, RYZE_TOKEN, RYZE_URL, useNock } from './helpers';

useNock();

const retry = fastRetry(undefined, { maxAttempts: 1 });
const pilot = () =>
  createPilotStatusClient({ credentials: { apiKey: PS_KEY, apiKeyId: PS_KEY_ID, tenantApiKey: PS_TENANT_KEY, baseUrl: PS_URL }, retry });
const ryze = () => createRyzeApiClient({ credentials: { token: RYZE_TOKEN, baseUrl: RYZE_URL }, instance: 'main', retry, rateLimiters: new RateLimiterRegistry() });
const send = { destinationNumber: '+5511999999999', text: 'hi' };

describe('no key or token appears in any error', () => {
  it('PilotStatus 401 whose body echoes the key, its id and the tenant key', async () => {
    nock(PS_BASE).post('/v1/messages/send').reply(401, { error: `Invalid key ${PS_KEY} (id ${PS_KEY_ID}); tenant ${PS_TENANT_KEY}` });
    const error = (await failure(pilot().sendMessage(send))) as ApiError;
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.serviceMessage).toBe(`Invalid key ${REDACTED} (id ${REDACTED}); tenant ${REDACTED}`);
    expectNoSecrets(error);
  });

  it('a ps_ key the client was not given is still caught by its shape', async () => {
    nock(PS_BASE).get('/v1/templates').reply(403, { error: 'key ps_other_SECRET_abcdef123 is tenant-scoped' });
    const error = (await failure(pilot().listTemplates())) as ApiError;
    expect(error.message).toContain(REDACTED);
    expectNoSecrets(error);
  });

  it('webhook calls with the tenant key whose 403 echoes it', async () => {
    nock(PS_BASE).get('/v1/webhooks').reply(403, { error: 'NUMBER_SCOPE_NOT_ALLOWED', key: PS_TENANT_KEY, message: `header x-api-key: ${PS_TENANT_KEY}` });
    const error = await failure(pilot().listWebhooks());
    expect(error).toMatchObject({ code: 'NUMBER_SCOPE_NOT_ALLOWED' });
    expectNoSecrets(error);
  });

  it('RyzeAPI 401 that echoes the token still maps to INVALID_TOKEN', async () => {
    nock(RYZE_URL).get('/api/chat/tag/main').reply(401, { success: false, error: { message: `Invalid token: ${RYZE_TOKEN}` } });
    const error = (await failure(ryze().listTags())) as ApiError;
    expect(error.code).toBe('INVALID_TOKEN');
    expect(error.serviceMessage).toBe(`Invalid token: ${REDACTED}`);
    expectNoSecrets(error);
  });

  it('a 5xx text body echoing the token URL- and JSON-encoded', async () => {
    nock(RYZE_URL)
      .post('/api/chat/tag/main')
      .reply(500, `upstream failed for ?token=${encodeURIComponent(RYZE_TOKEN)} body={"token":${JSON.stringify(RYZE_TOKEN)}}`);
    const error = (await failure(ryze().createTag({ name: 'VIP' }))) as ApiError;
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.message).toContain(REDACTED);
    expectNoSecrets(error);
  });

  it('a network error whose low-level message carries the token', async () => {
    nock(RYZE_URL).post('/api/chat/tag/main').replyWithError({ code: 'ECONNRESET', message: `socket hang up (token: ${RYZE_TOKEN})` });
    const error = (await failure(ryze().createTag({ name: 'VIP' }))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.detail).toContain(REDACTED);
    expectNoSecrets(error);
  });

  it('a network error nested as a cause, the way fetch reports it', async () => {
    const cause = Object.assign(new Error(`connect ECONNREFUSED with key ${PS_KEY}`), { code: 'ECONNREFUSED' });
    const failing = { request: async () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause })) };
    const client = createPilotStatusClient({ credentials: { apiKey: PS_KEY, baseUrl: PS_URL }, retry, transport: () => failing });
    const error = await failure(client.sendMessage(send));
    expect(error).toMatchObject({ reason: 'connection_refused', reachedServer: false });
    expectNoSecrets(error);
  });

  it('an unexpected 2xx shape that contains the token', async () => {
    nock(RYZE_URL).get('/api/chat/tag/main').reply(200, { success: true, tags: RYZE_TOKEN });
    const error = await failure(ryze().listTags());
    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expectNoSecrets(error);
  });

  it('a rate-limit error', async () => {
    nock(PS_BASE).post('/v1/messages/send').reply(429, { error: `slow down ${PS_KEY}` }, { 'Retry-After': '5' });
    const error = await failure(pilot().sendMessage(send));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 5000 });
    expectNoSecrets(error);
  });

  it('credentials pasted into the wrong field', () => {
    let error: unknown;
    try {
      createPilotStatusClient({ credentials: { apiKey: PS_KEY, baseUrl: PS_TENANT_KEY } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeDefined();
    expectNoSecrets(error);
  });
});

describe('process-wide structures hold fingerprints, not tokens', () => {
  it('the rate limiter registry', async () => {
    const registry = new RateLimiterRegistry();
    registry.forSecret('ryzeapi', RYZE_TOKEN, RYZEAPI_RATE_LIMIT);
    expect(inspect(registry, { depth: 10, showHidden: true })).not.toContain(RYZE_TOKEN);
  });

  it('fingerprints are stable, distinct and do not contain the secret', () => {
    expect(secretFingerprint(RYZE_TOKEN)).toBe(secretFingerprint(RYZE_TOKEN));
    expect(secretFingerprint(RYZE_TOKEN)).not.toBe(secretFingerprint(PS_KEY));
    for (const secret of ALL_SECRETS) expect(secretFingerprint(secret)).not.toContain(secret.slice(0, 8));
  });
});

describe('createRedactor', () => {
  it('replaces every spelling of each secret and keeps the rest of the text', () => {
    const redact = createRedactor([RYZE_TOKEN, undefined, 'abc']);
    expect(redact(`a ${RYZE_TOKEN} b ${encodeURIComponent('x')} abc`)).toBe(`a ${REDACTED} b x abc`);
  });

  it('redacts inside JSON values without changing their shape', () => {
    const redact = createRedactor([PS_KEY]);
    expect(redactValue({ list: [PS_KEY, 1], nested: { key: `k=${PS_KEY}` } }, redact)).toEqual({ list: [REDACTED, 1], nested: { key: `k=${REDACTED}` } });
  });
});

it('a NetworkError thrown by a host transport is re-redacted with the client secrets', async () => {
  const hostError = new NetworkError('ryzeapi', 'connection_reset', `reset while sending token ${RYZE_TOKEN}`);
  const client = createRyzeApiClient({
    credentials: { token: RYZE_TOKEN, baseUrl: RYZE_URL },
    instance: 'main',
    retry,
    rateLimit: false,
    transport: () => ({ request: async () => Promise.reject(hostError) }),
  });
  const error = await failure(client.createTag({ name: 'VIP' }));
  expect(error).toMatchObject({ reason: 'connection_reset', reachedServer: true });
  expectNoSecrets(error);
});
