/**
 * The PilotStatus node, built (n8n/dist) and loaded by n8n-core's own loader, run by
 * WorkflowExecute against the local sandbox over real HTTP. Build first: `node n8n/build.mjs`
 * (`npm test` does).
 */

import { LoadOptionsContext } from 'n8n-core';
import {
  Workflow,
  type NodeApiError,
  type IDataObject,
  type INode,
  type INodeExecutionData,
  type INodeListSearchResult,
  type INodeParameters,
  type INodeProperties,
  type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { PILOTSTATUS_ERRORS } from '../../shared/pilotstatus';
import { xlsx } from '../import/helpers';
import { DEMO, startTestSandbox, type TestSandbox } from '../sandbox/harness';
import {
  chain,
  HARNESS_BASE_URL,
  HARNESS_INPUT_NODE_TYPE,
  HarnessCredentialsHelper,
  loadBuiltPack,
  runWorkflow,
  type HarnessCredentials,
  type HarnessNode,
  type LoadedPackage,
  type RunWorkflowResult,
} from './harness';

const SECRETS = [DEMO.keyRetention0, DEMO.keyRetention30, DEMO.keyFreePlan, DEMO.tenantKey];

let sandbox: TestSandbox;
let pkg: LoadedPackage;

beforeAll(async () => {
  pkg = await loadBuiltPack();
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(async () => {
  await sandbox.http('POST', '/_sandbox/reset');
});

// ---------------------------------------------------------------------------
// helpers

const credentials = (apiKey: string, retentionDays = 30): HarnessCredentials => ({
  pilotStatusApi: { apiKey, retentionDays, baseUrl: sandbox.sandbox.pilotStatusUrl },
});

const node = (name: string, parameters: INodeParameters, extra: Partial<HarnessNode> = {}): HarnessNode => ({
  name,
  type: pkg.typeName('pilotStatus'),
  parameters,
  ...extra,
});

const send = (parameters: INodeParameters, extra: Partial<HarnessNode> = {}) =>
  node('Send', { resource: 'message', operation: 'send', ...parameters }, extra);

const welcome = (destination: string, options: INodeParameters = {}): INodeParameters => ({
  destination,
  messageType: 'template',
  template: { __rl: true, mode: 'id', value: 'welcome' },
  templateVariables: { variable: [{ name: 'name', value: 'Ana' }] },
  options,
});

type Dump = Record<string, Record<string, unknown>[]>;
const dump = async (): Promise<Dump> => (await sandbox.dump()) as Dump;
const messages = async () => (await dump()).messages ?? [];

// WorkflowExecute keeps a node's error in the run data as its JSON form (name, message,
// description, httpCode, errorResponse…), which is what the editor shows: tests read that.

/** Every text a run shows a user: items, errors with their descriptions, stacks and JSON. */
function shown(result: RunWorkflowResult): string {
  const parts: unknown[] = [result.run.data];
  for (const name of Object.keys(result.run.data.resultData.runData)) {
    const error = result.error(name);
    if (error) parts.push(error.message, error.description, error.stack, error);
  }
  const error = result.executionError;
  if (error) parts.push(error.message, error.description, error.stack, error);
  return parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('\n');
}

function expectNoSecrets(result: RunWorkflowResult): void {
  const text = shown(result);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

const items = (result: RunWorkflowResult, name: string): INodeExecutionData[] => result.output(name)[0] ?? [];

const rule = (code: string) => {
  const found = PILOTSTATUS_ERRORS.find((entry) => entry.code === code);
  if (!found) throw new Error(`no error rule ${code}`);
  return found;
};

/** Runs a list-search method the way the editor does: a LoadOptionsContext on the node. */
async function listSearch(method: string, parameters: INodeParameters, creds: HarnessCredentials, filter?: string): Promise<INodeListSearchResult> {
  const nodeType = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('pilotStatus'));
  const searchNode: INode = {
    id: 'search',
    name: 'PilotStatus',
    type: pkg.typeName('pilotStatus'),
    typeVersion: 1,
    position: [0, 0],
    parameters,
    credentials: { pilotStatusApi: { id: 'pilotStatusApi', name: 'pilotStatusApi' } },
  };
  const workflow = new Workflow({ id: 'search', nodes: [searchNode], connections: {}, active: false, nodeTypes: pkg.nodeTypes });
  const additionalData = {
    credentialsHelper: new HarnessCredentialsHelper(pkg.credentialTypes, creds),
    restApiUrl: `${HARNESS_BASE_URL}/rest`,
    instanceBaseUrl: `${HARNESS_BASE_URL}/`,
    webhookBaseUrl: `${HARNESS_BASE_URL}/webhook`,
    webhookTestBaseUrl: `${HARNESS_BASE_URL}/webhook-test`,
    webhookWaitingBaseUrl: `${HARNESS_BASE_URL}/webhook-waiting`,
    formWaitingBaseUrl: `${HARNESS_BASE_URL}/form-waiting`,
    variables: {},
  } as unknown as IWorkflowExecuteAdditionalData;
  const search = nodeType.methods?.listSearch?.[method];
  if (!search) throw new Error(`PilotStatus has no listSearch.${method}`);
  const context = new LoadOptionsContext(workflow, workflow.getNode('PilotStatus')!, additionalData, 'parameters.template');
  return await search.call(context, filter);
}

// ---------------------------------------------------------------------------

describe('the package as n8n loads it', () => {
  it('finds both PilotStatus nodes and the PilotStatus credential in the built dist', () => {
    expect(pkg.packageName).toBe('n8n-nodes-whatsapp-labels');
    expect(pkg.nodeTypeNames).toEqual(
      expect.arrayContaining(['n8n-nodes-whatsapp-labels.pilotStatus', 'n8n-nodes-whatsapp-labels.pilotStatusTrigger']),
    );
    expect(pkg.credentialTypeNames).toContain('pilotStatusApi');
    expect(pkg.credentialTypes.getSupportedNodes('pilotStatusApi')).toEqual(
      expect.arrayContaining(['n8n-nodes-whatsapp-labels.pilotStatus', 'n8n-nodes-whatsapp-labels.pilotStatusTrigger']),
    );
  });

  it('describes the resources and operations, as a tool, with icons and documentation', () => {
    const { description } = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('pilotStatus'));
    const optionsOf = (name: string, resource?: string) =>
      description.properties
        .filter((p: INodeProperties) => p.name === name && (!resource || p.displayOptions?.show?.resource?.includes(resource)))
        .flatMap((p) => (p.options ?? []).map((o) => ('value' in o ? o.value : undefined)));
    expect(optionsOf('resource')).toEqual(['contact', 'message', 'template']);
    expect(optionsOf('operation', 'message')).toEqual(['cancel', 'getStatus', 'send']);
    expect(optionsOf('operation', 'template')).toEqual(['list']);
    expect(optionsOf('operation', 'contact')).toEqual(['importFromFile']);
    expect(description.usableAsTool).toBe(true);
    expect(description.subtitle).toContain('$parameter["operation"]');
    expect(description.credentials).toEqual([expect.objectContaining({ name: 'pilotStatusApi', required: true })]);

    const template = description.properties.find((p) => p.name === 'template');
    expect(template?.type).toBe('resourceLocator');
    expect(template?.modes?.map((m) => m.name)).toEqual(['list', 'id']);
    expect(template?.modes?.[0]?.typeOptions?.searchListMethod).toBe('searchTemplates');
    expect(Object.keys(pkg.nodeTypes.getByNameAndVersion(pkg.typeName('pilotStatus')).methods?.listSearch ?? {})).toEqual(['searchTemplates']);

    // What the loader hands to the editor: themed icons resolved to files, the codex read.
    const loaded = pkg.loader.types.nodes.find((d) => d.name === 'pilotStatus');
    expect(loaded?.iconUrl).toEqual({ light: expect.stringMatching(/PilotStatus\/pilotstatus\.svg$/), dark: expect.stringMatching(/pilotstatus\.dark\.svg$/) });
    expect(loaded?.codex?.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\/docs\.pilotstatus\.com\.br/);
    expect(loaded?.codex?.categories).toContain('Communication');
  });

  it('describes the trigger: a webhook with the message events and "*" for all', () => {
    const { description } = pkg.nodeTypes.getByNameAndVersion(pkg.typeName('pilotStatusTrigger'));
    expect(description.inputs).toEqual([]);
    expect(description.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST' })]);
    const events = description.properties.find((p) => p.name === 'events');
    expect(events?.type).toBe('multiOptions');
    expect(events?.options?.map((o) => ('value' in o ? o.value : undefined)).sort()).toEqual(
      ['*', 'message.delivered', 'message.failed', 'message.read', 'message.received', 'message.reply', 'message.sent'],
    );
    const loaded = pkg.loader.types.nodes.find((d) => d.name === 'pilotStatusTrigger');
    expect(loaded?.iconUrl).toEqual({ light: expect.stringMatching(/PilotStatusTrigger\/pilotstatus\.svg$/), dark: expect.any(String) });
    expect(loaded?.codex?.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\/docs\.pilotstatus\.com\.br/);
  });
});

describe('Message → Send', () => {
  it('sends a template with labels under a retention-30 key: the sandbox links the contact to each label', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send(welcome('+5511988887777', { labels: 'VIP Customers, newsletter' }))],
      credentials: credentials(DEMO.keyRetention30, 30),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    const [item] = items(result, 'Send');
    expect(item?.json).toMatchObject({ status: 'QUEUED', origin: 'api', retention: { linksStored: true, days: 30 } });
    expect(item?.json.id).toEqual(expect.any(String));
    expect(item?.pairedItem).toEqual({ item: 0 });

    await sandbox.process();
    const { labels } = (await sandbox.http('GET', '/_sandbox/labels')).body as { labels: { id: string; name: string; contacts: number }[] };
    const byName = Object.fromEntries(labels.map((label) => [label.name, label]));
    expect(byName['VIP Customers']?.contacts).toBe(1);
    expect(byName.newsletter?.contacts).toBe(1);
    const contacts = (await sandbox.http('GET', `/_sandbox/labels/${byName['VIP Customers']!.id}/contacts`)).body;
    expect(JSON.stringify(contacts)).toContain('+5511988887777');

    const { label_contacts: links = [], messages: rows = [] } = await dump();
    expect(links.filter((link) => link.destination === '+5511988887777')).toHaveLength(2);
    expect(rows).toEqual([expect.objectContaining({ id: item?.json.id, destination: '+5511988887777', status: 'SENT', template_id: 'tpl_welcome' })]);
    expectNoSecrets(result);
  });

  it('with a retention-0 key the labels are created but the dump holds no destination at all', async () => {
    const phone = '+5511977776666';
    const result = await runWorkflow({
      pkg,
      nodes: [send(welcome(phone, { labels: ['zero-retention'] }))],
      credentials: credentials(DEMO.keyRetention0, 0),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    expect(items(result, 'Send')[0]?.json.retention).toEqual({ linksStored: false, days: 0 });

    await sandbox.process();
    const state = await dump();
    expect(state.labels?.map((label) => label.name)).toContain('zero-retention');
    expect(state.label_contacts).toEqual([]);
    expect(state.messages).toEqual([expect.objectContaining({ status: 'SENT', destination: null })]);
    expect(JSON.stringify(state)).not.toContain(phone);
    expect(JSON.stringify(state)).not.toContain(phone.slice(1));
  });

  it('maps a list of labels from an expression and reads a national number with the default country', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [
        send({
          ...welcome('={{ $json.phone }}', { labels: '={{ $json.tags }}', defaultCountry: 'BR' }),
          templateVariables: { variable: [{ name: 'name', value: '={{ $json.name }}' }] },
        }),
      ],
      credentials: credentials(DEMO.keyRetention30),
      input: [{ phone: '(21) 98765-4321', name: 'Bruno', tags: ['mapped one', 'mapped two'] }],
    });
    expect(result.executionError).toBeUndefined();
    await sandbox.process();
    const state = await dump();
    expect(state.messages?.[0]).toMatchObject({ destination: '+5521987654321', labels: JSON.stringify(['mapped one', 'mapped two']) });
  });

  it('sends text with buttons, header and footer on a schedule, then cancels it in the same workflow', async () => {
    const deliverAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const result = await runWorkflow({
      pkg,
      nodes: [
        send({
          destination: '+5511988887777',
          messageType: 'text',
          text: 'Your order is ready. Pick it up?',
          buttons: { button: [{ text: 'Yes', id: 'yes' }, { text: 'Tomorrow' }] },
          header: 'Order #123',
          footer: 'Reply STOP to opt out',
          options: { deliverAt },
        }),
        node('Cancel', { resource: 'message', operation: 'cancel', messageId: '={{ $json.id }}' }),
        node('Status', { resource: 'message', operation: 'getStatus', messageId: '={{ $json.id }}' }),
      ],
      connections: chain('Send', 'Cancel', 'Status'),
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    const sent = items(result, 'Send')[0]?.json;
    expect(sent).toMatchObject({ status: 'QUEUED', deliverAt });
    expect(items(result, 'Cancel')[0]?.json).toMatchObject({ id: sent?.id, cancelled: true });
    expect(items(result, 'Status')[0]?.json).toMatchObject({ id: sent?.id, status: 'CANCELED' });

    // Past the schedule the sandbox still never sends it.
    await sandbox.http('POST', '/_sandbox/clock', { body: { advanceMs: 4 * 24 * 3600_000 } });
    await sandbox.process();
    expect(await messages()).toEqual([expect.objectContaining({ id: sent?.id, status: 'CANCELED', mode: 'text', sent_at: null })]);
  });

  it('reads a Date & Time value without a zone in the workflow time zone', async () => {
    const zone = 'America/New_York'; // n8n's default GENERIC_TIMEZONE; the harness workflow sets none
    const year = new Date().getUTCFullYear() + 2;
    const result = await runWorkflow({
      pkg,
      nodes: [send(welcome('+5511988887777', { deliverAt: `${year}-01-15T09:30:00` }))],
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    expect(result.workflow.settings.timezone ?? zone).toBe(zone);
    // January in New York is EST, UTC-5.
    expect(items(result, 'Send')[0]?.json.deliverAt).toBe(`${year}-01-15T14:30:00.000Z`);
  });

  it('sends media (URL, type read from the extension) on a paid number', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send({ destination: '120363025246125486@g.us', destinationType: 'group', messageType: 'media', media: 'https://example.com/catalog.pdf', caption: 'Our catalog' })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    await sandbox.process();
    expect(await messages()).toEqual([expect.objectContaining({ mode: 'media', destination_kind: 'GROUP', destination: '120363025246125486@g.us' })]);
  });

  it('under Continue On Fail a bad phone becomes an error item (with pairedItem) and only the good items are sent', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send(welcome('={{ $json.phone }}'), { onError: 'continueRegularOutput' })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{ phone: '+5511988887777' }, { phone: '12ab' }, { phone: '+5521987654321' }],
    });
    expect(result.executionError).toBeUndefined();
    const out = items(result, 'Send');
    expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(out[0]?.json.status).toBe('QUEUED');
    expect(out[2]?.json.status).toBe('QUEUED');
    expect(out[1]?.json.id).toBeUndefined();
    expect(out[1]?.json.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [expect.objectContaining({ field: 'destinationNumber', rule: expect.stringMatching(/^phone\./) })],
    });
    expect((await messages()).map((row) => row.destination).sort()).toEqual(['+5511988887777', '+5521987654321']);
    expectNoSecrets(result);
  });

  it('without Continue On Fail the node fails naming the field, and nothing is sent', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send(welcome('={{ $json.phone }}'))],
      credentials: credentials(DEMO.keyRetention30),
      input: [{ phone: '12ab' }, { phone: '+5511988887777' }],
    });
    const error = result.error('Send');
    expect(error?.name).toBe('NodeOperationError');
    expect(error?.message).toMatch(/^destinationNumber /);
    expect(result.executionError?.message).toBe(error?.message);
    expect(await messages()).toEqual([]);
    expectNoSecrets(result);
  });

  it('a Destination Type mapped to something else fails naming the field', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send({ ...welcome('+5511988887777'), destinationType: '={{ $json.kind }}' })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{ kind: 'email' }],
    });
    expect(result.error('Send')).toMatchObject({ name: 'NodeOperationError', message: 'destinationType must be phone, group or channel' });
    expect(JSON.stringify(result.error('Send'))).not.toContain('email');
    expect(await messages()).toEqual([]);
  });

  it('reports every broken rule of a send at once (the core validates; nothing reaches the API)', async () => {
    const before = ((await sandbox.http('GET', '/_sandbox/requests')).body as { requests: unknown[] }).requests.length;
    const result = await runWorkflow({
      pkg,
      nodes: [
        send({
          destination: '+5511988887777',
          messageType: 'text',
          text: 'Pick one',
          buttons: { button: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }, { text: 'Four' }] },
          options: { deliverAt: '2001-01-01T00:00:00Z' },
        }),
      ],
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    const error = result.error('Send');
    expect(error?.name).toBe('NodeOperationError');
    expect(error?.message).toContain('buttons must have at most 3 buttons');
    expect(error?.message).toContain('deliverAt must be in the future');
    const after = ((await sandbox.http('GET', '/_sandbox/requests')).body as { requests: unknown[] }).requests;
    expect(after.slice(before).filter((r) => JSON.stringify(r).includes('/v1/'))).toEqual([]);
  });

  it.each([
    ['a tenant key cannot send', DEMO.tenantKey, 'TENANT_SCOPE_NOT_ALLOWED', '403', welcome('+5511988887777')],
    [
      'media on the free plan',
      DEMO.keyFreePlan,
      'SUBSCRIPTION_REQUIRED_FOR_MEDIA',
      '402',
      { destination: '+5511988887777', messageType: 'media', media: 'https://example.com/photo.jpg' },
    ],
  ])('an API refusal (%s) is a NodeApiError with the core message and hint, and no key', async (_, key, code, httpCode, parameters) => {
    const result = await runWorkflow({ pkg, nodes: [send(parameters)], credentials: credentials(key), input: [{}] });
    const error = result.error('Send');
    expect(error?.name).toBe('NodeApiError');
    expect(error?.message).toBe(rule(code).message);
    expect(error?.description).toBe(rule(code).hint);
    expect((error as NodeApiError).httpCode).toBe(httpCode);
    expect((error as NodeApiError).errorResponse).toMatchObject({ code, status: Number(httpCode) });
    expectNoSecrets(result);
  });

  it('an API refusal under Continue On Fail is an error item carrying the code and hint', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send(welcome('+5511988887777'), { onError: 'continueRegularOutput' })],
      credentials: credentials(DEMO.tenantKey),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    expect(items(result, 'Send')).toEqual([
      { json: { error: expect.objectContaining({ code: 'TENANT_SCOPE_NOT_ALLOWED', status: 403, hint: rule('TENANT_SCOPE_NOT_ALLOWED').hint }) }, pairedItem: { item: 0 } },
    ]);
    expectNoSecrets(result);
  });
});

