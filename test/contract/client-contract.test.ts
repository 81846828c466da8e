import nock from 'nock';
import { createPilotStatusClient, type PilotStatusClient } from '../../shared/pilotstatus';
import { createRyzeApiClient, type RyzeApiClient } from '../../shared/ryzeapi';
import { RateLimiterRegistry } from '../../shared/http';
import { DEMO, FAST_RETRY, startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { failure } from '../clients/helpers';

/*
 * One behaviour suite, two servers: nock (answers as the public docs show them, and checks the
 * exact request) and the sandbox over real HTTP (answers from its own schemas and data). The
 * same `run` must pass against both, so the client's unit fixtures and the sandbox cannot drift
 * apart without a test failing.
 */

interface Clients {
  pilot(key?: string, extra?: Record<string, unknown>): PilotStatusClient;
  ryze(token?: string, instance?: string): RyzeApiClient;
}

interface Behaviour {
  readonly name: string;
  /** Interceptors for the nock run; the sandbox run uses its demo data instead. */
  readonly nock: (ps: nock.Scope, ryze: nock.Scope) => void;
  readonly run: (clients: Clients) => Promise<void>;
}

const NOCK_PS = 'http://pilotstatus.contract';
const NOCK_RYZE = 'http://ryzeapi.contract';
const PHONE = '+5511988887777';
const accepted = (id: string) => ({ id, correlationId: `corr-${id}`, status: 'QUEUED', createdAt: '2026-11-21T12:00:00.000Z', origin: 'api' });
const tags = [
  { id: '1', name: 'New customer', color: 1, type: 'CUSTOM', deleted: false },
  { id: '2', name: 'VIP', color: 5, type: 'CUSTOM', deleted: false },
];

const behaviours: Behaviour[] = [
  {
    name: 'send a template with labels: 202 QUEUED, then its status by id',
    nock: (ps) => {
      ps.post('/v1/messages/send', { destinationNumber: PHONE, templateId: 'welcome', variables: { name: 'Ana' }, labels: ['vip'] }).reply(202, accepted('msg_c1'));
      ps.get('/v1/messages/msg_c1').reply(200, { id: 'msg_c1', correlationId: 'corr-msg_c1', status: 'QUEUED', destinationNumber: PHONE });
    },
    run: async ({ pilot }) => {
      const sent = await pilot().sendMessage({ destinationNumber: '+55 (11) 98888-7777', templateId: 'welcome', variables: { name: 'Ana' }, labels: 'vip, VIP' });
      expect(sent).toMatchObject({ status: 'QUEUED', origin: 'api' });
      expect(sent.id).toEqual(expect.any(String));
      const message = await pilot().getMessage(sent.id);
      expect(message).toMatchObject({ id: sent.id, status: 'QUEUED', destinationNumber: PHONE });
    },
  },
  {
    name: 'cancel a scheduled message',
    nock: (ps) => {
      ps.post('/v1/messages/send', (body) => body.text === 'later' && typeof body.deliverAt === 'string').reply(202, accepted('msg_c2'));
      ps.delete('/v1/messages/cancel', { messageIds: ['msg_c2'] }).reply(200, { cancelled: ['msg_c2'], failed: [] });
    },
    run: async ({ pilot }) => {
      const sent = await pilot().sendMessage({ destinationNumber: PHONE, text: 'later', deliverAt: new Date(Date.now() + 86_400_000) });
      expect(await pilot().cancelMessage(sent.id)).toMatchObject({ id: sent.id, cancelled: true });
    },
  },
  {
    name: 'list templates',
    nock: (ps) => {
      ps.get('/v1/templates').reply(200, { templates: ['order_update', 'welcome', 'reminder'].map((name) => ({ id: `tpl_${name}`, name })) });
    },
    run: async ({ pilot }) => {
      expect((await pilot().listTemplates()).map((t) => t.name).sort()).toEqual(['order_update', 'reminder', 'welcome']);
    },
  },
  {
    name: 'webhooks: create, find in the list, delete',
    nock: (ps) => {
      const hook = { id: 'wh_c1', url: 'https://example.com/hook', events: ['message.delivered', 'message.read'] };
      ps.post('/v1/webhooks', { url: hook.url, events: hook.events }).reply(201, hook);
      ps.get('/v1/webhooks').reply(200, { webhooks: [hook] });
      ps.delete('/v1/webhooks/wh_c1').reply(204);
    },
    run: async ({ pilot }) => {
      const client = pilot(DEMO.keyRetention30, { tenantApiKey: DEMO.tenantKey });
      const created = await client.createWebhook({ url: 'https://example.com/hook', events: ['message.delivered', 'message.read'] });
      expect(created).toMatchObject({ url: 'https://example.com/hook', events: ['message.delivered', 'message.read'] });
      expect((await client.listWebhooks()).map((w) => w.id)).toContain(created.id);
      expect(await client.deleteWebhook(created.id)).toEqual({ id: created.id, deleted: true });
    },
  },
  {
    name: 'an unknown key is UNAUTHORIZED (401)',
    nock: (ps) => {
      ps.get('/v1/templates').reply(401, { error: 'UNAUTHORIZED' });
    },
    run: async ({ pilot }) => {
      expect(await failure(pilot('ps_not_a_key').listTemplates())).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    },
  },
  {
    name: 'a tenant key cannot send: TENANT_SCOPE_NOT_ALLOWED (403)',
    nock: (ps) => {
      ps.post('/v1/messages/send').reply(403, { error: 'TENANT_SCOPE_NOT_ALLOWED' });
    },
    run: async ({ pilot }) => {
      expect(await failure(pilot(DEMO.tenantKey).sendMessage({ destinationNumber: PHONE, text: 'hi' }))).toMatchObject({ code: 'TENANT_SCOPE_NOT_ALLOWED', status: 403 });
    },
  },
  {
    name: 'a template without its variables: MISSING_TEMPLATE_VARIABLES',
    nock: (ps) => {
      ps.post('/v1/messages/send', { destinationNumber: PHONE, templateId: 'order_update', variables: { name: 'Ana' } }).reply(400, { error: 'MISSING_TEMPLATE_VARIABLES', message: 'Missing: order' });
    },
    run: async ({ pilot }) => {
      const error = await failure(pilot().sendMessage({ destinationNumber: PHONE, templateId: 'order_update', variables: { name: 'Ana' } }));
      expect(error).toMatchObject({ code: 'MISSING_TEMPLATE_VARIABLES', status: 400 });
    },
  },
  {
    name: 'media from a free plan: SUBSCRIPTION_REQUIRED_FOR_MEDIA (402)',
    nock: (ps) => {
      ps.post('/v1/messages/send', { destinationNumber: PHONE, media: 'https://example.com/a.png', mediaType: 'image' }).reply(402, { error: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA' });
    },
    run: async ({ pilot }) => {
      const error = await failure(pilot(DEMO.keyFreePlan).sendMessage({ destinationNumber: PHONE, media: 'https://example.com/a.png' }));
      expect(error).toMatchObject({ code: 'SUBSCRIPTION_REQUIRED_FOR_MEDIA', status: 402 });
    },
  },
  {
    name: 'RyzeAPI: list tags, and ensureTag finds an existing one by any case without creating',
    nock: (_ps, ryze) => {
      ryze.get('/api/chat/tag/demo').times(2).reply(200, { success: true, message: 'ok', tags, total: tags.length });
    },
    run: async ({ ryze }) => {
      const listed = await ryze().listTags();
      expect(listed.map(({ id, name, color }) => ({ id, name, color }))).toEqual(tags.map(({ id, name, color }) => ({ id, name, color })));
      expect(await ryze().ensureTag('  vip ')).toMatchObject({ created: false, tag: { id: '2', name: 'VIP' } });
    },
  },
  {
    name: 'RyzeAPI: create a tag, the name trimmed and an out-of-range color normalized to 0',
    nock: (_ps, ryze) => {
      ryze.post('/api/chat/tag/demo', (body) => body.name === 'Lead' && (body.color ?? 0) === 0).reply(200, {
        success: true, message: 'Tag created', tag: { id: '3', name: 'Lead', color: 0, type: 'CUSTOM', deleted: false },
      });
    },
    run: async ({ ryze }) => {
      const created = await ryze().createTag({ name: '  Lead ', color: 42 });
      expect(created.tag).toMatchObject({ id: '3', name: 'Lead', color: 0, deleted: false });
      expect(created.colorNormalized).toBe(true);
    },
  },
  {
    name: 'RyzeAPI: assign a tag to a typed phone, then list the chats of that tag by name',
    nock: (_ps, ryze) => {
      ryze.post('/api/chat/assignTag/demo', { number: '5511988887777', tagId: '1' }).reply(200, { success: true, message: 'Tag assigned' });
      ryze.get('/api/chat/contactsByLabel/demo').query({ labelNames: 'new customer' }).reply(200, {
        success: true, chats: [{ chat_jid: '5511988887777@s.whatsapp.net', labels: [{ id: '1', name: 'New customer' }] }], total_chats: 1, total_rows: 1,
      });
    },
    run: async ({ ryze }) => {
      expect(await ryze().assignTag({ number: '+55 11 98888-7777', tagId: '1' })).toEqual({ number: '5511988887777', tagId: '1' });
      const { chats } = await ryze().chatsByLabel({ labelNames: 'new customer' });
      expect(chats.map((chat) => chat.chat_jid)).toEqual(['5511988887777@s.whatsapp.net']);
    },
  },
  {
    name: 'RyzeAPI: a disconnected instance is INSTANCE_NOT_CONNECTED (503), not retried',
    nock: (_ps, ryze) => {
      ryze.get('/api/chat/tag/offline').reply(503, { success: false, error: { message: 'Instance is not connected to WhatsApp' } });
    },
    run: async ({ ryze }) => {
      const error = await failure(ryze(DEMO.ryzeOfflineToken, DEMO.ryzeOfflineInstance).listTags());
      expect(error).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED', status: 503 });
      expect(String((error as { hint?: string }).hint)).toMatch(/reconnect|QR/i);
    },
  },
  {
    name: 'RyzeAPI: a wrong token is INVALID_TOKEN (401)',
    nock: (_ps, ryze) => {
      ryze.get('/api/chat/tag/demo').reply(401, { success: false, error: { message: 'Invalid token' } });
    },
    run: async ({ ryze }) => {
      expect(await failure(ryze('not-a-token').listTags())).toMatchObject({ code: 'INVALID_TOKEN', status: 401 });
    },
  },
];

function clientsFor(pilotStatusUrl: string, ryzeApiUrl: string): Clients {
  const rateLimiters = new RateLimiterRegistry();
  return {
    pilot: (apiKey = DEMO.keyRetention30, extra = {}) =>
      createPilotStatusClient({ credentials: { apiKey, baseUrl: pilotStatusUrl, ...extra }, retry: FAST_RETRY }),
    ryze: (token = DEMO.ryzeInstanceToken, instance = DEMO.ryzeInstance) =>
      createRyzeApiClient({ credentials: { token, baseUrl: ryzeApiUrl }, instance, retry: FAST_RETRY, rateLimiters }),
  };
}

describe('against nock (the documented answers)', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it.each(behaviours.map((b) => [b.name, b] as const))('%s', async (_name, behaviour) => {
    const ps = nock(NOCK_PS);
    const ryze = nock(NOCK_RYZE);
    behaviour.nock(ps, ryze);
    await behaviour.run(clientsFor(`${NOCK_PS}/v1`, NOCK_RYZE));
    // Every documented exchange happened, with the exact request the interceptors expect.
    expect(ps.pendingMocks()).toEqual([]);
    expect(ryze.pendingMocks()).toEqual([]);
  });
});

describe('against the sandbox (real HTTP)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  beforeEach(() => t.http('POST', '/_sandbox/reset'));
  afterAll(() => t.close());

  it.each(behaviours.map((b) => [b.name, b] as const))('%s', async (_name, behaviour) => {
    await behaviour.run(clientsFor(t.sandbox.pilotStatusUrl, t.sandbox.ryzeApiUrl));
  });
});
