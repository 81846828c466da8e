/**
 * The RyzeAPI node (n8n/nodes/RyzeApi) as n8n runs it: the built package (n8n/dist, from
 * `npm run build:n8n`) loaded by n8n-core's own loader, workflows executed by WorkflowExecute,
 * every request going over real HTTP to the sandbox, which is then inspected through its
 * /_sandbox endpoints.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { LoadOptionsContext } from 'n8n-core';
import {
  NodeApiError,
  NodeOperationError,
  Workflow,
  type IDataObject,
  type INode,
  type INodeExecutionData,
  type INodeListSearchResult,
  type INodeParameters,
  type INodePropertyOptions,
  type INodeType,
  type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { NetworkError } from '../../shared/errors';
import { RYZEAPI_ERRORS } from '../../shared/ryzeapi';
import { TAG_PALETTE } from '../../shared/tags';
import { DEMO, startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { BUILT_PACK_DIR, HarnessCredentialsHelper, loadBuiltPack, runWorkflow, type LoadedPackage, type RunWorkflowResult } from './harness';

const PACKAGE_DIR = BUILT_PACK_DIR;
const WRONG_TOKEN = 'ryze_not_a_real_token_4f9c2a';
const SECRETS = [DEMO.ryzeInstanceToken, DEMO.ryzeAccountToken, DEMO.ryzeOfflineToken, WRONG_TOKEN];
const NODE = 'RyzeAPI';

const coreError = (code: string) => {
  const rule = RYZEAPI_ERRORS.find((entry) => entry.code === code);
  if (!rule) throw new Error(`The core has no RyzeAPI error ${code}`);
  return rule;
};

let pkg: LoadedPackage;
let sb: TestSandbox;

beforeAll(async () => {
  [pkg, sb] = await Promise.all([loadBuiltPack(), startTestSandbox()]);
});
afterAll(async () => sb?.close());
beforeEach(async () => {
  expect((await sb.http('POST', '/_sandbox/reset')).status).toBe(200);
});

// ---------------------------------------------------------------------------------------------
// helpers

const credentials = (overrides: Record<string, unknown> = {}) => ({
  ryzeApi: { instance: DEMO.ryzeInstance, token: DEMO.ryzeInstanceToken, baseUrl: sb.sandbox.ryzeApiUrl, ...overrides },
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** Serializes anything (an execution, an error with cycles) so a secret can be searched for. */
function dumpText(value: unknown): string {
  const seen = new WeakSet<object>();
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Error) {
      return { ...item, name: item.name, message: item.message, stack: item.stack, description: (item as { description?: unknown }).description };
    }
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[cycle]';
      seen.add(item);
    }
    return item;
  });
}