describe('Message → Get Status', () => {
  it('follows a message by its id and by its correlationId', async () => {
    const first = await runWorkflow({ pkg, nodes: [send(welcome('+5511988887776'))], credentials: credentials(DEMO.keyRetention30), input: [{}] });
    const sent = items(first, 'Send')[0]!.json;
    await sandbox.process();
    await sandbox.process();

    const result = await runWorkflow({
      pkg,
      nodes: [node('Status', { resource: 'message', operation: 'getStatus', messageId: '={{ $json.ref }}' })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{ ref: sent.id }, { ref: sent.correlationId }],
    });
    expect(result.executionError).toBeUndefined();
    expect(result.json('Status')).toEqual([
      expect.objectContaining({ id: sent.id, status: 'DELIVERED' }),
      expect.objectContaining({ id: sent.id, correlationId: sent.correlationId, status: 'DELIVERED' }),
    ]);
  });

  it('an unknown id is a NodeApiError 404', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [node('Status', { resource: 'message', operation: 'getStatus', messageId: 'cm_nope' })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    const error = result.error('Status') as NodeApiError;
    expect(error?.name).toBe('NodeApiError');
    expect(error.httpCode).toBe('404');
    expect(error.message.startsWith(rule('NOT_FOUND').message)).toBe(true);
  });
});

