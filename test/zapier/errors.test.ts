import './env';
import nock from 'nock';
import PilotStatusApp from '../../zapier/pilotstatus/src';
import RyzeApiApp from '../../zapier/ryzeapi/src';
import { ALL_SECRETS, PS_BASE, PS_KEY, PS_TENANT_KEY, PS_URL, RYZE_TOKEN, RYZE_URL } from '../clients/helpers';
import { appRunner, partsOf, zapierFailure, type ZapierErrorView } from './helpers';

/*
 * The documented failure answers, from nock, through the apps' z.request transport and the
 * core's error table, to the Zapier error each one becomes. Every error seen here is also
 * checked for secrets at the end.
 */

const pilot = appRunner(PilotStatusApp);
const ryze = appRunner(RyzeApiApp);
const pilotApp = partsOf(PilotStatusApp);
const ryzeApp = partsOf(RyzeApiApp);
const pilotAuth = { apiKey: PS_KEY, retentionDays: '30', baseUrl: PS_URL };
const ryzeAuth = { instance: 'demo', token: RYZE_TOKEN, baseUrl: RYZE_URL };
const sendText = { destination: '+5511988887777', mode: 'text', text: 'Hi {{bundle.inputData.name}}' };
const send = (authData: Record<string, string> = pilotAuth) => pilot(pilotApp.create('send_message').operation.perform, { authData, inputData: sendText });
const listTags = () => ryze(ryzeApp.trigger('new_tag').operation.perform, { authData: ryzeAuth });

const seen: unknown[] = [];
async function failure(promise: Promise<unknown>): Promise<ZapierErrorView> {
  try {
    await promise;
  } catch (error) {
    seen.push(error);
  }
  return zapierFailure(Promise.reject(seen[seen.length - 1] ?? new Error('expected a failure, the call succeeded')));
}

const ryzeFailure = (status: number, message: string) => ({ success: false, error: { message } });

