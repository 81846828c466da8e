/**
 * Secret scan: every error path both hosts can reach — a wrong key or token, a tenant key used to
 * send, 400/401/402/403/404/429/500/503 (real ones and injected ones whose bodies echo the key),
 * a dropped connection, a timeout's network error, validation errors, trigger activation and
 * polling — driven with recognisable secrets: the sandbox's demo keys (`ps_demo_…`,
 * `ryze_demo_…`) and made-up canaries for the 401 paths. None of them may appear in an error
 * (message, description, stack, JSON), an output item, n8n's run data or static data, a log line
 * (n8n's logger at debug level, Zapier's request logs, console, stdout/stderr, the sandbox's own
 * `log`), or the sandbox's stored state (keys are stored as hashes).
 *
 * Every path also asserts the code it ended with, so a path that silently stopped being
 * exercised fails instead of passing vacuously.
 */
import './log-env';
import '../zapier/env';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import PilotStatusApp from '../../zapier/pilotstatus/src';
import RyzeApiApp from '../../zapier/ryzeapi/src';
import { runPoll, runWorkflow, webhookLifecycle, type HarnessCredentials, type LoadedPackage, type RunWorkflowResult } from '../n8n/harness';
import { startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { ROOMY } from '../sandbox/ryze-helpers';
import { partsOf, pilotAuth, ryzeAuth } from '../zapier/helpers';
import { DEMO } from './matrix';
import { n8nPackage } from './n8n-host';
import { zapierRunner } from './zapier-host';

jest.setTimeout(60_000);

const PS_CANARY = 'ps_SECRET_canary_123';
const RYZE_CANARY = 'ryze_SECRET_canary_123';
const SECRETS = [
  DEMO.keyRetention0,
  DEMO.keyRetention30,
  DEMO.keyFreePlan,
  DEMO.tenantKey,
  DEMO.ryzeInstanceToken,
  DEMO.ryzeAccountToken,
  DEMO.ryzeOfflineToken,
  PS_CANARY,
  RYZE_CANARY,
];

// ---------------------------------------------------------------------------------------------
// capture: everything written anywhere while the file runs

const logLines: string[] = [];
const sandboxLines: string[] = [];
const restores: (() => void)[] = [];

function captureWrites(stream: { write: (...args: any[]) => boolean } | undefined, label: string) {
  if (!stream) return;
  const original = stream.write;
  stream.write = (chunk: unknown) => {
    logLines.push(`${label} ${String(chunk)}`);
    return true;
  };
  restores.push(() => void (stream.write = original));
}

/** An error (and its causes) or any value as searchable text: own fields, message, stack, description. */
function exposed(value: unknown): string {
  const seen = new WeakSet<object>();
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Error) {
      const fields = Object.fromEntries(Object.getOwnPropertyNames(item).map((name) => [name, (item as unknown as Record<string, unknown>)[name]]));
      return { ...fields, name: item.name, message: item.message, stack: item.stack, string: String(item), cause: (item as { cause?: unknown }).cause };
    }
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[cycle]';
      seen.add(item);
    }
    return item;
  });
}

