/**
 * Proves the in-process n8n harness with the fixture package in ./fixture-package
 * against a real local HTTP server: every request a node makes goes out over a socket
 * through n8n-core's HTTP stack, and the server only answers when n8n applied the
 * credential's header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { ICredentialDataDecryptedObject, ICredentialType, ICredentialTypes, IHttpRequestOptions } from 'n8n-workflow';

import {
  chain,
  HARNESS_INPUT_NODE_TYPE,
  HarnessCredentialsHelper,
  loadCustomPackage,
  runPoll,
  runWorkflow,
  webhookLifecycle,
  type LoadedPackage,
} from './harness';

const FIXTURE = join(__dirname, 'fixture-package');
const API_KEY = 'fixture-secret-key';

interface Recorded {
  method: string;
  path: string;
  key: string | undefined;
  body: unknown;
}

/** A tiny service: /echo, /list (polling), /hooks (webhook registration). */
class EchoServer {
  readonly requests: Recorded[] = [];
  list: Array<{ id: number; text: string }> = [];
  hooks: Array<{ id: string; url: string }> = [];
  private nextHook = 1;
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((err) => (err ? reject(err) : resolve())));
  }

  reset(): void {
    this.requests.length = 0;
    this.list = [];
    this.hooks = [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const key = req.headers['x-echo-key'];
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, key: typeof key === 'string' ? key : undefined, body });

    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (key !== API_KEY) return send(401, { message: 'bad key' });

    if (method === 'POST' && path === '/echo') {
      const item = body as { fail?: boolean };
      if (item.fail === true) return send(500, { message: 'echo refused this item' });
      return send(200, { echoed: body, received: this.requests.filter((r) => r.path === '/echo').length });
    }
    if (method === 'GET' && path === '/list') return send(200, this.list);
    if (method === 'GET' && path === '/hooks') return send(200, this.hooks);
    if (method === 'POST' && path === '/hooks') {
      const hook = { id: `hook-${this.nextHook++}`, url: (body as { url: string }).url };
      this.hooks.push(hook);
      return send(201, hook);
    }
    const deleteMatch = /^\/hooks\/([\w-]+)$/.exec(path);
    if (method === 'DELETE' && deleteMatch) {
      const before = this.hooks.length;
      this.hooks = this.hooks.filter((hook) => hook.id !== deleteMatch[1]);
      return send(before === this.hooks.length ? 404 : 200, { deleted: deleteMatch[1] });
    }
    return send(404, { message: `no route ${method} ${path}` });
  }
}

const server = new EchoServer();
let pkg: LoadedPackage;
let credentials: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  await server.start();
  pkg = await loadCustomPackage(FIXTURE);
  credentials = { echoApi: { baseUrl: server.baseUrl, apiKey: API_KEY } };
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => server.reset());

const echoNode = (extra: Record<string, unknown> = {}) => ({
  name: 'Echo',
  type: pkg.typeName('echo'),
  ...extra,
});

describe('loadCustomPackage', () => {
  it('loads the package with n8n-core and names types as n8n does', () => {
    expect(pkg.packageName).toBe('n8n-nodes-harness-fixture');
    expect(pkg.credentialTypeNames).toEqual(['echoApi']);
    expect([...pkg.nodeTypeNames].sort()).toEqual([
      'n8n-nodes-harness-fixture.echo',
      'n8n-nodes-harness-fixture.echoTrigger',
      'n8n-nodes-harness-fixture.echoWebhook',
      'n8n-nodes-harness-fixture.items',
    ]);
    expect(pkg.loader.types.nodes.map((d) => d.name).sort()).toEqual(['echo', 'echoTrigger', 'echoWebhook', 'items']);
  });

  it('exposes registries n8n can use (versions, credentials, supported nodes)', () => {
    const echo = pkg.nodeTypes.getByNameAndVersion('n8n-nodes-harness-fixture.echo', 1);
    expect(echo.description.credentials).toEqual([{ name: 'echoApi', required: true }]);
    expect(pkg.credentialTypes.recognizes('echoApi')).toBe(true);
    expect(pkg.credentialTypes.recognizes('slackApi')).toBe(false);
    expect(pkg.credentialTypes.getSupportedNodes('echoApi').sort()).toEqual([
      'n8n-nodes-harness-fixture.echo',
      'n8n-nodes-harness-fixture.echoTrigger',
      'n8n-nodes-harness-fixture.echoWebhook',
    ]);
    expect(() => pkg.nodeTypes.getByName('echo')).toThrow(/Unknown node type "echo"/);
    expect(() => pkg.typeName('nope')).toThrow(/has no node "nope"/);
  });

  it('applies n8n loader processing (polling nodes get the poll-times parameter)', () => {
    const trigger = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('echoTrigger'));
    expect(trigger.description.properties.map((p) => p.name)).toContain('pollTimes');
    const echo = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('echo'));
    expect(echo.description.properties.map((p) => p.name)).not.toContain('pollTimes');
  });

  it('loads a folder without package.json the way ~/.n8n/custom is loaded', async () => {
    const custom = await loadCustomPackage(join(FIXTURE, 'dist'));
    expect(custom.packageName).toBe('CUSTOM');
    expect(custom.typeName('echo')).toBe('CUSTOM.echo');
    expect(custom.credentialTypeNames).toEqual(['echoApi']);
  });
});

