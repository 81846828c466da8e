import { createPilotStatusClient } from '../../shared/pilotstatus';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { apiFailure, asClientError, processTimes, resetSandbox } from './pilotstatus-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HOUR = 3_600_000;

describe('PilotStatus sandbox: send and message status', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  beforeEach(() => resetSandbox(t));
  afterAll(() => t.close());

  const messages = async () => (await t.dump()).messages as Record<string, unknown>[];

  it('answers 202 at once with the documented fields, and stores neither text nor variables', async () => {
    const sent = await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'Your secret code is 424242' });

    expect(sent).toEqual({ id: expect.stringMatching(/^cm[0-9a-z]+$/), correlationId: expect.stringMatching(UUID), status: 'QUEUED', createdAt: expect.any(String), origin: 'api' });
    expect(Date.parse(sent.createdAt!)).not.toBeNaN();
    const dump = await t.dump();
    expect(dump.messages).toEqual([expect.objectContaining({ id: sent.id, status: 'QUEUED', mode: 'text', destination: '+5511977770002' })]);
    expect(JSON.stringify(dump)).not.toContain('424242');

    const templated = await t.pilot().sendMessage({ destinationNumber: '+5511977770002', templateId: 'order_update', variables: { name: 'Zed Secretname', order: 'A-77' } });
    expect(JSON.stringify(await t.dump())).not.toContain('Zed Secretname');
    expect(await t.pilot().getMessage(templated.id)).toMatchObject({ templateId: 'tpl_order_update', template: 'order_update' });
  });

  it('moves QUEUED → SENT → DELIVERED → READ, one step per run, for a phone with read receipts (even last digit)', async () => {
    const client = t.pilot();
    const { id, correlationId } = await client.sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
    expect((await client.getMessage(id)).status).toBe('QUEUED');

    await t.process();
    const sent = await client.getMessage(id);
    expect(sent).toMatchObject({ id, correlationId, status: 'SENT', destinationNumber: '+5511977770002', externalMessageId: expect.stringMatching(/^wamid\./) });
    expect(sent.sentAt).toEqual(expect.any(String));
    expect(sent.deliveredAt).toBeNull();

    await t.process();
    expect(await client.getMessage(id)).toMatchObject({ status: 'DELIVERED', deliveredAt: expect.any(String), readAt: null });
    await t.process();
    expect(await client.getMessage(id)).toMatchObject({ status: 'READ', readAt: expect.any(String) });
    await t.process();
    expect((await client.getMessage(id)).status).toBe('READ');

    // The same message by its correlationId and by its WhatsApp id.
    expect((await client.getMessage(correlationId)).id).toBe(id);
    expect((await client.getMessage(sent.externalMessageId)).id).toBe(id);
  });

  it('stops at DELIVERED for a phone without read receipts (odd last digit) and for a group', async () => {
    const client = t.pilot();
    const phone = await client.sendMessage({ destinationNumber: '+5511977770003', text: 'hi' });
    const group = await client.sendMessage({ groupId: '120363025246125486@g.us', text: 'hi all' });
    await processTimes(t, 4);
    expect(await client.getMessage(phone.id)).toMatchObject({ status: 'DELIVERED', readAt: null });
    expect(await client.getMessage(group.id)).toMatchObject({ status: 'DELIVERED', readAt: null, groupId: '120363025246125486@g.us' });
  });

  it('fails a phone that is not on WhatsApp (ends in 0000) with WHATSAPP_NOT_EXIST', async () => {
    const client = t.pilot();
    const { id } = await client.sendMessage({ destinationNumber: '+5511977770000', text: 'hi' });
    await t.process();
    expect(await client.getMessage(id)).toMatchObject({ status: 'FAILED', errorCode: 'WHATSAPP_NOT_EXIST', sentAt: null, externalMessageId: null });
    await processTimes(t, 2);
    expect((await client.getMessage(id)).status).toBe('FAILED');
  });

  it('sends a scheduled message only once deliverAt has passed, and cancels one not yet sent', async () => {
    const client = t.pilot();
    const deliverAt = new Date(t.sandbox.context.clock.now().getTime() + HOUR).toISOString();
    const later = await client.sendMessage({ destinationNumber: '+5511977770002', text: 'later', deliverAt });
    const cancelled = await client.sendMessage({ destinationNumber: '+5511977770004', text: 'never', deliverAt });

    await t.process();
    expect((await client.getMessage(later.id)).status).toBe('QUEUED');

    const outcome = await client.cancelMessage(cancelled.id);
    expect(outcome).toMatchObject({ id: cancelled.id, cancelled: true, response: { cancelled: [cancelled.id], failed: [] } });
    expect(await client.getMessage(cancelled.id)).toMatchObject({ status: 'CANCELED', canceledAt: expect.any(String) });
    // Cancelling twice answers the same (the client may retry it).
    expect((await client.cancelMessage(cancelled.id)).cancelled).toBe(true);

    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: HOUR + 1_000 } });
    await t.process();
    expect((await client.getMessage(later.id)).status).toBe('SENT');
    expect((await client.getMessage(cancelled.id)).status).toBe('CANCELED');

    expect(await client.cancelMessage(later.id)).toMatchObject({ cancelled: false, reason: 'NOT_CANCELABLE' });
    expect(await client.cancelMessage('cm_no_such_message')).toMatchObject({ cancelled: false, reason: 'NOT_FOUND' });
  });

  it('cancels a batch by internal id or correlationId, reporting each id', async () => {
    const client = t.pilot();
    const deliverAt = new Date(t.sandbox.context.clock.now().getTime() + HOUR).toISOString();
    const a = await client.sendMessage({ destinationNumber: '+5511977770002', text: 'a', deliverAt });
    const b = await client.sendMessage({ destinationNumber: '+5511977770004', text: 'b', deliverAt });
    const answer = await client.cancelMessages([a.id, b.correlationId, 'cm_missing']);
    expect(answer).toEqual({ cancelled: [a.id, b.correlationId], failed: [{ id: 'cm_missing', reason: 'NOT_FOUND' }] });
    expect((await messages()).map((m) => m.status)).toEqual(['CANCELED', 'CANCELED']);
  });

  it('accepts every kind of send the client builds from loose user input (second opinion on the client)', async () => {
    const br = createPilotStatusClient({ credentials: { apiKey: DEMO.keyRetention30, baseUrl: t.sandbox.pilotStatusUrl }, defaultCountry: 'BR', now: () => t.sandbox.context.clock.now() });
    const inputs: Record<string, unknown>[] = [
      { destinationNumber: '(11) 97777-0002', text: 'national number, default country' },
      { destinationNumber: '5511977770002@s.whatsapp.net', text: 'a user JID' },
      { destinationNumber: '0055 11 97777 0002', text: 'an 00 prefix' },
      { destinationNumber: '+5511977770002', text: 'pick one', buttons: ['Yes', 'No'], footer: 'Reply below' },
      { destinationNumber: '+5511977770002', media: 'https://example.com/files/report.PDF', caption: 'inferred type' },
      { destinationNumber: '+5511977770002', media: 'data:audio/ogg;base64,T2dnUw==' },
      { destinationNumber: '+5511977770002', templateId: 'order_update', variables: '{"name": "Ana", "order": 1234}' },
      { destinationNumber: '+5511977770002', templateId: 'welcome', variables: { name: true }, deliverAt: new Date(t.sandbox.context.clock.now().getTime() + HOUR) },
      { groupId: '120363025246125486@g.us', text: 'group', labels: 'vip, customers,' },
      { newsletterId: '120363111111111111@newsletter', text: 'channel', labels: '' },
    ];
    for (const input of inputs) {
      const sent = await br.sendMessage(input).catch((error: Error) => {
        throw new Error(`${JSON.stringify(input)} was refused: ${error.message}`);
      });
      expect(sent.status).toBe('QUEUED');
    }
    expect(await messages()).toHaveLength(inputs.length);
    // The key id authenticates as well as the key.
    expect((await t.pilot({ apiKeyId: 'key_ret30' }).listTemplates()).length).toBe(3);
  });

  it('lists the number’s templates with their variables', async () => {
    const templates = await t.pilot().listTemplates();
    expect(templates.map((tpl) => tpl.name).sort()).toEqual(['order_update', 'reminder', 'welcome']);
    expect(templates.find((tpl) => tpl.name === 'order_update')).toMatchObject({ id: 'tpl_order_update', category: 'UTILITY', variables: ['name', 'order'], sendable: true });
    const free = await t.pilot({ apiKey: DEMO.keyFreePlan }).listTemplates();
    expect(free.map((tpl) => tpl.id)).toContain('tpl_order_update_free');
    expect(free.map((tpl) => tpl.id)).not.toContain('tpl_order_update');
  });

  describe('documented errors, as the client reports them', () => {
    it('401 for an unknown key and for no key', async () => {
      const error = await apiFailure(t.pilot({ apiKey: 'ps_not_a_key' }).listTemplates());
      expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
      const raw = await t.http('GET', '/v1/templates');
      expect(raw).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
    });

    it('403 TENANT_SCOPE_NOT_ALLOWED for the tenant key on number-scoped routes', async () => {
      const tenantAsNumber = t.pilot({ apiKey: DEMO.tenantKey });
      expect(await apiFailure(tenantAsNumber.sendMessage({ destinationNumber: '+5511977770002', text: 'hi' }))).toMatchObject({ code: 'TENANT_SCOPE_NOT_ALLOWED', status: 403 });
      expect(await apiFailure(tenantAsNumber.listTemplates())).toMatchObject({ code: 'TENANT_SCOPE_NOT_ALLOWED' });
      expect(await apiFailure(tenantAsNumber.getMessage('cm_x'))).toMatchObject({ code: 'TENANT_SCOPE_NOT_ALLOWED' });
      expect(await messages()).toHaveLength(0);
    });

    it('403 NUMBER_SCOPE_NOT_ALLOWED for a number key on tenant-only routes', async () => {
      const refused = await t.http('GET', '/v1/numbers', { headers: { 'x-api-key': DEMO.keyRetention30 } });
      expect(refused).toMatchObject({ status: 403, body: { error: 'NUMBER_SCOPE_NOT_ALLOWED' } });
      expect(asClientError(refused)).toMatchObject({ code: 'NUMBER_SCOPE_NOT_ALLOWED', status: 403 });
      const allowed = await t.http('GET', '/v1/numbers', { headers: { 'x-api-key': DEMO.tenantKey } });
      expect(allowed.status).toBe(200);
      expect(allowed.body.numbers.map((n: { id: string }) => n.id).sort()).toEqual([DEMO.numberId, DEMO.freeNumberId]);
    });

    it('403 NUMBER_MISMATCH when a number key names another number', async () => {
      const refused = await t.http('GET', '/v1/templates', { headers: { 'x-api-key': DEMO.keyRetention30, 'x-whatsapp-number-id': DEMO.freeNumberId } });
      expect(refused).toMatchObject({ status: 403, body: { error: 'NUMBER_MISMATCH' } });
      expect(asClientError(refused).code).toBe('NUMBER_MISMATCH');
    });

    it('402 SUBSCRIPTION_REQUIRED_FOR_MEDIA for media on an unpaid number; text still goes', async () => {
      const free = t.pilot({ apiKey: DEMO.keyFreePlan });
      const error = await apiFailure(free.sendMessage({ destinationNumber: '+5511977770002', media: 'https://example.com/photo.jpg', caption: 'look' }));
      expect(error).toMatchObject({ code: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA', status: 402 });
      expect(await messages()).toHaveLength(0);
      expect((await free.sendMessage({ destinationNumber: '+5511977770002', text: 'hi' })).status).toBe('QUEUED');
      // The paid number sends the same media.
      expect((await t.pilot().sendMessage({ destinationNumber: '+5511977770002', media: 'https://example.com/photo.jpg', caption: 'look' })).status).toBe('QUEUED');
    });

    it('404 TEMPLATE_NOT_FOUND for a template of no number, or of another number', async () => {
      expect(await apiFailure(t.pilot().sendMessage({ destinationNumber: '+5511977770002', templateId: 'no_such_template' }))).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', status: 404 });
      expect(await apiFailure(t.pilot().sendMessage({ destinationNumber: '+5511977770002', templateId: 'tpl_reminder_free' }))).toMatchObject({ code: 'TEMPLATE_NOT_FOUND' });
    });

    it('400 MISSING_TEMPLATE_VARIABLES naming what is missing', async () => {
      const error = await apiFailure(t.pilot().sendMessage({ destinationNumber: '+5511977770002', templateId: 'order_update', variables: { name: 'Ana' } }));
      expect(error).toMatchObject({ code: 'MISSING_TEMPLATE_VARIABLES', status: 400 });
      const raw = await t.http('POST', '/v1/messages/send', {
        headers: { 'x-api-key': DEMO.keyRetention30 },
        body: { destinationNumber: '+5511977770002', templateId: 'tpl_order_update', variables: { name: 'Ana', order: ' ' } },
      });
      expect(raw).toMatchObject({ status: 400, body: { error: 'MISSING_TEMPLATE_VARIABLES', message: expect.stringContaining('order') } });
      expect(await messages()).toHaveLength(0);
    });

    it('404 MESSAGE_NOT_FOUND for an unknown id and for another number’s message', async () => {
      const { id } = await t.pilot().sendMessage({ destinationNumber: '+5511977770002', text: 'hi' });
      const unknown = await apiFailure(t.pilot().getMessage('cm_unknown'));
      expect(unknown).toMatchObject({ code: 'NOT_FOUND', status: 404, serviceCode: 'MESSAGE_NOT_FOUND' });
      expect(await apiFailure(t.pilot({ apiKey: DEMO.keyFreePlan }).getMessage(id))).toMatchObject({ status: 404, serviceCode: 'MESSAGE_NOT_FOUND' });
      // Another key of the same number sees it.
      expect((await t.pilot({ apiKey: DEMO.keyRetention0 }).getMessage(id)).id).toBe(id);
    });
  });

  describe("the sandbox's own validation (raw requests the client would refuse)", () => {
    const send = (body: unknown) => t.http('POST', '/v1/messages/send', { headers: { 'x-api-key': DEMO.keyRetention30 }, body });

    it.each([
      ['a phone without +', { destinationNumber: '5511977770002', text: 'hi' }, 'INVALID_DESTINATION', 'destinationNumber'],
      ['a phone with formatting', { destinationNumber: '+55 11 97777-0002', text: 'hi' }, 'INVALID_DESTINATION', 'destinationNumber'],
      ['a groupId that is not a group JID', { groupId: '5511977770002@s.whatsapp.net', text: 'hi' }, 'INVALID_DESTINATION', 'groupId'],
      ['no destination', { text: 'hi' }, 'VALIDATION_ERROR', ''],
      ['two destinations', { destinationNumber: '+5511977770002', groupId: '120363025246125486@g.us', text: 'hi' }, 'VALIDATION_ERROR', ''],
      ['no mode', { destinationNumber: '+5511977770002' }, 'VALIDATION_ERROR', ''],
      ['two modes', { destinationNumber: '+5511977770002', templateId: 'welcome', text: 'hi' }, 'VALIDATION_ERROR', ''],
      ['text and media', { destinationNumber: '+5511977770002', text: 'hi', media: 'https://example.com/a.jpg', mediaType: 'image' }, 'VALIDATION_ERROR', ''],
      ['a caption on audio', { destinationNumber: '+5511977770002', media: 'https://example.com/a.ogg', mediaType: 'audio', caption: 'hear' }, 'VALIDATION_ERROR', 'caption'],
      ['media without a mediaType', { destinationNumber: '+5511977770002', media: 'https://example.com/a.jpg' }, 'VALIDATION_ERROR', 'mediaType'],
      ['media that is no URL', { destinationNumber: '+5511977770002', media: 'ftp://example.com/a.jpg', mediaType: 'image' }, 'VALIDATION_ERROR', 'media'],
      ['four buttons', { destinationNumber: '+5511977770002', text: 'pick', buttons: ['a', 'b', 'c', 'd'].map((text) => ({ text })) }, 'VALIDATION_ERROR', 'buttons'],
      ['variables without a template', { destinationNumber: '+5511977770002', text: 'hi', variables: { name: 'Ana' } }, 'VALIDATION_ERROR', 'variables'],
      ['labels on a channel', { newsletterId: '120363111111111111@newsletter', text: 'hi', labels: ['vip'] }, 'VALIDATION_ERROR', 'labels'],
      ['an empty label', { destinationNumber: '+5511977770002', text: 'hi', labels: ['  '] }, 'VALIDATION_ERROR', 'labels.0'],
      ['a deliverAt without a time zone', { destinationNumber: '+5511977770002', text: 'hi', deliverAt: '2030-01-01T09:00:00' }, 'VALIDATION_ERROR', 'deliverAt'],
      ['an unknown field', { destinationNumber: '+5511977770002', text: 'hi', destination: '+5511977770002' }, 'VALIDATION_ERROR', ''],
    ])('400 for %s', async (_, body, code, field) => {
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: code, message: expect.any(String) });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(asClientError(response)).toMatchObject({ code: 'INVALID_REQUEST', serviceCode: code });
      expect(await messages()).toHaveLength(0);
    });

    it('400 INVALID_BODY for malformed JSON', async () => {
      const response = await t.http('POST', '/v1/messages/send', { headers: { 'x-api-key': DEMO.keyRetention30 }, raw: Buffer.from('{"text":'), contentType: 'application/json' });
      expect(response).toMatchObject({ status: 400, body: { error: 'INVALID_BODY' } });
    });

    it('accepts a template header media, a data URI and buttons', async () => {
      expect((await send({ destinationNumber: '+5511977770002', templateId: 'reminder', media: 'https://example.com/a.jpg', mediaType: 'image' })).status).toBe(202);
      expect((await send({ destinationNumber: '+5511977770002', media: 'data:application/pdf;base64,JVBERi0=', mediaType: 'document', caption: 'invoice' })).status).toBe(202);
      expect((await send({ destinationNumber: '+5511977770002', text: 'pick', buttons: [{ text: 'Yes' }, { id: 'no', text: 'No' }] })).status).toBe(202);
      expect(await messages()).toHaveLength(3);
    });

    it('400 for a cancel without ids', async () => {
      const response = await t.http('DELETE', '/v1/messages/cancel', { headers: { 'x-api-key': DEMO.keyRetention30 }, body: { messageIds: [] } });
      expect(response).toMatchObject({ status: 400, body: { error: 'VALIDATION_ERROR' } });
    });
  });
});