describe('Zapier apps: failure answers become the matching Zapier errors (nock)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());

  it('sends the core’s exact request: auth header from the core, JSON body, user text with {{…}} as typed', async () => {
    let body: unknown;
    let headers: Record<string, unknown> = {};
    nock(PS_BASE)
      .post('/v1/messages/send')
      .reply(function (_uri, requestBody) {
        body = requestBody;
        headers = this.req.headers;
        return [202, { id: 'cm1', correlationId: 'c1', status: 'QUEUED' }];
      });
    expect(await send()).toMatchObject({ id: 'cm1', status: 'QUEUED' });
    expect(body).toEqual({ destinationNumber: '+5511988887777', text: 'Hi {{bundle.inputData.name}}' });
    expect(headers).toMatchObject({ 'x-api-key': PS_KEY, accept: 'application/json', 'content-type': 'application/json' });
  });

  it('manages webhooks with the tenant key and the number id when the connection has them', async () => {
    let headers: Record<string, unknown> = {};
    nock(PS_BASE).get('/v1/webhooks').reply(200, { webhooks: [] });
    nock(PS_BASE)
      .post('/v1/webhooks', { url: 'https://hooks.zapier.com/abc', events: ['message.read'], name: 'Zapier' })
      .reply(function () {
        headers = this.req.headers;
        return [201, { id: 'wh_1', url: 'https://hooks.zapier.com/abc', events: ['message.read'] }];
      });
    const authData = { ...pilotAuth, tenantApiKey: PS_TENANT_KEY, whatsappNumberId: 'num_1' };
    const trigger = pilotApp.trigger('message_event');
    expect(await pilot(trigger.operation.performSubscribe, { authData, inputData: { events: ['message.read'] }, targetUrl: 'https://hooks.zapier.com/abc' })).toMatchObject({ id: 'wh_1' });
    expect(headers).toMatchObject({ 'x-api-key': PS_TENANT_KEY, 'x-whatsapp-number-id': 'num_1' });
  });

  it('reuses a webhook already registered for the target URL (a subscribe whose answer was lost) instead of adding a second', async () => {
    nock(PS_BASE).get('/v1/webhooks').reply(200, { webhooks: [{ id: 'wh_lost', url: 'https://hooks.zapier.com/abc', events: ['message.sent'] }] });
    nock(PS_BASE).patch('/v1/webhooks/wh_lost', { events: ['message.read'] }).reply(200, { id: 'wh_lost', url: 'https://hooks.zapier.com/abc', events: ['message.read'] });
    const trigger = pilotApp.trigger('message_event');
    const subscribed = await pilot(trigger.operation.performSubscribe, { authData: pilotAuth, inputData: { events: ['message.read'] }, targetUrl: 'https://hooks.zapier.com/abc' });
    expect(subscribed).toMatchObject({ id: 'wh_lost', events: ['message.read'] });
    expect(nock.pendingMocks()).toEqual([]);
  });

  describe('429: the core honours Retry-After, then hands the wait to Zapier', () => {
    it('PilotStatus: a long Retry-After becomes a ThrottledError with that delay; the send is not repeated', async () => {
      nock(PS_BASE).post('/v1/messages/send').once().reply(429, { error: 'RATE_LIMITED' }, { 'Retry-After': '120' });
      expect(await failure(send())).toEqual({
        name: 'ThrottledError',
        message: 'PilotStatus is rate limiting requests (retry in 120 s). Retry later, or spread the requests out over time.',
        delay: 120,
      });
    });

    it('RyzeAPI: the delay comes from the server (X-RateLimit-Reset when there is no Retry-After)', async () => {
      const reset = Math.floor(Date.now() / 1000) + 90;
      nock(RYZE_URL).get('/api/chat/tag/demo').reply(429, ryzeFailure(429, 'Too many requests'), { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) });
      const error = await failure(listTags());
      expect(error).toMatchObject({ name: 'ThrottledError', message: expect.stringMatching(/^RyzeAPI is rate limiting requests \(100 per minute per token\) \(retry in (89|90|91) s\)\./) });
      expect(error.delay).toBeGreaterThanOrEqual(88);
      expect(error.delay).toBeLessThanOrEqual(91);
    });

    it('a short Retry-After is waited out inside the step, and the call succeeds', async () => {
      nock(RYZE_URL)
        .get('/api/chat/tag/demo')
        .reply(429, ryzeFailure(429, 'Too many requests'), { 'Retry-After': '1' })
        .get('/api/chat/tag/demo')
        .reply(200, { success: true, tags: [{ id: '1', name: 'VIP', color: 1, type: 'CUSTOM', deleted: false }] });
      expect(await listTags()).toEqual([expect.objectContaining({ id: '1', name: 'VIP' })]);
    });
  });

  describe('errors the user must fix halt the Zap, with the core’s hint', () => {
    it('RyzeAPI 503 "Instance is not connected to WhatsApp": HaltedError, not retried', async () => {
      nock(RYZE_URL).get('/api/chat/tag/demo').once().reply(503, ryzeFailure(503, 'Instance is not connected to WhatsApp'));
      expect(await failure(listTags())).toEqual({
        name: 'HaltedError',
        message: 'The RyzeAPI instance is not connected to WhatsApp. Reconnect the instance: open it in the RyzeAPI dashboard and scan the QR code with WhatsApp on the phone.',
      });
    });

    it('PilotStatus 403 TENANT_SCOPE_NOT_ALLOWED: HaltedError naming the key to use', async () => {
      nock(PS_BASE).post('/v1/messages/send').reply(403, { error: 'TENANT_SCOPE_NOT_ALLOWED' });
      const error = await failure(send());
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(/^A tenant-scoped API key cannot do this: it needs the key of a WhatsApp number\. Use the number-scoped key/);
    });

    it('PilotStatus 402 SUBSCRIPTION_REQUIRED_FOR_MEDIA: HaltedError', async () => {
      nock(PS_BASE).post('/v1/messages/send').reply(402, { error: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA' });
      expect(await failure(send())).toMatchObject({ name: 'HaltedError', message: expect.stringMatching(/^Sending media needs a paid PilotStatus plan\./) });
    });
  });

  describe('other failures are Zapier errors with the core’s code, status and message', () => {
    it('PilotStatus 401: UNAUTHORIZED with the core’s message, even when the body echoes the key', async () => {
      nock(PS_BASE).get('/v1/templates').reply(401, { error: `Invalid API key ${PS_KEY}` });
      const error = await failure(pilot(pilotApp.authentication.test, { authData: pilotAuth }));
      expect(error).toMatchObject({ name: 'AppError', code: 'UNAUTHORIZED', status: 401 });
      expect(error.message).toMatch(/^PilotStatus did not accept the API key\. Check the API key in the credentials/);
    });

    it('RyzeAPI 401 "Invalid token": INVALID_TOKEN', async () => {
      nock(RYZE_URL).get('/api/chat/tag/demo').reply(401, ryzeFailure(401, 'Invalid token'));
      expect(await failure(listTags())).toMatchObject({ name: 'AppError', code: 'INVALID_TOKEN', status: 401, message: expect.stringMatching(/^RyzeAPI did not accept the token\./) });
    });

    it('PilotStatus 400 quoting the service: its words are kept, the key inside them redacted', async () => {
      nock(PS_BASE).post('/v1/messages/send').reply(400, { error: `destinationNumber rejected for key ${PS_KEY}` });
      const error = await failure(send());
      expect(error).toMatchObject({ name: 'AppError', code: 'INVALID_REQUEST', status: 400 });
      expect(error.message).toContain('[REDACTED]');
    });

    it('PilotStatus 500 on a send: SERVER_ERROR, and the send is not repeated', async () => {
      nock(PS_BASE).post('/v1/messages/send').once().reply(500, { error: 'boom' });
      expect(await failure(send())).toMatchObject({ name: 'AppError', code: 'SERVER_ERROR', status: 500 });
    });

    it('a 404 in Find Message is "nothing found", other failures are errors', async () => {
      nock(PS_BASE).get('/v1/messages/cm404').reply(404, { error: 'MESSAGE_NOT_FOUND' }).get('/v1/messages/cm401').reply(401, { error: 'UNAUTHORIZED' });
      const find = (id: string) => pilot(pilotApp.search('find_message').operation.perform, { authData: pilotAuth, inputData: { id } });
      expect(await find('cm404')).toEqual([]);
      expect(await failure(find('cm401'))).toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });

  it('no error above carries a key or token, in its message, its string form or its JSON', () => {
    expect(seen.length).toBeGreaterThanOrEqual(9);
    for (const error of seen) {
      const texts = [(error as Error).message, String(error), JSON.stringify(error), (error as Error).stack ?? ''].join('\n');
      for (const secret of ALL_SECRETS) expect(texts).not.toContain(secret);
    }
  });
});