describe('runWorkflow', () => {
  it('runs Items → Echo: two real requests with the credential header, two items back', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [
        {
          name: 'Items',
          type: pkg.typeName('items'),
          parameters: { items: JSON.stringify([{ text: 'one' }, { text: 'two' }]) },
        },
        echoNode(),
      ],
      connections: chain('Items', 'Echo'),
      credentials,
      startNode: 'Items',
    });

    expect(result.executionError).toBeUndefined();
    const echoCalls = server.requests.filter((r) => r.path === '/echo');
    expect(echoCalls).toEqual([
      { method: 'POST', path: '/echo', key: API_KEY, body: { text: 'one' } },
      { method: 'POST', path: '/echo', key: API_KEY, body: { text: 'two' } },
    ]);
    expect(result.json('Echo')).toEqual([
      { echoed: { text: 'one' }, received: 1 },
      { echoed: { text: 'two' }, received: 2 },
    ]);
    expect(result.output('Echo')[0]?.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    expect(result.credentialsHelper.authentications.map((a) => a.type)).toEqual(['echoApi', 'echoApi']);
    expect(result.executedNodes).toEqual(['Items', 'Echo']);
  });

  it('fails the node when the credential is wrong (the server checks the header)', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [echoNode()],
      credentials: { echoApi: { baseUrl: server.baseUrl, apiKey: 'wrong' } },
      input: [{ text: 'one' }],
    });
    // n8n-core retries a 401 once after preAuthentication (token refresh), so two requests.
    expect(server.requests.map((r) => r.key)).toEqual(['wrong', 'wrong']);
    expect(result.error('Echo')?.message).toBe('Authorization failed - please check your credentials');
    expect(result.executionError).toBeDefined();
    expect(() => result.output('Echo')).not.toThrow();
    expect(result.json('Echo')).toEqual([]);
  });

  it.each([
    ['onError: continueRegularOutput', { onError: 'continueRegularOutput' }],
    ['legacy continueOnFail: true', { continueOnFail: true }],
  ])('turns a failing item into an error item with its pairedItem (%s)', async (_label, errorSetting) => {
    const result = await runWorkflow({
      pkg,
      nodes: [echoNode(errorSetting)],
      credentials,
      input: [{ text: 'ok' }, { text: 'bad', fail: true }, { text: 'ok again' }],
    });

    expect(result.error('Echo')).toBeUndefined();
    expect(result.executionError).toBeUndefined();
    const items = result.output('Echo')[0] ?? [];
    expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(items[0]?.json).toEqual({ echoed: { text: 'ok' }, received: 1 });
    // NodeApiError replaces a 5xx message with n8n's generic one.
    expect(items[1]?.json.error).toBe('The service was not able to process your request');
    expect(items[1]?.json.echoed).toBeUndefined();
    expect(items[2]?.json).toEqual({ echoed: { text: 'ok again' }, received: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('stops at the failing item without continueOnFail', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [echoNode()],
      credentials,
      input: [{ text: 'ok' }, { text: 'bad', fail: true }, { text: 'never sent' }],
    });
    const error = result.error('Echo');
    // NodeApiError: n8n's generic message, the server's message as description.
    expect(error?.message).toBe('The service was not able to process your request');
    expect(error?.description).toBe('echo refused this item');
    expect((error as { httpCode?: string } | undefined)?.httpCode).toBe('500');
    expect(result.executionError?.message).toBe(error?.message);
    expect(server.requests.map((r) => (r.body as { text: string }).text)).toEqual(['ok', 'bad']);
  });

  it('passes pinned data on instead of running the pinned node', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [
        { name: 'Items', type: pkg.typeName('items'), parameters: { items: JSON.stringify([{ text: 'not pinned' }]) } },
        echoNode(),
      ],
      connections: chain('Items', 'Echo'),
      credentials,
      startNode: 'Items',
      pinData: { Items: [{ json: { text: 'pinned A' } }, { json: { text: 'pinned B' } }] },
    });
    expect(server.requests.map((r) => r.body)).toEqual([{ text: 'pinned A' }, { text: 'pinned B' }]);
    expect(result.json('Echo')).toHaveLength(2);
  });

  it('feeds `input` through the harness input node', async () => {
    const result = await runWorkflow({ pkg, nodes: [echoNode()], credentials, input: [{ a: 1 }] });
    expect(result.workflow.getNode('Harness Input')?.type).toBe(HARNESS_INPUT_NODE_TYPE);
    expect(result.json('Echo')).toEqual([{ echoed: { a: 1 }, received: 1 }]);
    expect(() => result.output('Nope')).toThrow(/did not run/);
  });
});