describe('Template → List and the template list search', () => {
  it('lists the number’s templates, one item each', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [node('Templates', { resource: 'template', operation: 'list' })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    expect(result.json('Templates').map((t) => t.name).sort()).toEqual(['order_update', 'reminder', 'welcome']);
    expect(items(result, 'Templates').every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
  });

  it('searches templates for the resource locator, filtered by the typed text', async () => {
    const all = await listSearch('searchTemplates', { resource: 'message', operation: 'send' }, credentials(DEMO.keyRetention30));
    expect(all.results.map((r) => [r.name, r.value]).sort()).toEqual([
      ['order_update', 'tpl_order_update'],
      ['reminder', 'tpl_reminder'],
      ['welcome', 'tpl_welcome'],
    ]);
    const some = await listSearch('searchTemplates', { resource: 'message', operation: 'send' }, credentials(DEMO.keyRetention30), 'WEL');
    expect(some.results.map((r) => r.value)).toEqual(['tpl_welcome']);
  });

  it('a template picked from the list is sent by its id', async () => {
    const result = await runWorkflow({
      pkg,
      nodes: [send({ ...welcome('+5511988887777'), template: { __rl: true, mode: 'list', value: 'tpl_order_update', cachedResultName: 'order_update' }, templateVariables: { variable: [{ name: 'name', value: 'Ana' }, { name: 'order', value: '42' }] } })],
      credentials: credentials(DEMO.keyRetention30),
      input: [{}],
    });
    expect(result.executionError).toBeUndefined();
    expect(await messages()).toEqual([expect.objectContaining({ template_id: 'tpl_order_update' })]);
  });

  it('a search with a key that cannot list templates fails with the core message', async () => {
    await expect(listSearch('searchTemplates', {}, credentials(DEMO.tenantKey))).rejects.toMatchObject({
      message: rule('TENANT_SCOPE_NOT_ALLOWED').message,
      description: rule('TENANT_SCOPE_NOT_ALLOWED').hint,
    });
  });
});

describe('Contact → Import from File', () => {
  const file = (text: string, fileName = 'contacts.csv', mimeType = 'text/csv'): INodeExecutionData => ({
    json: { fileName },
    binary: { data: { data: Buffer.from(text, 'utf8').toString('base64'), mimeType, fileName } },
  });
  const fileNode: HarnessNode = { name: 'File', type: HARNESS_INPUT_NODE_TYPE, parameters: { items: '[]' } };
  const importNode = (parameters: INodeParameters = {}, extra: Partial<HarnessNode> = {}) =>
    node('Import', { resource: 'contact', operation: 'importFromFile', defaultCountry: 'BR', ...parameters }, extra);
  /** File → Import alone, with the given file item pinned on File. */
  const runImport = (fileItem: INodeExecutionData, parameters: INodeParameters = {}, extra: Partial<HarnessNode> = {}) =>
    runWorkflow({ pkg, nodes: [fileNode, importNode(parameters, extra)], connections: chain('File', 'Import'), startNode: 'File', pinData: { File: [fileItem] } });

  it('gives one item per row and feeds them to a Send node that sends to each row', async () => {
    const csv = 'Nome;Telefone;Grupo;Cidade\r\nAna Souza;+55 11 98888-7777;;São Paulo\r\nBruno;(21) 98765-4321;;Rio\r\nLoja;;120363025246125486@g.us;\r\n';
    const result = await runWorkflow({
      pkg,
      nodes: [
        fileNode,
        importNode(),
        send({
          destination: '={{ $json.destination }}',
          destinationType: '={{ $json.kind }}', // PHONE or GROUP, as the import gives it
          messageType: 'template',
          template: { __rl: true, mode: 'id', value: 'welcome' },
          templateVariables: { variable: [{ name: 'name', value: '={{ $json.name }}' }] },
          options: { labels: 'imported' },
        }),
      ],
      connections: chain('File', 'Import', 'Send'),
      credentials: credentials(DEMO.keyRetention30),
      startNode: 'File',
      pinData: { File: [file(csv)] },
    });
    expect(result.executionError).toBeUndefined();
    expect(result.json('Import')).toEqual([
      { row: 2, destination: '+5511988887777', kind: 'PHONE', name: 'Ana Souza', extra: { Cidade: 'São Paulo' } },
      { row: 3, destination: '+5521987654321', kind: 'PHONE', name: 'Bruno', extra: { Cidade: 'Rio' } },
      { row: 4, destination: '120363025246125486@g.us', kind: 'GROUP', name: 'Loja', extra: { Cidade: '' } },
    ]);
    expect(items(result, 'Import').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
    expect(items(result, 'Send').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(result.json('Send').map((j) => j.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);

    await sandbox.process();
    const rows = await messages();
    expect(rows.map((row) => `${row.destination_kind} ${row.destination}`).sort()).toEqual([
      'GROUP 120363025246125486@g.us',
      'PHONE +5511988887777',
      'PHONE +5521987654321',
    ]);
    const { labels } = (await sandbox.http('GET', '/_sandbox/labels')).body as { labels: { name: string; contacts: number }[] };
    expect(labels.find((label) => label.name === 'imported')?.contacts).toBe(3);
  });

  it('reads an XLSX file (detected from its bytes) with the default country', async () => {
    const bytes = await xlsx([
      [{ value: 'Name' }, { value: 'Mobile' }, { value: 'Plan' }],
      [{ value: 'Ana' }, { value: '(11) 98888-7777' }, { value: 'gold' }],
      [{ value: 'Bruno' }, { value: 5521987654321 }, { value: 'silver' }],
    ]);
    const result = await runImport({
      json: {},
      binary: { data: { data: Buffer.from(bytes).toString('base64'), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: 'contacts.xlsx' } },
    });
    expect(result.executionError).toBeUndefined();
    expect(result.json('Import')).toEqual([
      { row: 2, destination: '+5511988887777', kind: 'PHONE', name: 'Ana', extra: { Plan: 'gold' } },
      { row: 3, destination: '+5521987654321', kind: 'PHONE', name: 'Bruno', extra: { Plan: 'silver' } },
    ]);
  });

  it('reads a group column, and fills an empty name from a later duplicate of the same phone', async () => {
    const result = await runImport(file('phone,group,name\n,120363025246125486@g.us,Store team\n11 98888-7777,,\n+5511988887777,,Ana\n'), {}, { onError: 'continueRegularOutput' });
    expect(result.executionError).toBeUndefined();
    const out = items(result, 'Import');
    expect(out.map((i) => i.json)).toEqual([
      { row: 2, destination: '120363025246125486@g.us', kind: 'GROUP', name: 'Store team', extra: {} },
      { row: 3, destination: '+5511988887777', kind: 'PHONE', name: 'Ana', extra: {} },
      { error: expect.objectContaining({ row: 4, rule: 'import.duplicate', field: 'phone', duplicateOf: 3 }) },
    ]);
  });

  it('under Continue On Fail a bad row is an error item with its row, field and rule; good rows still come out', async () => {
    const result = await runImport(file('name,phone\nAna,+5511988887777\nBad,12\nAna again,+55 11 98888-7777\nBruno,21987654321\n'), {}, { onError: 'continueRegularOutput' });
    expect(result.executionError).toBeUndefined();
    const out = items(result, 'Import');
    expect(out.map((i) => i.json.row ?? (i.json.error as IDataObject).row)).toEqual([2, 3, 4, 5]);
    expect(out[1]?.json.error).toMatchObject({ row: 3, field: 'phone', rule: expect.stringMatching(/^phone\./), message: expect.stringMatching(/^Row 3: phone /) });
    expect(out[2]?.json.error).toMatchObject({ row: 4, field: 'phone', rule: 'import.duplicate', duplicateOf: 2 });
    expect(out[3]?.json).toMatchObject({ row: 5, destination: '+5521987654321' });
    expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }, { item: 0 }]);
  });

  it('without Continue On Fail the node fails naming the row', async () => {
    const result = await runImport(file('name,phone\nAna,+5511988887777\nBad,12\n'));
    const error = result.error('Import');
    expect(error?.name).toBe('NodeOperationError');
    expect(error?.message).toMatch(/^Row 3: phone /);
  });

  it('a file without a phone column fails with the core’s file error; a missing binary field is named', async () => {
    const noPhone = await runImport(file('name,city\nAna,Rio\n'));
    expect(noPhone.error('Import')?.name).toBe('NodeOperationError');
    expect(noPhone.error('Import')?.message).toMatch(/^file /);

    const missing = await runImport(file('phone\n+5511988887777\n'), { binaryPropertyName: 'upload' });
    expect(missing.error('Import')?.message).toContain('upload');
  });
});