const leaksIn = (where: string, ...values: unknown[]): string[] => {
  const text = values.map(exposed).join('\n');
  return SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${where} shows ${secret}`);
};

let pkg: LoadedPackage;
let sb: TestSandbox;

beforeAll(async () => {
  const console_ = console as unknown as Record<string, unknown> & { _stdout?: { write: () => boolean }; _stderr?: { write: () => boolean } };
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logLines.push(`console.${method} ${args.map(exposed).join(' ')}`));
  }
  captureWrites(console_._stdout, 'console stdout');
  captureWrites(console_._stderr, 'console stderr');
  captureWrites(process.stdout as never, 'stdout');
  captureWrites(process.stderr as never, 'stderr');
  // Zapier's logger prints every request (method, URL, headers, bodies) and every error.
  process.env.LOG_TO_STDOUT = 'true';
  process.env.DETAILED_LOG_TO_STDOUT = 'true';
  [pkg, sb] = await Promise.all([n8nPackage(), startTestSandbox({ ...ROOMY, log: (line) => void sandboxLines.push(line) })]);
});

afterAll(async () => {
  await sb?.close();
  for (const restore of restores.reverse()) restore();
  jest.restoreAllMocks();
  delete process.env.LOG_TO_STDOUT;
  delete process.env.DETAILED_LOG_TO_STDOUT;
});

beforeEach(async () => {
  await sb.http('POST', '/_sandbox/reset');
});

const fault = (method: string, route: string, spec: Record<string, unknown>) => sb.http('POST', '/_sandbox/faults', { body: { method, route, count: 10, ...spec } });
const psEcho = (status: number, key = DEMO.keyRetention30) => ({ mode: 'respond', status, body: { error: `Request refused for API key ${key} (x-api-key: ${key})` }, headers: { 'x-echo-key': key } });
const ryzeEcho = (status: number, token = DEMO.ryzeInstanceToken) => ({ mode: 'respond', status, body: { success: false, error: { message: `Invalid token ${token} for instance demo` } }, headers: { 'x-echo-token': token } });

// ---------------------------------------------------------------------------------------------
// n8n

const psCredentials = (apiKey: string, extra: IDataObject = {}): HarnessCredentials => ({
  pilotStatusApi: { apiKey, retentionDays: 30, baseUrl: sb.sandbox.pilotStatusUrl, ...extra },
});
const ryzeCredentials = (token: string, instance: string = DEMO.ryzeInstance): HarnessCredentials => ({
  ryzeApi: { instance, token, baseUrl: sb.sandbox.ryzeApiUrl },
});

const send = (parameters: INodeParameters = {}): INodeParameters => ({
  resource: 'message',
  operation: 'send',
  destination: '+5511988887777',
  messageType: 'text',
  text: 'Secret scan',
  ...parameters,
});

/** One path, run twice: failing the node (NodeApiError / NodeOperationError) and under Continue. */
async function n8nPath(node: 'pilotStatus' | 'ryzeApi', parameters: INodeParameters, credentials: HarnessCredentials, input: IDataObject[] = [{}]) {
  const run = (onError?: 'continueRegularOutput') =>
    runWorkflow({ pkg, nodes: [{ name: 'Node', type: pkg.typeName(node), parameters, ...(onError ? { onError } : {}) }], credentials, input });
  const failed = await run();
  const continued = await run('continueRegularOutput');
  const error = failed.error('Node');
  const item = continued.json('Node')[0]?.error as IDataObject | undefined;
  return {
    code: String((error as { errorResponse?: IDataObject } | undefined)?.errorResponse?.code ?? (item?.code as string | undefined)),
    itemCode: item?.code,
    leaks: [...leaksIn('failed run', everything(failed)), ...leaksIn('continued run', everything(continued))],
    authenticated: failed.credentialsHelper.authentications.length,
  };
}

/** Everything a run shows a user or stores: run data, each node's error in full, static data. */
function everything(result: RunWorkflowResult): unknown[] {
  const parts: unknown[] = [result.run, result.staticData, result.executionError];
  for (const name of Object.keys(result.run.data.resultData.runData)) parts.push(result.error(name), result.output(name));
  return parts;
}

describe('n8n: no secret in errors, items, run data or static data', () => {
  it.each([
    ['a wrong API key (401)', 'pilotStatus', send(), () => psCredentials(PS_CANARY), undefined, 'UNAUTHORIZED'],
    ['a wrong API key on Template → List (401)', 'pilotStatus', { resource: 'template', operation: 'list' }, () => psCredentials(PS_CANARY), undefined, 'UNAUTHORIZED'],
    ['the tenant key used to send (403)', 'pilotStatus', send(), () => psCredentials(DEMO.tenantKey), undefined, 'TENANT_SCOPE_NOT_ALLOWED'],
    ['media on the free plan (402)', 'pilotStatus', send({ messageType: 'media', media: 'https://example.com/a.jpg' }), () => psCredentials(DEMO.keyFreePlan), undefined, 'SUBSCRIPTION_REQUIRED_FOR_MEDIA'],
    ['an unknown message (404)', 'pilotStatus', { resource: 'message', operation: 'getStatus', messageId: 'cm_nope' }, () => psCredentials(DEMO.keyRetention30), undefined, 'NOT_FOUND'],
    ['a 400 echoing the key', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', psEcho(400)], 'INVALID_REQUEST'],
    ['a 401 echoing the key', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', psEcho(401)], 'UNAUTHORIZED'],
    ['a 403 echoing the key', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', psEcho(403)], 'FORBIDDEN'],
    ['a 404 echoing the key', 'pilotStatus', { resource: 'template', operation: 'list' }, () => psCredentials(DEMO.keyRetention30), ['GET', '/v1/templates', psEcho(404)], 'NOT_FOUND'],
    ['a 429 beyond the wait budget, echoing the key', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', { ...psEcho(429), headers: { 'retry-after': '120', 'x-echo-key': DEMO.keyRetention30 } }], 'RATE_LIMITED'],
    ['a 500 echoing the key', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', psEcho(500)], 'SERVER_ERROR'],
    ['a plain 503', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', { mode: 'respond', status: 503 }], 'SERVER_ERROR'],
    ['a dropped connection', 'pilotStatus', send(), () => psCredentials(DEMO.keyRetention30), ['POST', '/v1/messages/send', { mode: 'drop' }], 'NETWORK'],
    ['a bad phone (validation, with the canary key)', 'pilotStatus', send({ destination: '12ab' }), () => psCredentials(PS_CANARY), undefined, 'VALIDATION_FAILED'],
    ['bad labels (validation)', 'pilotStatus', send({ options: { labels: 'x'.repeat(101) } }), () => psCredentials(DEMO.keyRetention0, { retentionDays: 0 }), undefined, 'VALIDATION_FAILED'],
    ['a wrong token (401)', 'ryzeApi', { resource: 'tag', operation: 'list' }, () => ryzeCredentials(RYZE_CANARY), undefined, 'INVALID_TOKEN'],
    ['the offline instance (503)', 'ryzeApi', { resource: 'tag', operation: 'create', name: 'x' }, () => ryzeCredentials(DEMO.ryzeOfflineToken, DEMO.ryzeOfflineInstance), undefined, 'INSTANCE_NOT_CONNECTED'],
    ['an unknown tag (404)', 'ryzeApi', { resource: 'tag', operation: 'delete', tag: { __rl: true, mode: 'id', value: '999' } }, () => ryzeCredentials(DEMO.ryzeInstanceToken), undefined, 'TAG_NOT_FOUND'],
    ['a 401 echoing the token', 'ryzeApi', { resource: 'tag', operation: 'list' }, () => ryzeCredentials(DEMO.ryzeInstanceToken), ['GET', '/api/chat/tag/:instance', ryzeEcho(401)], 'INVALID_TOKEN'],
    ['a 400 echoing the token', 'ryzeApi', { resource: 'tag', operation: 'create', name: 'x' }, () => ryzeCredentials(DEMO.ryzeInstanceToken), ['POST', '/api/chat/tag/:instance', ryzeEcho(400)], 'BAD_REQUEST'],
    ['a 429 beyond the wait budget, echoing the token', 'ryzeApi', { resource: 'tag', operation: 'list' }, () => ryzeCredentials(DEMO.ryzeInstanceToken), ['GET', '/api/chat/tag/:instance', { ...ryzeEcho(429), headers: { 'retry-after': '120' } }], 'RATE_LIMITED'],
    ['a 500 echoing the token', 'ryzeApi', { resource: 'tag', operation: 'create', name: 'x' }, () => ryzeCredentials(DEMO.ryzeInstanceToken), ['POST', '/api/chat/tag/:instance', ryzeEcho(500)], 'SERVER_ERROR'],
    ['a dropped connection', 'ryzeApi', { resource: 'tag', operation: 'create', name: 'x' }, () => ryzeCredentials(DEMO.ryzeInstanceToken), ['POST', '/api/chat/tag/:instance', { mode: 'drop' }], 'NETWORK'],
    ['a bad chat id (validation, with the canary token)', 'ryzeApi', { resource: 'tag', operation: 'assign', chat: 'abc@lid', tag: { __rl: true, mode: 'id', value: '1' } }, () => ryzeCredentials(RYZE_CANARY), undefined, 'VALIDATION_FAILED'],
  ] as const)('%s', async (_what, node, parameters, credentials, injected, code) => {
    if (injected) await fault(injected[0], injected[1], injected[2] as Record<string, unknown>);
    const seen = await n8nPath(node, parameters as INodeParameters, credentials());
    expect({ code: seen.code, itemCode: seen.itemCode, leaks: seen.leaks }).toEqual({ code, itemCode: code, leaks: [] });
    if (code !== 'VALIDATION_FAILED') expect(seen.authenticated).toBeGreaterThan(0); // the secret did travel
  });

  it('PilotStatus Trigger: activation refused (wrong key), then a webhook removed behind its back (404 on delete, logged)', async () => {
    const lifecycle = (apiKey: string, tenantApiKey?: string) =>
      webhookLifecycle({
        pkg,
        node: { name: 'PilotStatus Trigger', type: pkg.typeName('pilotStatusTrigger'), parameters: { events: ['*'] }, webhookId: 'secret-scan' },
        credentials: psCredentials(apiKey, tenantApiKey ? { tenantApiKey, whatsappNumberId: DEMO.numberId } : {}),
        webhookUrl: 'http://127.0.0.1:9/webhook',
      });
    const refused = lifecycle(PS_CANARY, PS_CANARY);
    const error = await refused.activate().then(() => undefined, (caught: unknown) => caught);
    expect((error as { errorResponse?: IDataObject }).errorResponse?.code).toBe('UNAUTHORIZED');

    const trigger = lifecycle(DEMO.keyRetention30, DEMO.tenantKey);
    await expect(trigger.activate()).resolves.toBe(true);
    const { webhookId } = trigger.staticData()['node:PilotStatus Trigger'] as { webhookId: string };
    expect((await sb.http('DELETE', `/v1/webhooks/${webhookId}`, { headers: { 'x-api-key': DEMO.tenantKey } })).status).toBe(200);
    await expect(trigger.delete()).resolves.toBe(true);
    expect(logLines.some((line) => line.includes('PilotStatus Trigger: the webhook was already gone'))).toBe(true);
    expect([...leaksIn('refused activation', error, refused.staticData()), ...leaksIn('trigger', trigger.staticData())]).toEqual([]);
  });

  it('RyzeAPI Trigger: a poll with a wrong token fails; polls with the right one keep no token in static data', async () => {
    const node = { name: 'RyzeAPI Trigger', type: pkg.typeName('ryzeApiTrigger'), parameters: { event: 'chatAddedToTag' } };
    const error = await runPoll({ pkg, node, credentials: ryzeCredentials(RYZE_CANARY), mode: 'trigger' }).then(() => undefined, (caught: unknown) => caught);
    expect((error as { errorResponse?: IDataObject }).errorResponse?.code).toBe('INVALID_TOKEN');
    const first = await runPoll({ pkg, node, credentials: ryzeCredentials(DEMO.ryzeInstanceToken), mode: 'trigger' });
    await sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false }).assignTag({ number: '5521987654321', tagId: '1' });
    const second = await runPoll({ pkg, node, credentials: ryzeCredentials(DEMO.ryzeInstanceToken), mode: 'trigger', staticData: first.staticData });
    expect(second.items?.[0]).toHaveLength(1);
    expect([...leaksIn('refused poll', error), ...leaksIn('polls', first.staticData, second.staticData, second.items)]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Zapier

const pilot = zapierRunner(PilotStatusApp);
const ryze = zapierRunner(RyzeApiApp);
const ps = partsOf(PilotStatusApp);
const rz = partsOf(RyzeApiApp);

/** A step's outcome: its result or its error, both kept whole for the scan. */
async function zapierPath(run: () => Promise<unknown>) {
  try {
    const value = await run();
    return { outcome: 'ok', leaks: leaksIn('result', value) };
  } catch (error) {
    const { name, message } = error as Error;
    let code: string | undefined;
    try {
      code = (JSON.parse(message) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return { outcome: code ? `${name}:${code}` : name, leaks: leaksIn('error', error) };
  }
}

const sendText = { destination: '+5511988887777', mode: 'text', text: 'Secret scan' };

describe('Zapier: no secret in errors or results', () => {
  it.each([
    ['connection test with a wrong API key (401)', () => pilot(ps.authentication.test, { authData: pilotAuth(sb, { apiKey: PS_CANARY }) }), undefined, 'AppError:UNAUTHORIZED'],
    ['the tenant key used to send (403)', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb, { apiKey: DEMO.tenantKey }), inputData: sendText }), undefined, 'HaltedError'],
    ['media on the free plan (402)', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb, { apiKey: DEMO.keyFreePlan }), inputData: { destination: '+5511988887777', mode: 'media', media: 'https://example.com/a.jpg' } }), undefined, 'HaltedError'],
    ['a webhook subscription with a wrong tenant key (401)', () => pilot(ps.trigger('message_event').operation.performSubscribe, { authData: pilotAuth(sb, { tenantApiKey: PS_CANARY }), inputData: { events: ['*'] }, targetUrl: 'https://hooks.zapier.com/x' }), undefined, 'AppError:UNAUTHORIZED'],
    ['cancelling an unknown message (an answer, not an error)', () => pilot(ps.create('cancel_message').operation.perform, { authData: pilotAuth(sb), inputData: { messageId: 'cm_nope' } }), undefined, 'ok'],
    ['a 400 echoing the key', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb), inputData: sendText }), ['POST', '/v1/messages/send', psEcho(400)], 'AppError:INVALID_REQUEST'],
    ['a 404 echoing the key on Find Message (no result)', () => pilot(ps.search('find_message').operation.perform, { authData: pilotAuth(sb), inputData: { id: 'cm_x' } }), ['GET', '/v1/messages/:id', psEcho(404)], 'ok'],
    ['a 429 beyond the wait budget, echoing the key', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb), inputData: sendText }), ['POST', '/v1/messages/send', { ...psEcho(429), headers: { 'retry-after': '120' } }], 'ThrottledError'],
    ['a 500 echoing the key', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb), inputData: sendText }), ['POST', '/v1/messages/send', psEcho(500)], 'AppError:SERVER_ERROR'],
    ['a plain 503', () => pilot(ps.trigger('template').operation.perform, { authData: pilotAuth(sb) }), ['GET', '/v1/templates', { mode: 'respond', status: 503, count: 3 }], 'AppError:SERVER_ERROR'],
    ['a dropped connection', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb), inputData: sendText }), ['POST', '/v1/messages/send', { mode: 'drop' }], 'AppError:NETWORK'],
    ['a bad phone (validation, with the canary key)', () => pilot(ps.create('send_message').operation.perform, { authData: pilotAuth(sb, { apiKey: PS_CANARY }), inputData: { ...sendText, destination: '12ab' } }), undefined, 'AppError:VALIDATION_FAILED'],
    ['connection test with a wrong token (401)', () => ryze(rz.authentication.test, { authData: ryzeAuth(sb, { token: RYZE_CANARY }) }), undefined, 'AppError:INVALID_TOKEN'],
    ['the offline instance (503)', () => ryze(rz.create('create_tag').operation.perform, { authData: ryzeAuth(sb, { instance: DEMO.ryzeOfflineInstance, token: DEMO.ryzeOfflineToken }), inputData: { name: 'x' } }), undefined, 'HaltedError'],
    ['an unknown tag (404)', () => ryze(rz.create('delete_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { tagId: '999' } }), undefined, 'AppError:TAG_NOT_FOUND'],
    ['a 401 echoing the token', () => ryze(rz.trigger('new_tag').operation.perform, { authData: ryzeAuth(sb) }), ['GET', '/api/chat/tag/:instance', ryzeEcho(401)], 'AppError:INVALID_TOKEN'],
    ['a 400 echoing the token', () => ryze(rz.create('create_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { name: 'x' } }), ['POST', '/api/chat/tag/:instance', ryzeEcho(400)], 'AppError:BAD_REQUEST'],
    ['a 429 beyond the wait budget, echoing the token', () => ryze(rz.trigger('new_tag').operation.perform, { authData: ryzeAuth(sb) }), ['GET', '/api/chat/tag/:instance', { ...ryzeEcho(429), headers: { 'retry-after': '120' } }], 'ThrottledError'],
    ['a 500 echoing the token', () => ryze(rz.create('create_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { name: 'x' } }), ['POST', '/api/chat/tag/:instance', ryzeEcho(500)], 'AppError:SERVER_ERROR'],
    ['a dropped connection', () => ryze(rz.create('create_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { name: 'x' } }), ['POST', '/api/chat/tag/:instance', { mode: 'drop' }], 'AppError:NETWORK'],
    ['a bad chat id (validation, with the canary token)', () => ryze(rz.create('assign_tag').operation.perform, { authData: ryzeAuth(sb, { token: RYZE_CANARY }), inputData: { number: 'abc@lid', tagId: '1' } }), undefined, 'AppError:VALIDATION_FAILED'],
  ] as const)('%s', async (_what, run, injected, outcome) => {
    if (injected) await fault(injected[0], injected[1], injected[2] as Record<string, unknown>);
    expect(await zapierPath(run)).toEqual({ outcome, leaks: [] });
  });
});

// ---------------------------------------------------------------------------------------------

describe('logs and stored state', () => {
  it('every log line written while the paths above ran is free of secrets, and the capture saw both hosts', () => {
    expect(logLines.some((line) => /Running node "Node" finished with error/.test(line))).toBe(true); // n8n's logger
    expect(logLines.some((line) => /POST http:\/\/127\.0\.0\.1:\d+\/v1\/messages\/send/.test(line))).toBe(true); // Zapier's request log
    expect(sandboxLines.length).toBeGreaterThan(20);
    expect([...leaksIn('log lines', logLines), ...leaksIn('sandbox log', sandboxLines)]).toEqual([]);
  });

  it('the sandbox stores keys and tokens only as hashes', async () => {
    expect(leaksIn('sandbox dump', await sb.dump())).toEqual([]);
    expect(leaksIn('sandbox requests', (await sb.http('GET', '/_sandbox/requests')).body)).toEqual([]);
  });
});
