import { NetworkError } from '../../shared/errors';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { apiFailure, failure, requestsTo, resetSandbox } from './pilotstatus-helpers';

const SEND = '/v1/messages/send';
const MESSAGE = '/v1/messages/:id';

describe('PilotStatus sandbox: the client against injected faults', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  beforeEach(() => resetSandbox(t));
  afterAll(() => t.close());

  const fault = async (spec: Record<string, unknown>) => expect((await t.http('POST', '/_sandbox/faults', { body: spec })).status).toBe(201);
  const messageCount = async () => ((await t.dump()).messages as unknown[]).length;

  it('does not repeat a send that got a 500, so no message is duplicated', async () => {
    // Only the first request fails: a retry would have gone through and queued a message.
    await fault({ method: 'POST', route: SEND, status: 500 });
    const error = await apiFailure(t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' }));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
    expect(await requestsTo(t, 'POST', SEND)).toEqual([expect.objectContaining({ status: 500 })]);
    expect(await messageCount()).toBe(0);
  });

  it('reports a send whose answer was lost (drop_after) as a network error that may have been received, and does not repeat it', async () => {
    await fault({ method: 'POST', route: SEND, mode: 'drop_after' });
    const error = await failure(t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK', reachedServer: true });
    expect(await requestsTo(t, 'POST', SEND)).toEqual([expect.objectContaining({ fault: 'drop_after' })]);
    expect(await messageCount()).toBe(1);
  });

  it('repeats a send refused with 429 (it had no effect), queuing exactly one message', async () => {
    await fault({ method: 'POST', route: SEND, status: 429, headers: { 'retry-after': '0' } });
    const sent = await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
    expect(sent.status).toBe('QUEUED');
    expect((await requestsTo(t, 'POST', SEND)).map((r) => r.status)).toEqual([429, 202]);
    expect(await messageCount()).toBe(1);
  });

  it('treats a webhook delete whose answer was lost as done: the retry meets 404 and the webhook is gone', async () => {
    const tenant = t.pilot({ apiKey: DEMO.keyRetention30, tenantApiKey: DEMO.tenantKey });
    const { id } = await tenant.createWebhook({ url: 'https://example.com/hook', events: ['message.sent'] });
    await fault({ method: 'DELETE', route: '/v1/webhooks/:id', mode: 'drop_after' });
    await tenant.deleteWebhook(id);
    expect((await requestsTo(t, 'DELETE', '/v1/webhooks/:id')).map((r) => r.status)).toEqual([0, 404]);
    expect((await t.dump()).webhooks).toEqual([]);
    // Without a lost first answer, a 404 is a real "not found".
    expect(await apiFailure(tenant.deleteWebhook(id))).toMatchObject({ status: 404 });
  });

  it('retries a status read through two 500s and succeeds', async () => {
    const { id } = await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
    await fault({ method: 'GET', route: MESSAGE, status: 500, count: 2 });
    expect((await t.pilot().getMessage(id)).id).toBe(id);
    expect((await requestsTo(t, 'GET', MESSAGE)).map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('gives up on a status read after its attempts, with the server error', async () => {
    await fault({ method: 'GET', route: MESSAGE, status: 503, count: 5 });
    expect(await apiFailure(t.pilot().getMessage('cm_any'))).toMatchObject({ code: 'SERVER_ERROR', status: 503 });
    expect(await requestsTo(t, 'GET', MESSAGE)).toHaveLength(3);
  });

  it('waits out a 429 for as long as Retry-After says', async () => {
    await fault({ method: 'GET', route: '/v1/templates', status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const templates = await t.pilot().listTemplates();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(templates.length).toBeGreaterThan(0);
    expect((await requestsTo(t, 'GET', '/v1/templates')).map((r) => r.status)).toEqual([429, 200]);
  });

  it('reports RATE_LIMITED when 429s outlast the attempts', async () => {
    await fault({ method: 'GET', route: '/v1/templates', status: 429, count: 3, headers: { 'retry-after': '0' } });
    const error = await apiFailure(t.pilot().listTemplates());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });
});
