import { createHash, createHmac } from 'node:crypto';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { apiFailure, asClientError, processTimes, resetSandbox, startReceiver, type Receiver } from './pilotstatus-helpers';

const tenantCredentials = { apiKey: DEMO.keyRetention30, tenantApiKey: DEMO.tenantKey, whatsappNumberId: DEMO.numberId };
const numberKey = { 'x-api-key': DEMO.keyRetention30 };

describe('PilotStatus sandbox: webhooks', () => {
  let t: TestSandbox;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestSandbox();
    receiver = await startReceiver();
  });
  beforeEach(async () => {
    await resetSandbox(t);
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const logsOf = async (id: string, headers: Record<string, string> = numberKey) => (await t.http('GET', `/v1/webhooks/${id}/logs`, { headers })).body.logs as Record<string, unknown>[];

  describe('management', () => {
    it('creates, lists, reads, replaces the events of, deactivates and deletes a webhook (tenant key + number)', async () => {
      const client = t.pilot(tenantCredentials);
      const created = await client.createWebhook({ url: 'https://hooks.example.com/in', events: ['message.delivered'], name: 'n8n' });
      expect(created).toMatchObject({ id: expect.stringMatching(/^wh_/), url: 'https://hooks.example.com/in', name: 'n8n', events: ['message.delivered'], active: true, whatsappNumberIds: [DEMO.numberId] });
      // The secret is never returned, nor its hash.
      expect(JSON.stringify(created)).not.toMatch(/secret/i);

      expect((await client.listWebhooks()).map((w) => w.id)).toEqual([created.id]);
      expect(await client.getWebhook(created.id)).toEqual(created);

      const replaced = await client.updateWebhook(created.id, { events: ['message.read', 'message.failed'] });
      expect(replaced.events).toEqual(['message.read', 'message.failed']);
      expect((await client.updateWebhook(created.id, { active: false })).active).toBe(false);

      expect(await client.deleteWebhook(created.id)).toEqual({ id: created.id, deleted: true });
      expect(await apiFailure(client.getWebhook(created.id))).toMatchObject({ code: 'WEBHOOK_NOT_FOUND', status: 404 });
      expect(await client.listWebhooks()).toEqual([]);
    });

    it('binds a number key’s webhook to its number; other numbers’ keys do not see it; the tenant key sees all', async () => {
      const created = await t.pilot().createWebhook({ url: 'https://hooks.example.com/a', events: ['*'] });
      expect(created).toMatchObject({ whatsappNumberId: DEMO.numberId, events: ['*'] });

      expect(await apiFailure(t.pilot({ apiKey: DEMO.keyFreePlan }).getWebhook(created.id))).toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
      expect(await t.pilot({ apiKey: DEMO.keyFreePlan }).listWebhooks()).toEqual([]);

      const tenantWide = await t.http('GET', '/v1/webhooks', { headers: { 'x-api-key': DEMO.tenantKey } });
      expect(tenantWide.body.webhooks.map((w: { id: string }) => w.id)).toEqual([created.id]);
      const freeNumberOnly = await t.http('GET', '/v1/webhooks', { headers: { 'x-api-key': DEMO.tenantKey, 'x-whatsapp-number-id': DEMO.freeNumberId } });
      expect(freeNumberOnly.body.webhooks).toEqual([]);
    });

    it('a tenant key without a number creates a tenant-wide webhook', async () => {
      const response = await t.http('POST', '/v1/webhooks', { headers: { 'x-api-key': DEMO.tenantKey }, body: { url: 'https://hooks.example.com/all', events: ['*'] } });
      expect(response).toMatchObject({ status: 201, body: { whatsappNumberId: null, whatsappNumberIds: [] } });
    });

    it('404 NUMBER_NOT_FOUND for a tenant key naming a number the tenant does not have', async () => {
      const client = t.pilot({ ...tenantCredentials, whatsappNumberId: 'num_nope' });
      expect(await apiFailure(client.listWebhooks())).toMatchObject({ code: 'NUMBER_NOT_FOUND', status: 404 });
    });

    it('401 for an unknown key', async () => {
      expect(await apiFailure(t.pilot({ apiKey: 'ps_nope' }).listWebhooks())).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    });

    it.each([
      ['an unknown event', { url: 'https://hooks.example.com/in', events: ['message.bogus'] }, 'events.0'],
      ['a URL that is not http(s)', { url: 'ftp://hooks.example.com/in', events: ['*'] }, 'url'],
      ['no events at all', { url: 'https://hooks.example.com/in' }, 'events'],
      ['a short secret', { url: 'https://hooks.example.com/in', events: ['*'], secret: 'short' }, 'secret'],
    ])('400 VALIDATION_ERROR for %s', async (_, body, field) => {
      const response = await t.http('POST', '/v1/webhooks', { headers: numberKey, body });
      expect(response).toMatchObject({ status: 400, body: { error: 'VALIDATION_ERROR' } });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(asClientError(response).code).toBe('INVALID_REQUEST');
      expect((await t.dump()).webhooks).toEqual([]);
    });

    it('400 for a PATCH with nothing to change or an unknown event', async () => {
      const { id } = await t.pilot().createWebhook({ url: 'https://hooks.example.com/in', events: ['*'] });
      expect((await t.http('PATCH', `/v1/webhooks/${id}`, { headers: numberKey, body: {} })).status).toBe(400);
      expect((await t.http('PATCH', `/v1/webhooks/${id}`, { headers: numberKey, body: { events: ['nope'] } })).status).toBe(400);
      expect((await t.pilot().getWebhook(id)).events).toEqual(['*']);
    });

    it('accepts an empty event list (which the client refuses), and that webhook receives nothing', async () => {
      const created = await t.http('POST', '/v1/webhooks', { headers: numberKey, body: { url: receiver.url, events: [] } });
      expect(created).toMatchObject({ status: 201, body: { events: [] } });
      await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
      await processTimes(t, 3);
      expect(receiver.received).toEqual([]);
      expect(await logsOf(created.body.id)).toEqual([]);
    });

    it('403 NUMBER_MISMATCH when a number key names another number', async () => {
      const response = await t.http('GET', '/v1/webhooks', { headers: { ...numberKey, 'x-whatsapp-number-id': DEMO.freeNumberId } });
      expect(response).toMatchObject({ status: 403, body: { error: 'NUMBER_MISMATCH' } });
    });
  });

  describe('delivery', () => {
    const SECRET = 'receiver-chosen-secret-0123456789';
    const createHook = async (body: Record<string, unknown>, headers: Record<string, string> = numberKey) => {
      const response = await t.http('POST', '/v1/webhooks', { headers, body: { url: receiver.url, ...body } });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };

    it('posts { event, data } for each status, signed with HMAC-SHA256 of the body', async () => {
      await createHook({ events: ['message.sent', 'message.delivered', 'message.read'], secret: SECRET });
      const sent = await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });

      await t.process();
      expect(receiver.received).toHaveLength(1);
      const [first] = receiver.received;
      expect(first!.body).toEqual({
        event: 'message.sent',
        data: {
          id: expect.any(String),
          internalMessageId: sent.id,
          correlationId: sent.correlationId,
          status: 'SENT',
          destinationNumber: '+5511977770002',
          whatsappNumberId: DEMO.numberId,
          externalMessageId: expect.stringMatching(/^wamid\./),
          timestamp: expect.any(String),
        },
      });
      const signingKey = createHash('sha256').update(SECRET).digest('hex');
      expect(first!.headers['x-pilotstatus-signature']).toBe(createHmac('sha256', signingKey).update(first!.raw).digest('hex'));
      expect(first!.headers['content-type']).toBe('application/json');

      await processTimes(t, 2);
      expect(receiver.received.map((d) => [d.body.event, d.body.data.status])).toEqual([
        ['message.sent', 'SENT'],
        ['message.delivered', 'DELIVERED'],
        ['message.read', 'READ'],
      ]);
      expect(new Set(receiver.received.map((d) => d.body.data.id)).size).toBe(3);
      expect(receiver.received.every((d) => d.body.data.externalMessageId === first!.body.data.externalMessageId)).toBe(true);
    });

    it('delivers only the events a webhook subscribed to, from its number, while active', async () => {
      await createHook({ events: ['message.failed'] });
      await createHook({ events: ['*'] }, { 'x-api-key': DEMO.keyFreePlan });
      await createHook({ events: ['*'], active: false });
      await t.pilot().sendMessage({ destinationNumber: '+5511977770000', text: 'not on WhatsApp' });
      await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'fine' });
      await processTimes(t, 3);
      expect(receiver.received.map((d) => d.body)).toEqual([
        { event: 'message.failed', data: expect.objectContaining({ status: 'FAILED', errorCode: 'WHATSAPP_NOT_EXIST', destinationNumber: '+5511977770000' }) },
      ]);
    });

    it('delivers a number’s events to tenant-wide webhooks, with group ids as JIDs', async () => {
      await createHook({ events: ['message.sent'] }, { 'x-api-key': DEMO.tenantKey });
      await t.pilot().sendMessage({ groupId: '120363025246125486@g.us', text: 'hi all' });
      await t.pilot({ apiKey: DEMO.keyFreePlan }).sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
      await t.process();
      expect(receiver.received.map((d) => [d.body.data.whatsappNumberId, d.body.data.groupId ?? d.body.data.destinationNumber]).sort()).toEqual([
        [DEMO.numberId, '120363025246125486@g.us'],
        [DEMO.freeNumberId, '+5511977770002'],
      ]);
    });

    it('retries after the receiver answers 500, with the same event id, and logs every attempt', async () => {
      const hook = await createHook({ events: ['message.sent'] });
      receiver.respondWith(500, 500);
      await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
      await t.process();

      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((d) => d.raw)).size).toBe(1);
      const logs = await logsOf(hook);
      expect(logs.map((l) => [l.attempt, l.statusCode, l.success])).toEqual([[1, 500, false], [2, 500, false], [3, 200, true]]);
      expect(logs.every((l) => l.eventId === receiver.received[0]!.body.data.id && l.event === 'message.sent')).toBe(true);
    });

    it('gives up after webhookAttempts, and logs a network failure without the payload', async () => {
      const down = await startReceiver();
      const url = down.url;
      await down.close();
      const hook = await createHook({ events: ['message.sent'], url });
      await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
      await t.process();
      const logs = await logsOf(hook);
      expect(logs.map((l) => [l.attempt, l.statusCode, l.error])).toEqual([1, 2, 3].map((attempt) => [attempt, null, 'ECONNREFUSED']));
      expect(JSON.stringify((await t.dump()).webhook_logs)).not.toContain('5511977770002');
    });

    it('sends every Nth delivery twice on purpose, with the same data.id (duplicateDeliveryEvery = 1)', async () => {
      const dup = await startTestSandbox({ duplicateDeliveryEvery: 1 });
      try {
        const response = await dup.http('POST', '/v1/webhooks', { headers: numberKey, body: { url: receiver.url, events: ['message.sent', 'message.delivered'] } });
        await dup.pilot().sendMessage({ destinationNumber: '+5511977770003', text: 'hi' });
        await dup.process();
        await dup.process();
        expect(receiver.received.map((d) => d.body.event)).toEqual(['message.sent', 'message.sent', 'message.delivered', 'message.delivered']);
        expect(receiver.received[0]!.body.data.id).toBe(receiver.received[1]!.body.data.id);
        expect(receiver.received[2]!.body.data.id).toBe(receiver.received[3]!.body.data.id);
        expect(receiver.received[0]!.body.data.id).not.toBe(receiver.received[2]!.body.data.id);
        const logs = (await dup.http('GET', `/v1/webhooks/${response.body.id}/logs`, { headers: numberKey })).body.logs as { duplicate: boolean }[];
        expect(logs.map((l) => l.duplicate)).toEqual([false, true, false, true]);
      } finally {
        await dup.close();
      }
    });

    it('does not duplicate when duplicateDeliveryEvery = 0 (the test default)', async () => {
      await createHook({ events: ['*'] });
      await t.pilot().sendMessage({ destinationNumber: '+5511977770003', text: 'hi' });
      await processTimes(t, 2);
      expect(receiver.received.map((d) => d.body.event)).toEqual(['message.sent', 'message.delivered']);
    });
  });
});