function expectNoSecrets(value: unknown): void {
  const text = dumpText(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

interface RunOptions {
  input?: IDataObject[];
  onError?: INode['onError'];
  credentials?: ReturnType<typeof credentials>;
}

/** Runs Harness Input → RyzeAPI once; checks that nothing in the whole execution holds a token. */
async function runRyze(parameters: INodeParameters, options: RunOptions = {}): Promise<RunWorkflowResult> {
  const result = await runWorkflow({
    pkg,
    nodes: [{ name: NODE, type: pkg.typeName('ryzeApi'), parameters, ...(options.onError ? { onError: options.onError } : {}) }],
    input: options.input ?? [{}],
    credentials: options.credentials ?? credentials(),
  });
  expectNoSecrets(result.run);
  expectNoSecrets(result.executionError);
  return result;
}

// WorkflowExecute keeps a serialized copy of a node's error in the run (a plain object with the
// error's name, message, description, httpCode, context): errors are checked by those fields.

/** The node's output items; fails with the execution's error when the node failed. */
function items(result: RunWorkflowResult): INodeExecutionData[] {
  if (result.executionError) throw result.executionError;
  return result.output(NODE)[0] ?? [];
}

const sandboxTags = async (): Promise<Array<{ id: string; name: string; color: number; deleted: boolean }>> =>
  (await sb.http('GET', '/_sandbox/ryze/instances/demo/tags')).body.tags;
const sandboxChats = async (): Promise<Array<{ chatJid: string; name: string | null; tagIds: string[] }>> =>
  (await sb.http('GET', '/_sandbox/ryze/instances/demo/chats')).body.chats;
/** RyzeAPI calls that reached the sandbox (route patterns, no ids, phones or tokens). */
const ryzeCalls = async (): Promise<string[]> =>
  ((await sb.http('GET', '/_sandbox/requests')).body.requests as Array<{ method: string; route: string }>)
    .filter((request) => request.route.startsWith('/api/'))
    .map((request) => `${request.method} ${request.route}`);
const tagsOfChat = async (chatJid: string) => (await sandboxChats()).find((chat) => chat.chatJid === chatJid)?.tagIds;

const ANA = '5511988887777@s.whatsapp.net';
const BRUNO = '5521987654321@s.whatsapp.net';
const STORE_GROUP = '120363025246125486@g.us';

/** Calls a list-search / load-options method the way the editor does: n8n-core's LoadOptionsContext. */
async function editorMethod(kind: 'listSearch' | 'loadOptions', method: string, filter?: string) {
  const credentialsHelper = new HarnessCredentialsHelper(pkg.credentialTypes, credentials());
  const node: INode = {
    id: 'editor-node',
    name: NODE,
    type: pkg.typeName('ryzeApi'),
    typeVersion: 1,
    position: [0, 0],
    parameters: { resource: 'tag', operation: 'delete' },
    credentials: { ryzeApi: { id: 'ryzeApi', name: 'ryzeApi' } },
  };
  const workflow = new Workflow({ id: 'editor', nodes: [node], connections: {}, active: false, nodeTypes: pkg.nodeTypes, settings: { executionOrder: 'v1' } });
  const base = 'http://n8n.editor.invalid';
  const additionalData = {
    credentialsHelper,
    restApiUrl: `${base}/rest`,
    instanceBaseUrl: `${base}/`,
    webhookBaseUrl: `${base}/webhook`,
    webhookWaitingBaseUrl: `${base}/webhook-waiting`,
    webhookTestBaseUrl: `${base}/webhook-test`,
    formWaitingBaseUrl: `${base}/form-waiting`,
    variables: {},
  } as unknown as IWorkflowExecuteAdditionalData;
  const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.tag');
  const type = pkg.nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
  const fn = (type.methods?.[kind] as Record<string, (this: LoadOptionsContext, filter?: string) => Promise<unknown>> | undefined)?.[method];
  if (!fn) throw new Error(`The node has no methods.${kind}.${method}`);
  return await fn.call(context, filter);
}

// ---------------------------------------------------------------------------------------------

describe('the built package in n8n-core', () => {
  it('loads both RyzeAPI nodes and the credential with n8n-core loader', () => {
    expect(pkg.packageName).toBe('n8n-nodes-whatsapp-labels');
    expect(pkg.nodeTypeNames).toEqual(expect.arrayContaining(['n8n-nodes-whatsapp-labels.ryzeApi', 'n8n-nodes-whatsapp-labels.ryzeApiTrigger']));
    expect(pkg.credentialTypeNames).toContain('ryzeApi');

    const action = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('ryzeApi'), 1).description;
    expect(action.usableAsTool).toBe(true);
    expect(action.credentials).toEqual([{ name: 'ryzeApi', required: true }]);
    expect(action.subtitle).toContain('$parameter["operation"]');
    // The loader turns `icon: { light: 'file:…', dark: 'file:…' }` into icon URLs of files that exist.
    expect(action.iconUrl).toEqual({ light: expect.stringMatching(/RyzeApi\/ryzeapi\.svg$/), dark: expect.stringMatching(/RyzeApi\/ryzeapi\.dark\.svg$/) });
    const operations = action.properties.find((property) => property.name === 'operation')?.options as INodePropertyOptions[];
    expect(operations.map((option) => option.value).sort()).toEqual(['assign', 'assignByName', 'create', 'delete', 'list', 'listChats', 'unassign', 'unassignByName']);

    const trigger = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('ryzeApiTrigger'), 1).description;
    expect(trigger.polling).toBe(true);
    expect(trigger.inputs).toEqual([]);
    const events = trigger.properties.find((property) => property.name === 'event')?.options as INodePropertyOptions[];
    expect(events.map((option) => option.value).sort()).toEqual(['chatAddedToTag', 'newTag']);
    // The codex files beside the nodes reach n8n (categories in the nodes panel).
    for (const name of ['ryzeApi', 'ryzeApiTrigger']) {
      const loaded = pkg.loader.types.nodes.find((node) => node.name === name);
      expect(loaded?.codex?.categories).toEqual(['Communication', 'Marketing']);
    }
    for (const file of ['ryzeapi.svg', 'ryzeapi.dark.svg']) {
      expect(existsSync(join(PACKAGE_DIR, 'dist/nodes/RyzeApiTrigger', file))).toBe(true);
    }
  });

  it('names the colors from the core palette, valued by index', () => {
    const action = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('ryzeApi'), 1).description;
    const color = action.properties.find((property) => property.name === 'color');
    expect(color?.options).toEqual(TAG_PALETTE.map((entry) => expect.objectContaining({ name: `${entry.name} (${entry.color})`, value: entry.color })));
    expect((color?.options as INodePropertyOptions[])[0]?.name).toBe('Coral Red (0)');
  });

  it('requires the shared runtime from every RyzeAPI node file at a path that exists', () => {
    const files = ['dist/nodes/RyzeApi/RyzeApi.node.js', 'dist/nodes/RyzeApiTrigger/RyzeApiTrigger.node.js'];
    for (const file of files) {
      const code = readFileSync(join(PACKAGE_DIR, file), 'utf8');
      const local = [...code.matchAll(/require\("(\.[^"]+)"\)/g)].map((match) => match[1] as string);
      expect(local.length).toBeGreaterThan(0);
      for (const path of new Set(local)) {
        expect(resolve(dirname(join(PACKAGE_DIR, file)), path)).toBe(join(PACKAGE_DIR, 'dist/lib/pack.js'));
      }
    }
    // No stray sources in the package.
    expect(readdirSync(join(PACKAGE_DIR, 'dist/nodes/RyzeApi')).filter((name) => name.endsWith('.ts'))).toEqual([]);
  });
});