describe('runPoll', () => {
  const trigger = () => ({ name: 'Echo Trigger', type: pkg.typeName('echoTrigger') });

  it('returns only unseen entries, carrying static data between polls', async () => {
    server.list = [
      { id: 1, text: 'a' },
      { id: 2, text: 'b' },
    ];
    const first = await runPoll({ pkg, node: trigger(), credentials, mode: 'trigger' });
    expect(first.items?.[0]?.map((item) => item.json.id)).toEqual([1, 2]);
    expect(first.staticData).toEqual({ 'node:Echo Trigger': { seenIds: [1, 2] } });
    expect(first.staticDataChanged).toBe(true);

    const second = await runPoll({ pkg, node: trigger(), credentials, mode: 'trigger', staticData: first.staticData });
    expect(second.items).toBeNull();
    expect(second.staticDataChanged).toBe(false);

    server.list.push({ id: 3, text: 'c' });
    const third = await runPoll({ pkg, node: trigger(), credentials, mode: 'trigger', staticData: second.staticData });
    expect(third.items?.[0]?.map((item) => item.json)).toEqual([{ id: 3, text: 'c' }]);
    expect(third.staticData).toEqual({ 'node:Echo Trigger': { seenIds: [1, 2, 3] } });

    // Without the remembered static data everything is new again.
    const forgetful = await runPoll({ pkg, node: trigger(), credentials, mode: 'trigger' });
    expect(forgetful.items?.[0]).toHaveLength(3);

    expect(server.requests.every((r) => r.path === '/list' && r.key === API_KEY)).toBe(true);
    expect(server.requests).toHaveLength(4);
  });

  it('gives the node the manual mode for "fetch test event"', async () => {
    server.list = [
      { id: 1, text: 'a' },
      { id: 2, text: 'b' },
    ];
    const manual = await runPoll({ pkg, node: trigger(), credentials, mode: 'manual' });
    expect(manual.items?.[0]?.map((item) => item.json.id)).toEqual([2]);
    expect(manual.staticData).toEqual({});
  });
});

