import nock from 'nock';
import { ApiError, ValidationError } from '../../shared/errors';
import { createPilotStatusClient, pilotStatusAuthHeaders, parsePilotStatusCredentials } from '../../shared/pilotstatus';
import { failure, fastRetry, PS_BASE, PS_KEY, PS_KEY_ID, PS_TENANT_KEY, PS_URL, useNock } from './helpers';

useNock();

const now = new Date('2026-11-21T12:00:00.000Z');
const client = (credentials: Record<string, unknown> = {}) =>
  createPilotStatusClient({ credentials: { apiKey: PS_KEY, baseUrl: PS_URL, ...credentials }, retry: fastRetry(), now: () => now });

const accepted = { id: 'cmm04obm46zz0qv4ycjp8x6r2', correlationId: 'b3f1c2a4', status: 'QUEUED', createdAt: '2026-11-21T12:00:00.000Z', origin: 'api' };

describe('sendMessage', () => {
  it('posts the validated body with the number key and returns the 202 answer, extra fields kept', async () => {
    const scope = nock(PS_BASE, { reqheaders: { 'x-api-key': PS_KEY, 'content-type': 'application/json' }, badheaders: ['x-whatsapp-number-id', 'authorization'] })
      .post('/v1/messages/send', { destinationNumber: '+5511999999999', templateId: 'order_update', labels: ['vip', 'customers'] })
      .reply(202, { ...accepted, sourceNumber: '5511988887777' });

    const result = await client().sendMessage({ destinationNumber: '+55 11 99999-9999', templateId: 'order_update', labels: 'vip, customers' });

    expect(result).toEqual({ ...accepted, sourceNumber: '5511988887777' });
    expect(scope.isDone()).toBe(true);
  });

  it('sends nothing when the input is invalid, and reports every issue', async () => {
    const scope = nock(PS_BASE).post('/v1/messages/send').reply(202, accepted);

    const error = await failure(client().sendMessage({ destinationNumber: '123', text: 'hi', templateId: 'x' }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.length).toBeGreaterThan(0);
    expect(scope.isDone()).toBe(false);
  });

  it('uses the configured default country to read national numbers', async () => {
    const scope = nock(PS_BASE).post('/v1/messages/send', { destinationNumber: '+5511999999999', text: 'Olá' }).reply(202, accepted);
    const br = createPilotStatusClient({ credentials: { apiKey: PS_KEY, baseUrl: PS_URL }, defaultCountry: 'BR', retry: fastRetry() });

    await br.sendMessage({ destinationNumber: '(11) 99999-9999', text: 'Olá' });

    expect(scope.isDone()).toBe(true);
  });

  it('rejects a 2xx answer without an id as an unexpected response', async () => {
    nock(PS_BASE).post('/v1/messages/send').reply(202, { status: 'QUEUED' });

    const error = await failure(client().sendMessage({ destinationNumber: '+5511999999999', text: 'hi' }));

    expect(error).toMatchObject({ code: 'UNEXPECTED_RESPONSE', service: 'pilotstatus', status: 202 });
  });

  it('defaults to the documented base URL', async () => {
    const scope = nock('https://pilotstatus.com.br').get('/v1/templates').reply(200, []);
    await createPilotStatusClient({ credentials: { apiKey: PS_KEY } }).listTemplates();
    expect(scope.isDone()).toBe(true);
  });
});

describe('getMessage', () => {
  it('puts the id in the path, URL-encoded, and parses the status', async () => {
    const wamid = 'wamid.HBgL/NTUx+MTk=';
    const scope = nock(PS_BASE, { reqheaders: { 'x-api-key': PS_KEY } })
      .get(`/v1/messages/${encodeURIComponent(wamid)}`)
      .reply(200, { id: 'msg_abc', status: 'DELIVERED', correlationId: 'corr_1', readAt: null, externalMessageId: wamid, newField: 1 });

    const message = await client().getMessage(` ${wamid} `);

    expect(message).toMatchObject({ id: 'msg_abc', status: 'DELIVERED', readAt: null, newField: 1 });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an empty id without a request', async () => {
    const scope = nock(PS_BASE).get(/.*/).reply(200, {});
    await expect(client().getMessage('  ')).rejects.toBeInstanceOf(ValidationError);
    expect(scope.isDone()).toBe(false);
  });
});

describe('cancelMessage', () => {
  it('sends DELETE /messages/cancel with the id in a JSON body', async () => {
    const scope = nock(PS_BASE).delete('/v1/messages/cancel', { messageIds: ['msg_1'] }).reply(200, { cancelled: 1, notFound: 0 });

    expect(await client().cancelMessage('msg_1')).toMatchObject({ id: 'msg_1', cancelled: true });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['a count of zero found', { cancelled: 0, notFound: 1 }, { cancelled: false, reason: 'NOT_FOUND' }],
    ['a failed list with a reason', { cancelled: [], failed: [{ id: 'msg_1', reason: 'ALREADY_SENT' }] }, { cancelled: false, reason: 'ALREADY_SENT' }],
    ['a cancelled list naming the id', { cancelled: ['msg_1'], failed: [] }, { cancelled: true }],
    ['a cancelled list of objects', { cancelled: [{ messageId: 'msg_1' }] }, { cancelled: true }],
  ])('reads %s', async (_, answer, expected) => {
    nock(PS_BASE).delete('/v1/messages/cancel').reply(200, answer);
    const result = await client().cancelMessage('msg_1');
    expect(result).toMatchObject(expected);
    expect(result).toEqual(expect.objectContaining({ response: answer }));
  });

  it('cancels a batch and refuses more than 100 ids before sending', async () => {
    const scope = nock(PS_BASE).delete('/v1/messages/cancel', { messageIds: ['a', 'b'] }).reply(200, { cancelled: 2, notFound: 0 });
    await client().cancelMessages(['a', 'b', 'a']);
    expect(scope.isDone()).toBe(true);

    const tooMany = Array.from({ length: 101 }, (_, i) => `m${i}`);
    const error = await failure(client().cancelMessages(tooMany));
    expect((error as ValidationError).issues.map((i) => i.rule)).toEqual(['messageIds.too_many']);
  });
});

describe('listTemplates', () => {
  const template = { id: 'tpl_1', name: 'order_update', category: 'UTILITY', source: 'META', metaStatus: 'APPROVED', sendable: true, variables: ['name'] };

  it.each([
    ['a bare list', [template]],
    ['a { templates } envelope', { templates: [template] }],
    ['a { data } envelope', { data: [template] }],
  ])('reads %s', async (_, answer) => {
    const scope = nock(PS_BASE, { reqheaders: { 'x-api-key': PS_KEY } }).get('/v1/templates').reply(200, answer);
    expect(await client().listTemplates()).toEqual([template]);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps a template whose variables have an unknown shape', async () => {
    nock(PS_BASE).get('/v1/templates').reply(200, [{ id: 'tpl_2', name: 'x', variables: { weird: true } }]);
    expect(await client().listTemplates()).toEqual([{ id: 'tpl_2', name: 'x' }]);
  });
});

describe('webhooks', () => {
  const hook = { id: 'wh_1', url: 'https://hooks.example.com/in', name: 'n8n', active: true, events: ['message.delivered'], environment: 'LIVE' };
  const tenantHeaders = { 'x-api-key': PS_TENANT_KEY, 'x-whatsapp-number-id': 'num_1' };
  const tenantClient = () => client({ tenantApiKey: PS_TENANT_KEY, whatsappNumberId: 'num_1' });

  it('uses the tenant key and number id when configured', async () => {
    const scope = nock(PS_BASE, { reqheaders: tenantHeaders }).get('/v1/webhooks').reply(200, [hook]);
    expect(await tenantClient().listWebhooks()).toEqual([hook]);
    expect(scope.isDone()).toBe(true);
  });

  it('falls back to the number key without a tenant key, and sends no number id', async () => {
    const scope = nock(PS_BASE, { reqheaders: { 'x-api-key': PS_KEY }, badheaders: ['x-whatsapp-number-id'] })
      .get('/v1/webhooks')
      .reply(200, { webhooks: [hook] });
    expect(await client({ whatsappNumberId: 'num_1' }).listWebhooks()).toEqual([hook]);
    expect(scope.isDone()).toBe(true);
  });

  it('creates with url, events (deduplicated, from text) and name', async () => {
    const scope = nock(PS_BASE, { reqheaders: tenantHeaders })
      .post('/v1/webhooks', { url: 'https://hooks.example.com/in', events: ['message.delivered', 'message.read'], name: 'n8n' })
      .reply(201, hook);
    const created = await tenantClient().createWebhook({ url: ' https://hooks.example.com/in ', events: 'message.delivered, message.read,message.delivered', name: 'n8n' });
    expect(created.id).toBe('wh_1');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an empty event list and a non-http URL before sending', async () => {
    const scope = nock(PS_BASE).post('/v1/webhooks').reply(201, hook);
    const error = (await failure(tenantClient().createWebhook({ url: 'ftp://x', events: [] }))) as ValidationError;
    expect(error.issues.map((i) => i.field).sort()).toEqual(['events', 'url']);
    expect(error.message).toContain('"*"');
    expect(scope.isDone()).toBe(false);
  });

  it('gets, updates (PATCH with only the given fields) and deletes by encoded id', async () => {
    const scope = nock(PS_BASE, { reqheaders: tenantHeaders })
      .get('/v1/webhooks/wh%2F1')
      .reply(200, hook)
      .patch('/v1/webhooks/wh%2F1', { events: ['*'], active: false })
      .reply(200, { ...hook, events: ['*'], active: false })
      .delete('/v1/webhooks/wh%2F1')
      .reply(204);
    const c = tenantClient();
    expect((await c.getWebhook('wh/1')).id).toBe('wh_1');
    expect((await c.updateWebhook('wh/1', { events: ['*'], active: false })).events).toEqual(['*']);
    expect(await c.deleteWebhook('wh/1')).toEqual({ id: 'wh/1', deleted: true });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an update with nothing to change', async () => {
    const error = (await failure(tenantClient().updateWebhook('wh_1', {}))) as ValidationError;
    expect(error.issues.map((i) => i.rule)).toEqual(['webhook.no_changes']);
  });
});

describe('credentials', () => {
  it('needs a number key, and says where to find it', () => {
    expect(() => createPilotStatusClient({ credentials: { tenantApiKey: PS_TENANT_KEY } })).toThrow(/credentials\.apiKey is required.*\/api-keys/);
  });

  it('authenticates with the key id when no raw key is given', () => {
    const credentials = parsePilotStatusCredentials({ apiKeyId: PS_KEY_ID, apiKey: '  ' });
    expect(pilotStatusAuthHeaders(credentials, 'number')).toEqual({ 'x-api-key-id': PS_KEY_ID });
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() => parsePilotStatusCredentials({ apiKey: PS_KEY, baseUrl: 'pilotstatus.com.br' })).toThrow(/credentials\.baseUrl must be an http\(s\) URL/);
  });

  it('never sends a Bearer header', async () => {
    const scope = nock(PS_BASE, { badheaders: ['authorization'] }).get('/v1/templates').reply(200, []);
    await client().listTemplates();
    expect(scope.isDone()).toBe(true);
  });
});

it('maps a failure to ApiError with the service, status and hint', async () => {
  nock(PS_BASE).post('/v1/messages/send').reply(403, { error: 'TENANT_SCOPE_NOT_ALLOWED' });
  const error = await failure(client().sendMessage({ destinationNumber: '+5511999999999', text: 'hi' }));
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ service: 'pilotstatus', status: 403, code: 'TENANT_SCOPE_NOT_ALLOWED', serviceCode: 'TENANT_SCOPE_NOT_ALLOWED' });
});