describe('Tag → List', () => {
  it('returns one item per live tag with its palette color name', async () => {
    const result = await runRyze({ resource: 'tag', operation: 'list' });
    const out = items(result);
    expect(out.map((item) => item.json)).toEqual([
      expect.objectContaining({ id: '1', name: 'New customer', color: 1, colorName: 'Sky Blue', colorHex: '#64c4ff', deleted: false }),
      expect.objectContaining({ id: '2', name: 'VIP', color: 5, colorName: 'Mint Green', deleted: false }),
    ]);
    expect(out.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
  });

  it('lists a just-deleted tag only with "Include Deleted"', async () => {
    await sb.ryze({ token: DEMO.ryzeAccountToken }).deleteTag('1');
    const plain = items(await runRyze({ resource: 'tag', operation: 'list' }));
    expect(plain.map((item) => item.json.id)).toEqual(['2']);
    const all = items(await runRyze({ resource: 'tag', operation: 'list', includeDeleted: true }));
    expect(all.map((item) => [item.json.id, item.json.deleted])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it('runs once per input item, each output paired with its input', async () => {
    const out = items(await runRyze({ resource: 'tag', operation: 'list' }, { input: [{ a: 1 }, { a: 2 }] }));
    expect(out.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 0, 1, 1]);
  });
});

describe('Tag → Create', () => {
  it('creates the tag with the chosen palette color', async () => {
    const out = items(await runRyze({ resource: 'tag', operation: 'create', name: '  Leads  ', color: 8 }));
    expect(out).toHaveLength(1);
    expect(out[0]?.json).toEqual(expect.objectContaining({ id: '3', name: 'Leads', color: 8, colorName: 'Violet Blue', colorNormalized: false }));
    expect(await sandboxTags()).toContainEqual(expect.objectContaining({ id: '3', name: 'Leads', color: 8, deleted: false }));
  });

  it('normalizes a color outside the palette to 0 and says so', async () => {
    const out = items(await runRyze({ resource: 'tag', operation: 'create', name: 'Odd color', color: '={{ 42 }}' }));
    expect(out[0]?.json).toEqual(
      expect.objectContaining({ name: 'Odd color', color: 0, colorName: 'Coral Red', colorNormalized: true, colorNormalizationReason: 'out_of_range' }),
    );
    expect((await sandboxTags()).find((tag) => tag.name === 'Odd color')?.color).toBe(0);
  });

  it('reads a palette name given by expression', async () => {
    const out = items(await runRyze({ resource: 'tag', operation: 'create', name: 'Minty', color: '={{ "mint green" }}' }));
    expect(out[0]?.json).toEqual(expect.objectContaining({ color: 5, colorNormalized: false }));
    expect((await sandboxTags()).find((tag) => tag.name === 'Minty')?.color).toBe(5);
  });

  it('refuses a blank name with the core rule, before any request', async () => {
    const result = await runRyze({ resource: 'tag', operation: 'create', name: '   ', color: 0 });
    expect(result.executionError?.name).toBe('NodeOperationError');
    expect(result.executionError?.message).toBe('name must not be empty (a tag needs a name)');
    expect((await sandboxTags()).map((tag) => tag.id)).toEqual(['1', '2']);
    expect(await ryzeCalls()).toEqual([]);
  });
});

describe('Tag → Delete', () => {
  it('deletes the tag given by ID and takes it off every chat', async () => {
    expect(await tagsOfChat(ANA)).toEqual(['2']);
    const out = items(await runRyze({ resource: 'tag', operation: 'delete', tag: byId('2') }));
    expect(out[0]?.json).toEqual(expect.objectContaining({ tagId: '2', deleted: true }));
    expect((await sandboxTags()).find((tag) => tag.id === '2')?.deleted).toBe(true);
    expect(await tagsOfChat(ANA)).toEqual([]);
  });

  it('reports an unknown tag with the core message', async () => {
    const result = await runRyze({ resource: 'tag', operation: 'delete', tag: fromList('99') });
    expect(result.executionError?.name).toBe('NodeApiError');
    expect(result.executionError?.message).toBe(coreError('TAG_NOT_FOUND').message);
    expect(result.executionError?.description).toBe(coreError('TAG_NOT_FOUND').hint);
  });
});

describe('Tag → Assign / Unassign', () => {
  it('assigns a tag to a phone written in any notation, then unassigns it', async () => {
    const assigned = items(await runRyze({ resource: 'tag', operation: 'assign', chat: '+55 (21) 98765-4321', tag: fromList('1') }));
    expect(assigned[0]?.json).toEqual({ chatId: '5521987654321', tagId: '1', assigned: true });
    expect(await tagsOfChat(BRUNO)).toEqual(['1']);

    const unassigned = items(await runRyze({ resource: 'tag', operation: 'unassign', chat: `${BRUNO.replace('@s.whatsapp.net', '@c.us')}`, tag: byId('1') }));
    expect(unassigned[0]?.json).toEqual({ chatId: '5521987654321', tagId: '1', unassigned: true });
    expect(await tagsOfChat(BRUNO)).toEqual([]);
  });

  it('reads a national number with the Default Country option, and a group JID as is', async () => {
    items(await runRyze({ resource: 'tag', operation: 'assign', chat: '(21) 98765-4321', tag: byId('2'), options: { defaultCountry: 'BR' } }));
    items(await runRyze({ resource: 'tag', operation: 'assign', chat: STORE_GROUP, tag: byId('2') }));
    expect(await tagsOfChat(BRUNO)).toEqual(['2']);
    expect(await tagsOfChat(STORE_GROUP)).toEqual(['2']);
  });

  it('refuses a national number without a default country (never guessed)', async () => {
    const result = await runRyze({ resource: 'tag', operation: 'assign', chat: '(21) 98765-4321', tag: byId('2') });
    expect(result.executionError?.name).toBe('NodeOperationError');
    expect(result.executionError?.message).toContain('has no country code');
    expect(await tagsOfChat(BRUNO)).toEqual([]);
  });
});

describe('Tag → Assign by Name', () => {
  const assignByName = (chat: string, tagName: string, options: INodeParameters = {}): INodeParameters => ({ resource: 'tag', operation: 'assignByName', chat, tagName, options });
  const hotLeadTags = async () => (await sandboxTags()).filter((tag) => tag.name.toLowerCase() === 'hot lead' && !tag.deleted);

  it('creates the tag once, then reuses it: two items and a second run leave one tag', async () => {
    const first = items(
      await runRyze(
        { resource: 'tag', operation: 'assignByName', chat: '={{ $json.chat }}', tagName: '={{ $json.tag }}', options: { color: 6 } },
        { input: [{ chat: '+5511988887777', tag: 'Hot lead' }, { chat: '+5521987654321', tag: '  HOT LEAD ' }] },
      ),
    );
    expect(first.map((item) => item.json)).toEqual([
      expect.objectContaining({ chatId: '5511988887777', tagId: '3', assigned: true, tagCreated: true }),
      expect.objectContaining({ chatId: '5521987654321', tagId: '3', assigned: true, tagCreated: false }),
    ]);
    expect(first[0]?.json.tag).toEqual(expect.objectContaining({ id: '3', name: 'Hot lead', color: 6, colorName: 'Pink' }));

    const second = items(await runRyze(assignByName(STORE_GROUP, 'hot lead', { color: 9 })));
    expect(second[0]?.json).toEqual(expect.objectContaining({ tagId: '3', tagCreated: false }));

    const tags = await hotLeadTags();
    expect(tags).toHaveLength(1);
    expect(tags[0]).toEqual(expect.objectContaining({ id: '3', name: 'Hot lead', color: 6 }));
    expect(await tagsOfChat(ANA)).toEqual(['2', '3']);
    expect(await tagsOfChat(BRUNO)).toEqual(['3']);
    expect(await tagsOfChat(STORE_GROUP)).toEqual(['3']);
  });

  it('uses an existing tag by name without creating one', async () => {
    const out = items(await runRyze(assignByName('+5521987654321', 'vip')));
    expect(out[0]?.json).toEqual(expect.objectContaining({ tagId: '2', tagCreated: false }));
    expect((await sandboxTags()).map((tag) => tag.id)).toEqual(['1', '2']);
    expect(await tagsOfChat(BRUNO)).toEqual(['2']);
  });
});

describe('Tag → List Chats', () => {
  it('lists the chats carrying a tag given by name, with the E.164 destination', async () => {
    const out = items(await runRyze({ resource: 'tag', operation: 'listChats', filterBy: 'names', tagNames: 'vip' }));
    expect(out.map((item) => item.json)).toEqual([
      {
        chatId: ANA,
        destination: '+5511988887777',
        destinationType: 'PHONE',
        name: 'Ana Souza',
        labels: [{ id: '2', name: 'VIP' }],
      },
    ]);
  });

  it('lists by tags picked from the list, with the refresh option, one item per chat', async () => {
    await sb.ryze({ token: DEMO.ryzeAccountToken }).assignTag({ number: STORE_GROUP, tagId: '1' });
    await sb.ryze({ token: DEMO.ryzeAccountToken }).assignTag({ number: '5511988887777', tagId: '1' });
    const out = items(await runRyze({ resource: 'tag', operation: 'listChats', filterBy: 'ids', tagIds: ['1', '2'], options: { refresh: true } }));
    expect(out.map((item) => [item.json.chatId, item.json.destination, item.json.destinationType])).toEqual([
      [STORE_GROUP, STORE_GROUP, 'GROUP'],
      [ANA, '+5511988887777', 'PHONE'],
    ]);
    expect(out.find((item) => item.json.chatId === ANA)?.json.labels).toEqual([
      { id: '1', name: 'New customer' },
      { id: '2', name: 'VIP' },
    ]);
    expect((await ryzeCalls()).filter((call) => call.includes('contactsByLabel'))).toEqual(['GET /api/chat/contactsByLabel/:instance']);
  });

  it('lists every tagged chat only when asked to, never for an empty tag choice', async () => {
    const all = items(await runRyze({ resource: 'tag', operation: 'listChats', filterBy: 'all' }));
    expect(all.map((item) => item.json.chatId)).toEqual([ANA]);
    // An empty pick is refused by n8n itself (required field); an expression that yields none reaches the node.
    const empty = await runRyze({ resource: 'tag', operation: 'listChats', filterBy: 'ids', tagIds: '={{ [] }}' });
    expect(empty.executionError?.name).toBe('NodeOperationError');
    expect(empty.executionError?.message).toBe('tagIds needs at least one tag (or set "Filter By" to "All Tagged Chats")');
  });
});

describe('errors', () => {
  it('turns a failing item into an error item under continue-on-fail, the others succeed', async () => {
    const result = await runRyze(
      { resource: 'tag', operation: 'assign', chat: '={{ $json.chat }}', tag: byId('1') },
      { input: [{ chat: '+5511988887777' }, { chat: '' }, { chat: '5521987654321' }], onError: 'continueRegularOutput' },
    );
    const out = items(result);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual(expect.objectContaining({ json: { chatId: '5511988887777', tagId: '1', assigned: true }, pairedItem: { item: 0 } }));
    expect(out[1]?.pairedItem).toEqual({ item: 1 });
    expect(out[1]?.json.error).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'number is required', issues: [expect.objectContaining({ field: 'number', rule: 'required' })] }));
    expect(out[2]).toEqual(expect.objectContaining({ json: { chatId: '5521987654321', tagId: '1', assigned: true }, pairedItem: { item: 2 } }));
    expect(await tagsOfChat(ANA)).toEqual(['1', '2']);
    expect(await tagsOfChat(BRUNO)).toEqual(['1']);
  });

  it('routes the failing item to the error output under "continue (using error output)"', async () => {
    const result = await runRyze(
      { resource: 'tag', operation: 'assign', chat: '={{ $json.chat }}', tag: byId('2') },
      { input: [{ chat: 'not a phone' }, { chat: '+5521987654321' }], onError: 'continueErrorOutput' },
    );
    expect(result.executionError).toBeUndefined();
    const [success, failure] = result.output(NODE);
    expect(success?.map((item) => [item.json.chatId, item.pairedItem])).toEqual([['5521987654321', { item: 1 }]]);
    expect(failure?.map((item) => [(item.json.error as IDataObject).code, item.pairedItem])).toEqual([['VALIDATION_FAILED', { item: 0 }]]);
  });

  it('stops at the failing item without continue-on-fail, naming the item', async () => {
    const result = await runRyze(
      { resource: 'tag', operation: 'assign', chat: '={{ $json.chat }}', tag: byId('1') },
      { input: [{ chat: '+5511988887777' }, { chat: '' }] },
    );
    expect(result.executionError?.name).toBe('NodeOperationError');
    expect(result.executionError?.message).toBe('number is required');
    expect((result.executionError as NodeOperationError).context.itemIndex).toBe(1);
  });

  it('reports a disconnected instance as a NodeApiError with the core message and its reconnect hint', async () => {
    expect((await sb.http('PATCH', '/_sandbox/ryze/instances/demo', { body: { connected: false } })).status).toBe(200);
    const result = await runRyze({ resource: 'tag', operation: 'list' });
    const error = result.executionError as NodeApiError;
    expect(error?.name).toBe('NodeApiError');
    expect(error.message).toBe(coreError('INSTANCE_NOT_CONNECTED').message);
    expect(error.description).toBe(coreError('INSTANCE_NOT_CONNECTED').hint);
    expect(error.description).toMatch(/^Reconnect the instance/);
    expect(error.httpCode).toBe('503');
  });

  it('reports the offline demo instance the same way, and as an error item under continue-on-fail', async () => {
    const offline = credentials({ instance: DEMO.ryzeOfflineInstance, token: DEMO.ryzeOfflineToken });
    const failed = await runRyze({ resource: 'tag', operation: 'create', name: 'x', color: 0 }, { credentials: offline });
    expect(failed.executionError?.name).toBe('NodeApiError');
    expect(failed.executionError?.message).toBe(coreError('INSTANCE_NOT_CONNECTED').message);

    const continued = items(await runRyze({ resource: 'tag', operation: 'list' }, { credentials: offline, onError: 'continueRegularOutput' }));
    expect(continued).toEqual([
      expect.objectContaining({
        json: { error: expect.objectContaining({ code: 'INSTANCE_NOT_CONNECTED', status: 503, hint: coreError('INSTANCE_NOT_CONNECTED').hint }) },
        pairedItem: { item: 0 },
      }),
    ]);
  });

  it('reports a dropped connection with the core network message, without the token', async () => {
    await sb.http('POST', '/_sandbox/faults', { body: { method: 'GET', route: '/api/chat/tag/:instance', count: 10, mode: 'drop' } });
    const result = await runRyze({ resource: 'tag', operation: 'list' });
    expect(result.executionError?.name).toBe('NodeApiError');
    const expected = new NetworkError('ryzeapi', 'connection_reset');
    expect(result.executionError?.message).toBe(expected.message);
    expect(result.executionError?.description).toBe(expected.hint);
  });

  it('never shows the token, even when it is refused', async () => {
    const result = await runRyze({ resource: 'tag', operation: 'list' }, { credentials: credentials({ token: WRONG_TOKEN }) });
    expect(result.executionError?.name).toBe('NodeApiError');
    expect(result.executionError?.message).toBe(coreError('INVALID_TOKEN').message);
    expect(result.executionError?.description).toBe(coreError('INVALID_TOKEN').hint);
    expect(dumpText(result.executionError)).not.toContain(WRONG_TOKEN);
    // The check itself can fail: the token did travel, in the header n8n's credential added.
    expect(result.credentialsHelper.authentications.some((entry) => entry.type === 'ryzeApi')).toBe(true);
  });
});

