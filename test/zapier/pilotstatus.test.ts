import './env';
import App from '../../zapier/pilotstatus/src';
import { startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { processTimes, resetSandbox, startReceiver, type Receiver } from '../sandbox/pilotstatus-helpers';
import { appRunner, partsOf, DEMO, pilotAuth, startFileServer, zapierFailure, type FileServer } from './helpers';

const run = appRunner(App);
const app = partsOf(App);
const sendMessage = app.create('send_message');
const cancelMessage = app.create('cancel_message');
const importContacts = app.create('import_contacts');
const findMessage = app.search('find_message');
const messageEvent = app.trigger('message_event');
const template = app.trigger('template');

type Row = Record<string, any>;

describe('Zapier PilotStatus app against the sandbox (real HTTP through z.request)', () => {
  let t: TestSandbox;
  let receiver: Receiver;
  let files: FileServer;
  beforeAll(async () => {
    t = await startTestSandbox();
    receiver = await startReceiver();
    files = await startFileServer();
  });
  beforeEach(async () => {
    await resetSandbox(t);
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await files.close();
    await receiver.close();
    await t.close();
  });

  const requestsTo = async (method: string, route: string) =>
    ((await t.http('GET', '/_sandbox/requests')).body.requests as Row[]).filter((r) => r.method === method && r.route === route);
  const labels = async () => (await t.http('GET', '/_sandbox/labels')).body.labels as Row[];
  const contactsOf = async (labelId: string) => (await t.http('GET', `/_sandbox/labels/${labelId}/contacts`)).body.contacts as Row[];
  const inOneHour = () => new Date(t.sandbox.context.clock.now().getTime() + 3_600_000).toISOString();

  describe('authentication', () => {
    it('tests the connection by listing the templates, and labels it without any key', async () => {
      const authData = pilotAuth(t);
      expect(await run(app.authentication.test, { authData })).toEqual({ baseUrl: t.sandbox.pilotStatusUrl, templates: 3, retentionDays: 30 });
      const host = new URL(t.sandbox.url).host;
      expect(await run(app.authentication.connectionLabel, { authData })).toBe(`PilotStatus (${host})`);
      expect(await run(app.authentication.connectionLabel, { authData: { ...authData, whatsappNumberId: DEMO.numberId } })).toBe(`PilotStatus ${DEMO.numberId} (${host})`);
    });

    it('reports a key PilotStatus refuses with the core’s message and hint, and never the key', async () => {
      const error = await zapierFailure(run(app.authentication.test, { authData: pilotAuth(t, { apiKey: 'ps_wrong_key_123456' }) }));
      expect(error).toMatchObject({ name: 'AppError', code: 'UNAUTHORIZED', status: 401 });
      expect(error.message).toMatch(/^PilotStatus did not accept the API key\. Check the API key/);
      expect(error.message).not.toContain('ps_wrong_key_123456');
    });

    it('names the connection fields when the credentials themselves are wrong, before any request', async () => {
      const noKey = await zapierFailure(run(app.authentication.test, { authData: pilotAuth(t, { apiKey: ' ' }) }));
      expect(noKey).toMatchObject({ name: 'AppError', code: 'VALIDATION_FAILED' });
      expect(noKey.message).toMatch(/^API Key is required/);
      const badRetention = await zapierFailure(run(app.authentication.test, { authData: pilotAuth(t, { retentionDays: '-1' }) }));
      expect(badRetention.message).toMatch(/^Retention Days must be 0 \(keep no contact links\) or a whole number of days/);
      expect(await requestsTo('GET', '/v1/templates')).toEqual([]);
    });
  });

  describe('Template trigger (hidden, for the dropdown)', () => {
    it('lists the number’s templates with their variable names', async () => {
      const templates = await run<Row[]>(template.operation.perform, { authData: pilotAuth(t), meta: { isFillingDynamicDropdown: true } });
      expect(templates.map((x) => [x.id, x.name, x.variables]).sort()).toEqual([
        ['tpl_order_update', 'order_update', ['name', 'order']],
        ['tpl_reminder', 'reminder', []],
        ['tpl_welcome', 'welcome', ['name']],
      ]);
    });
  });

  describe('Send Message', () => {
    it('sends text with labels; processing upserts the labels and links the phone (retention 30)', async () => {
      const sent = await run<Row>(sendMessage.operation.perform, {
        authData: pilotAuth(t),
        inputData: { destinationType: 'PHONE', destination: '(11) 97777-1112', defaultCountry: 'BR', mode: 'text', text: 'Hi!', buttons: ['Yes', 'No'], labels: ['VIP', 'customers'] },
      });
      expect(sent).toMatchObject({ id: expect.any(String), status: 'QUEUED', retention: { linksStored: true, days: 30 } });
      expect((await labels()).map((l) => l.name)).toEqual(['customers']);

      await t.process();
      const byName = Object.fromEntries((await labels()).map((l) => [l.name, l]));
      expect(Object.keys(byName).sort()).toEqual(['VIP', 'customers']);
      for (const name of ['VIP', 'customers']) {
        expect((await contactsOf(byName[name]!.id)).map((c) => c.destination)).toEqual(['+5511977771112']);
      }
    });

    it('sends a template with its variables; a value left in another message type’s field is not sent', async () => {
      const sent = await run<Row>(sendMessage.operation.perform, {
        authData: pilotAuth(t),
        inputData: { destinationType: 'PHONE', destination: '+5511988887777', mode: 'template', templateId: 'tpl_welcome', variables: { name: 'Ana' }, text: 'left over' },
      });
      const found = await run<Row[]>(findMessage.operation.perform, { authData: pilotAuth(t), inputData: { id: sent.id } });
      expect(found).toEqual([expect.objectContaining({ id: sent.id, status: 'QUEUED', template: 'welcome' })]);
    });

    it('sends to a group, and text that looks like a Zapier template ({{…}}) exactly as typed', async () => {
      const sent = await run<Row>(sendMessage.operation.perform, {
        authData: pilotAuth(t),
        inputData: { destinationType: 'GROUP', destination: '120363025246125486@g.us', mode: 'text', text: 'Hi {{bundle.inputData.name}}' },
      });
      expect(sent.status).toBe('QUEUED');
      expect((await requestsTo('POST', '/v1/messages/send')).map((r) => r.status)).toEqual([202]);
    });

    it('retention 0: labels are created, no contact is linked, and the output says so', async () => {
      const sent = await run<Row>(sendMessage.operation.perform, {
        authData: pilotAuth(t, { apiKey: DEMO.keyRetention0, retentionDays: '0' }),
        inputData: { destinationType: 'PHONE', destination: '+5511966665554', mode: 'text', text: 'hi', labels: ['promo'] },
      });
      expect(sent.retention).toEqual({ linksStored: false, days: 0 });
      await t.process();
      const promo = (await labels()).find((l) => l.name === 'promo')!;
      expect(await contactsOf(promo.id)).toEqual([]);
    });

    it('reports every broken rule at once, named by the Zapier field labels, and sends nothing', async () => {
      const error = await zapierFailure(
        run(sendMessage.operation.perform, {
          authData: pilotAuth(t),
          inputData: { destinationType: 'PHONE', destination: '123', mode: 'text', text: 'hi', buttons: ['One', 'Two', 'Three', 'Four'], labels: ['ok', ''] },
        }),
      );
      expect(error).toMatchObject({ name: 'AppError', code: 'VALIDATION_FAILED' });
      expect(error.message).toMatch(/^2 problems: /);
      expect(error.message).toContain('Destination ');
      expect(error.message).toContain('Buttons must have at most 3 buttons');
      expect(await requestsTo('POST', '/v1/messages/send')).toEqual([]);
    });

    it('asks for a message type when none is chosen, and refuses an unknown destination type', async () => {
      const noMode = await zapierFailure(run(sendMessage.operation.perform, { authData: pilotAuth(t), inputData: { destination: '+5511988887777' } }));
      expect(noMode.message).toMatch(/^Message Type is required/);
      const badType = await zapierFailure(run(sendMessage.operation.perform, { authData: pilotAuth(t), inputData: { destinationType: 'fax', destination: '+5511988887777', mode: 'text', text: 'hi' } }));
      expect(badType.message).toBe('Destination Type must be one of PHONE, GROUP, CHANNEL');
    });

    it('halts on media without a paid plan (402), with the core’s hint', async () => {
      const error = await zapierFailure(
        run(sendMessage.operation.perform, {
          authData: pilotAuth(t, { apiKey: DEMO.keyFreePlan }),
          inputData: { destination: '+5511988887777', mode: 'media', media: 'https://example.com/a.png' },
        }),
      );
      expect(error.name).toBe('HaltedError');
      expect(error.message).toMatch(/^Sending media needs a paid PilotStatus plan\. Upgrade to a paid plan/);
    });
  });

  describe('Cancel Scheduled Message and Find Message', () => {
    it('cancels a scheduled message; Find Message finds it by id and by correlation id, canceled', async () => {
      const sent = await run<Row>(sendMessage.operation.perform, {
        authData: pilotAuth(t),
        inputData: { destination: '+5511988887777', mode: 'text', text: 'later', deliverAt: inOneHour() },
      });
      const cancelled = await run<Row>(cancelMessage.operation.perform, { authData: pilotAuth(t), inputData: { messageId: sent.id } });
      expect(cancelled).toMatchObject({ id: sent.id, cancelled: true });

      for (const id of [sent.id, sent.correlationId]) {
        expect(await run<Row[]>(findMessage.operation.perform, { authData: pilotAuth(t), inputData: { id } })).toEqual([expect.objectContaining({ id: sent.id, status: 'CANCELED' })]);
      }
    });

    it('says why a message cannot be cancelled (already sent), without failing', async () => {
      const sent = await run<Row>(sendMessage.operation.perform, { authData: pilotAuth(t), inputData: { destination: '+5511988887777', mode: 'text', text: 'now' } });
      await t.process();
      expect(await run(cancelMessage.operation.perform, { authData: pilotAuth(t), inputData: { messageId: sent.id } })).toMatchObject({ cancelled: false, reason: 'NOT_CANCELABLE' });
    });

    it('Find Message returns nothing for an id PilotStatus does not know', async () => {
      expect(await run(findMessage.operation.perform, { authData: pilotAuth(t), inputData: { id: 'cm_does_not_exist' } })).toEqual([]);
    });
  });

  describe('Import Contacts (a file field, downloaded from its URL)', () => {
    it('reads a CSV into contact line items and failure line items', async () => {
      files.serve('/contacts.csv', 'Nome;Telefone;Grupo;Cidade\nAna;(11) 98888-7777;;Recife\nLoja;;120363025246125486@g.us;\nBruno;123;;\n;11 98888-7777;;\n');
      const result = await run<Row>(importContacts.operation.perform, { authData: pilotAuth(t), inputData: { file: files.urlOf('/contacts.csv'), defaultCountry: 'BR' } });
      expect(result).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/), contactCount: 2, failureCount: 2, columns: { phone: 'Telefone', group: 'Grupo', name: 'Nome' } });
      expect(result.contacts).toEqual([
        { row: 2, destination: '+5511988887777', kind: 'PHONE', name: 'Ana', extra: { Cidade: 'Recife' } },
        { row: 3, destination: '120363025246125486@g.us', kind: 'GROUP', name: 'Loja', extra: { Cidade: '' } },
      ]);
      expect(result.failures).toEqual([
        expect.objectContaining({ row: 4, field: 'Telefone', message: expect.stringMatching(/^Telefone /) }),
        expect.objectContaining({ row: 5, field: 'Telefone', rule: 'import.duplicate', duplicateOf: 2 }),
      ]);
    });

    it('names the File field when the file cannot be downloaded or read', async () => {
      const missing = await zapierFailure(run(importContacts.operation.perform, { authData: pilotAuth(t), inputData: { file: files.urlOf('/nope.csv') } }));
      expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', message: 'File could not be downloaded: the file server answered HTTP 404' });
      files.serve('/no-phone.csv', 'Name;City\nAna;Recife\n');
      const unreadable = await zapierFailure(run(importContacts.operation.perform, { authData: pilotAuth(t), inputData: { file: files.urlOf('/no-phone.csv') } }));
      expect(unreadable.message).toMatch(/^File /);
    });
  });

  describe('Message Event trigger (REST hook)', () => {
    const webhooks = async () => ((await t.http('GET', '/_sandbox/dump')).body.webhooks as Row[]).map((w) => ({ id: w.id, url: w.url, events: JSON.parse(w.events) }));

    it('subscribes the Zap’s URL, turns a delivered payload into one item, and unsubscribes', async () => {
      const authData = pilotAuth(t);
      const inputData = { events: ['message.delivered', 'message.read'] };
      const subscription = await run<Row>(messageEvent.operation.performSubscribe, { authData, inputData, targetUrl: receiver.url });
      expect(subscription).toMatchObject({ id: expect.stringMatching(/^wh_/), url: receiver.url, events: inputData.events });
      expect(await webhooks()).toEqual([{ id: subscription.id, url: receiver.url, events: inputData.events }]);

      const sent = await run<Row>(sendMessage.operation.perform, { authData, inputData: { destination: '+5511988887772', mode: 'text', text: 'hi' } });
      await processTimes(t, 4);
      const delivered = receiver.received.find((d) => d.body.event === 'message.delivered')!;
      expect(receiver.received.map((d) => d.body.event)).toEqual(['message.delivered', 'message.read']);

      const items = await run<Row[]>(messageEvent.operation.perform, { authData, inputData, cleanedRequest: delivered.body });
      expect(items).toEqual([{ ...delivered.body.data, id: delivered.body.data.id, event: 'message.delivered' }]);
      expect(items[0]).toMatchObject({ internalMessageId: sent.id, destinationNumber: '+5511988887772', status: 'DELIVERED' });

      expect(await run(messageEvent.operation.performUnsubscribe, { authData, inputData, subscribeData: subscription })).toEqual({ id: subscription.id, deleted: true });
      expect(await webhooks()).toEqual([]);
      // Removed meanwhile (e.g. in the dashboard): unsubscribing still succeeds.
      expect(await run(messageEvent.operation.performUnsubscribe, { authData, inputData, subscribeData: subscription })).toMatchObject({ deleted: true, alreadyGone: true });
    });

    it('subscribes through the tenant key for the connection’s number', async () => {
      const authData = pilotAuth(t, { tenantApiKey: DEMO.tenantKey, whatsappNumberId: DEMO.numberId });
      const subscription = await run<Row>(messageEvent.operation.performSubscribe, { authData, inputData: { events: ['*'] }, targetUrl: receiver.url });
      expect(subscription).toMatchObject({ events: ['*'], whatsappNumberIds: [DEMO.numberId] });
      await run(messageEvent.operation.performUnsubscribe, { authData, subscribeData: subscription });
      expect(await webhooks()).toEqual([]);
    });

    it('drops what is not a chosen event of the connection’s number', async () => {
      const authData = pilotAuth(t, { whatsappNumberId: DEMO.numberId });
      const data = { id: 'evt_1', internalMessageId: 'cm1', whatsappNumberId: DEMO.numberId };
      const perform = (cleanedRequest: unknown, events = ['message.read']) => run<Row[]>(messageEvent.operation.perform, { authData, inputData: { events }, cleanedRequest });
      expect(await perform({ event: 'message.read', data })).toEqual([{ ...data, event: 'message.read' }]);
      expect(await perform({ event: 'message.sent', data })).toEqual([]);
      expect(await perform({ event: 'message.sent', data }, ['*'])).toHaveLength(1);
      expect(await perform({ event: 'message.read', data: { ...data, whatsappNumberId: DEMO.freeNumberId } })).toEqual([]);
      expect(await perform({ hello: 'world' })).toEqual([]);
    });

    it('offers the documented event shape as test data (PilotStatus lists no past events)', async () => {
      const items = await run<Row[]>(messageEvent.operation.performList, { authData: pilotAuth(t), inputData: { events: ['*'] } });
      expect(items).toEqual([messageEvent.operation.sample]);
      expect(await requestsTo('GET', '/v1/webhooks')).toEqual([]);
    });
  });

  it('reports an unreachable server as the core’s network error', async () => {
    const error = await zapierFailure(run(template.operation.perform, { authData: pilotAuth(t, { baseUrl: 'http://127.0.0.1:1/v1' }) }));
    expect(error).toMatchObject({ name: 'AppError', code: 'NETWORK' });
    expect(error.message).toMatch(/^Could not reach PilotStatus: the connection was refused\. The request was not sent\./);
  });
});
