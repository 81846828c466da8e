import nock from 'nock';
import { ApiError, RateLimitedError, type ApiErrorCode } from '../../shared/errors';
import { RateLimiterRegistry } from '../../shared/http';
import { createPilotStatusClient } from '../../shared/pilotstatus';
import { createRyzeApiClient } from '../../shared/ryzeapi';
import { failure, fastRetry, PS_BASE, PS_KEY, PS_URL, RYZE_TOKEN, RYZE_URL, useNock } from './helpers';

useNock();

// One attempt: these tests are about the mapping, not about retries.
const retry = fastRetry(undefined, { maxAttempts: 1 });
const pilot = () => createPilotStatusClient({ credentials: { apiKey: PS_KEY, baseUrl: PS_URL }, retry });
const ryze = () => createRyzeApiClient({ credentials: { token: RYZE_TOKEN, baseUrl: RYZE_URL }, instance: 'main', retry, rateLimiters: new RateLimiterRegistry() });

type Row = [status: number, body: unknown, code: ApiErrorCode, hint: RegExp];

describe('PilotStatus: every documented error → code, status, hint', () => {
  it.each<Row>([
    [400, { error: 'destinationNumber must be in E.164 format' }, 'INVALID_REQUEST', /E\.164/],
    [400, { error: 'MISSING_TEMPLATE_VARIABLES' }, 'MISSING_TEMPLATE_VARIABLES', /variables/],
    [400, { error: 'NOT_SUPPORTED_FOR_META' }, 'NOT_SUPPORTED_FOR_META', /phone number/],
    [400, { error: 'NUMBER_REQUIRED' }, 'NUMBER_REQUIRED', /WhatsApp number id/],
    [400, { error: 'NUMBER_MISMATCH' }, 'NUMBER_MISMATCH', /number id/],
    [401, { error: 'Invalid API key' }, 'UNAUTHORIZED', /API key.*ps_/],
    [402, { error: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA' }, 'SUBSCRIPTION_REQUIRED_FOR_MEDIA', /paid plan/],
    [402, { error: 'Payment required' }, 'PAYMENT_REQUIRED', /subscription/],
    [403, { error: 'TENANT_SCOPE_NOT_ALLOWED' }, 'TENANT_SCOPE_NOT_ALLOWED', /number-scoped key.*\/api-keys/],
    [403, { error: 'NUMBER_SCOPE_NOT_ALLOWED' }, 'NUMBER_SCOPE_NOT_ALLOWED', /tenant-scoped key.*Profile → API/],
    [403, { error: 'Forbidden' }, 'FORBIDDEN', /scope/],
    [404, { error: 'NUMBER_NOT_FOUND' }, 'NUMBER_NOT_FOUND', /WhatsApp number id/],
    [404, { error: 'TEMPLATE_NOT_FOUND' }, 'TEMPLATE_NOT_FOUND', /template/],
    [404, { error: 'WEBHOOK_NOT_FOUND' }, 'WEBHOOK_NOT_FOUND', /webhooks/],
    [404, { error: 'Message not found' }, 'NOT_FOUND', /only sees its own/],
    [429, { error: 'Too many requests' }, 'RATE_LIMITED', /later/],
    [500, { error: 'Internal error' }, 'SERVER_ERROR', /check its status/],
    [418, 'I am a teapot', 'BAD_REQUEST', /./],
  ])('%i %j → %s', async (status, body, code, hint) => {
    nock(PS_BASE).post('/v1/messages/send').reply(status, body as nock.Body);

    const error = (await failure(pilot().sendMessage({ destinationNumber: '+5511999999999', text: 'hi' }))) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ service: 'pilotstatus', status, code });
    expect(error.hint ?? '').toMatch(hint);
    expect(error.toJSON()).toMatchObject({ code, status, service: 'pilotstatus' });
  });

  it('reads the code from `code` as well as from `error`, and quotes the text of catch-all rows', async () => {
    nock(PS_BASE).post('/v1/messages/send').reply(400, { code: 'MISSING_TEMPLATE_VARIABLES', message: 'missing: nome', details: { missing: ['nome'] } });
    const missing = (await failure(pilot().sendMessage({ destinationNumber: '+5511999999999', templateId: 't' }))) as ApiError;
    expect(missing).toMatchObject({ code: 'MISSING_TEMPLATE_VARIABLES', serviceCode: 'MISSING_TEMPLATE_VARIABLES', serviceMessage: 'missing: nome' });

    nock(PS_BASE).post('/v1/messages/send').reply(400, { error: 'destinationNumber must be in E.164 format' });
    const invalid = (await failure(pilot().sendMessage({ destinationNumber: '+5511999999999', text: 'hi' }))) as ApiError;
    expect(invalid.message).toBe('PilotStatus rejected the request: destinationNumber must be in E.164 format');
  });

  it('makes a 429 a RateLimitedError', async () => {
    nock(PS_BASE).get('/v1/templates').reply(429, {}, { 'Retry-After': '7' });
    const error = await failure(pilot().listTemplates());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 7000 });
  });
});