describe('webhookLifecycle', () => {
  it('registers, checks, delivers with dedupe and deletes through n8n hook/webhook contexts', async () => {
    const lifecycle = webhookLifecycle({
      pkg,
      node: { name: 'Echo Webhook', type: pkg.typeName('echoWebhook'), webhookId: 'fixed-webhook-id' },
      credentials,
      webhookUrl: 'https://n8n.example.test/webhook/',
    });
    expect(lifecycle.nodeWebhookUrl).toBe('https://n8n.example.test/webhook/fixed-webhook-id/echo');

    await expect(lifecycle.checkExists()).resolves.toBe(false);
    await expect(lifecycle.create()).resolves.toBe(true);
    expect(server.hooks).toEqual([{ id: 'hook-1', url: lifecycle.nodeWebhookUrl }]);
    expect(lifecycle.staticData()).toEqual({ 'node:Echo Webhook': { hookId: 'hook-1' } });
    await expect(lifecycle.checkExists()).resolves.toBe(true);
    await expect(lifecycle.activate()).resolves.toBe(false); // exists → n8n does not create again
    expect(server.hooks).toHaveLength(1);

    const delivered = await lifecycle.deliver({
      body: { eventId: 'e1', text: 'hello' },
      headers: { 'X-Echo-Signature': 'sig-1' },
    });
    expect(delivered.workflowData).toEqual([[{ json: { eventId: 'e1', text: 'hello', signature: 'sig-1' } }]]);

    const duplicate = await lifecycle.deliver({ body: { eventId: 'e1', text: 'hello' } });
    expect(duplicate.workflowData).toBeUndefined();
    expect(duplicate.webhookResponse).toBe('duplicate');

    const next = await lifecycle.deliver({ body: { eventId: 'e2', text: 'again' } });
    expect(next.workflowData?.[0]?.[0]?.json).toEqual({ eventId: 'e2', text: 'again', signature: null });
    expect(lifecycle.staticData()).toEqual({ 'node:Echo Webhook': { hookId: 'hook-1', seenEvents: ['e1', 'e2'] } });

    await expect(lifecycle.delete()).resolves.toBe(true);
    expect(server.hooks).toEqual([]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.key === API_KEY ? 'auth' : 'NOAUTH'}`)).toEqual([
      'GET /hooks auth',
      'POST /hooks auth',
      'GET /hooks auth',
      'GET /hooks auth',
      'DELETE /hooks/hook-1 auth',
    ]);
  });

  it('activate() creates when the service has no hook', async () => {
    const lifecycle = webhookLifecycle({
      pkg,
      node: { name: 'Echo Webhook', type: pkg.typeName('echoWebhook') },
      credentials,
      webhookUrl: 'https://n8n.example.test/webhook',
    });
    expect(lifecycle.node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(lifecycle.activate()).resolves.toBe(true);
    expect(server.hooks.map((h) => h.url)).toEqual([lifecycle.nodeWebhookUrl]);
  });
});

describe('HarnessCredentialsHelper', () => {
  // Credential types written like a package's (function authenticate, expirable token),
  // to cover the helper paths the fixture's generic header credential does not.
  const tokenApi: ICredentialType = {
    name: 'tokenApi',
    displayName: 'Token API',
    properties: [
      { displayName: 'Key', name: 'key', type: 'string', default: '' },
      { displayName: 'Region', name: 'region', type: 'string', default: 'eu' },
      { displayName: 'Session', name: 'session', type: 'hidden', typeOptions: { expirable: true }, default: '' },
    ],
    async preAuthentication(this, credentials) {
      const answer = (await this.helpers.httpRequest({
        method: 'POST',
        url: `${server.baseUrl}/echo`,
        headers: { 'x-echo-key': API_KEY },
        body: { login: credentials.key },
        json: true,
      })) as { received: number };
      return { session: `session-${answer.received}` };
    },
    async authenticate(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) {
      return { ...options, headers: { ...options.headers, authorization: `Bearer ${String(credentials.session)}` } };
    },
  };
  const registry: ICredentialTypes = {
    recognizes: (type) => type === 'tokenApi',
    getByName: (type) => {
      if (type !== 'tokenApi') throw new Error(`unknown ${type}`);
      return tokenApi;
    },
    getSupportedNodes: () => [],
    getParentTypes: () => [],
  };
  const helpers = {
    helpers: {
      httpRequest: async (options: IHttpRequestOptions) =>
        (await fetch(options.url, {
          method: options.method ?? 'GET',
          headers: { 'content-type': 'application/json', ...(options.headers as Record<string, string>) },
          body: JSON.stringify(options.body),
        }).then((r) => r.json())) as unknown,
    },
  };
  const node = { id: '1', name: 'N', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

  it('fills property defaults on read and calls a function authenticate as is', async () => {
    const helper = new HarnessCredentialsHelper(registry, { tokenApi: { key: 'k1', session: 's0' } });
    const decrypted = await helper.getDecrypted({} as never, { id: 'x', name: 'x' }, 'tokenApi');
    expect(decrypted).toEqual({ key: 'k1', region: 'eu', session: 's0' });
    const options = await helper.authenticate(decrypted, 'tokenApi', { url: 'http://x.test/a', headers: { a: '1' } });
    expect(options.headers).toEqual({ a: '1', authorization: 'Bearer s0' });
    expect(helper.authentications).toEqual([{ type: 'tokenApi', url: 'http://x.test/a', method: undefined }]);
    await expect(helper.getDecrypted({} as never, { id: 'x', name: 'x' }, 'otherApi')).rejects.toThrow(
      /no values for credential type "otherApi"/,
    );
  });

  it('runs preAuthentication when the expirable property is empty or expired, and keeps the result', async () => {
    const helper = new HarnessCredentialsHelper(registry, { tokenApi: { key: 'k1' } });
    const creds = await helper.getDecrypted({} as never, { id: 'x', name: 'x' }, 'tokenApi');
    await expect(helper.preAuthentication(helpers, creds, 'tokenApi', node, false)).resolves.toEqual(
      expect.objectContaining({ session: 'session-1' }),
    );
    const again = await helper.getDecrypted({} as never, { id: 'x', name: 'x' }, 'tokenApi');
    expect(again.session).toBe('session-1');
    // A valid session is not refreshed; an expired one is.
    await expect(helper.preAuthentication(helpers, again, 'tokenApi', node, false)).resolves.toBeUndefined();
    await expect(helper.preAuthentication(helpers, again, 'tokenApi', node, true)).resolves.toEqual(
      expect.objectContaining({ session: 'session-2' }),
    );
    expect(server.requests.map((r) => r.body)).toEqual([{ login: 'k1' }, { login: 'k1' }]);
  });
});