describe('editor lists', () => {
  it('offers the tags in the resource locator with name and color, filtered by name', async () => {
    const all = (await editorMethod('listSearch', 'searchTags')) as INodeListSearchResult;
    expect(all.results).toEqual([
      expect.objectContaining({ name: 'New customer (Sky Blue)', value: '1' }),
      expect.objectContaining({ name: 'VIP (Mint Green)', value: '2' }),
    ]);
    const filtered = (await editorMethod('listSearch', 'searchTags', ' vi')) as INodeListSearchResult;
    expect(filtered.results.map((entry) => entry.value)).toEqual(['2']);
  });

  it('offers the tags for the List Chats multi-select', async () => {
    const options = (await editorMethod('loadOptions', 'getTags')) as INodePropertyOptions[];
    expect(options.map((option) => [option.name, option.value])).toEqual([
      ['New customer (Sky Blue)', '1'],
      ['VIP (Mint Green)', '2'],
    ]);
  });

  it('shows the core message when the list cannot load', async () => {
    await sb.http('PATCH', '/_sandbox/ryze/instances/demo', { body: { connected: false } });
    const error = await editorMethod('listSearch', 'searchTags').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).message).toBe(coreError('INSTANCE_NOT_CONNECTED').message);
    expectNoSecrets(error);
  });
});

describe('Tag → Unassign by Name', () => {
  const unassignByName = (chat: string, tagName: string): INodeParameters => ({ resource: 'tag', operation: 'unassignByName', chat, tagName, options: {} });

  it('takes the tag named (trimmed, any case) off the chat', async () => {
    expect(await tagsOfChat(ANA)).toEqual(['2']);
    const out = items(await runRyze(unassignByName('+55 11 98888-7777', '  vip ')));
    expect(out.map((item) => item.json)).toEqual([expect.objectContaining({ chatId: '5511988887777', tagId: '2', unassigned: true, tag: expect.objectContaining({ name: 'VIP' }) })]);
    expect(await tagsOfChat(ANA)).toEqual([]);
  });

  it('a name no tag has removes nothing, creates nothing, and says so on the item', async () => {
    const out = items(await runRyze(unassignByName('+55 11 98888-7777', 'Nobody has this')));
    expect(out.map((item) => item.json)).toEqual([{ chatId: '5511988887777', unassigned: false, reason: 'TAG_NOT_FOUND', message: expect.stringContaining('Nobody has this') }]);
    expect((await sandboxTags()).map((tag) => tag.id)).toEqual(['1', '2']);
    expect(await tagsOfChat(ANA)).toEqual(['2']);
  });
});