describe('RyzeAPI: every documented error → code, status, hint', () => {
  const fail = (message: string) => ({ success: false, error: { message } });

  it.each<Row>([
    [400, fail('Instance name is required'), 'INSTANCE_NAME_REQUIRED', /instance name/],
    [400, fail('Invalid request body: unexpected end of JSON input'), 'INVALID_REQUEST_BODY', /report/],
    [400, fail('Tag name is required'), 'TAG_NAME_REQUIRED', /name/],
    [400, fail('Number is required'), 'CHAT_NUMBER_REQUIRED', /phone number/],
    [400, fail('number query parameter is required'), 'CHAT_NUMBER_REQUIRED', /phone number/],
    [400, fail('tagId is required'), 'TAG_ID_REQUIRED', /tag/],
    [400, fail('tagId query parameter is required'), 'TAG_ID_REQUIRED', /tag/],
    [401, fail('Invalid token'), 'INVALID_TOKEN', /token/],
    [401, fail('Unauthorized'), 'UNAUTHORIZED', /token/],
    [404, fail('Instance not found'), 'INSTANCE_NOT_FOUND', /instance name/],
    [404, fail('Tag not found'), 'TAG_NOT_FOUND', /List the tags/],
    [404, 'Cannot GET /api/chat/tag/main', 'NOT_FOUND', /base URL/],
    [429, fail('rate limit exceeded'), 'RATE_LIMITED', /later/],
    [503, fail('Instance is not connected to WhatsApp'), 'INSTANCE_NOT_CONNECTED', /reconnect.*QR code/i],
    [502, '<html>Bad gateway</html>', 'SERVER_ERROR', /later/],
    [400, fail('Something new'), 'BAD_REQUEST', /./],
  ])('%i %j → %s', async (status, body, code, hint) => {
    nock(RYZE_URL).get('/api/chat/tag/main').reply(status, body as nock.Body);

    const error = (await failure(ryze().listTags())) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ service: 'ryzeapi', status, code });
    expect(error.hint ?? '').toMatch(hint);
  });

  it('keeps the service text apart from the message', async () => {
    nock(RYZE_URL).post('/api/chat/assignTag/main').reply(404, fail('Tag not found'));
    const error = (await failure(ryze().assignTag({ number: '5511999999999', tagId: '99' }))) as ApiError;
    expect(error.message).toBe('RyzeAPI has no tag with that id on this instance');
    expect(error.serviceMessage).toBe('Tag not found');
  });

  it('treats a 200 with success: false as a failure', async () => {
    nock(RYZE_URL).get('/api/chat/tag/main').reply(200, fail('Instance not found'));
    expect(await failure(ryze().listTags())).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });
});
