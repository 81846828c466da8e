/**
 * The PilotStatus Trigger, built (n8n/dist) and loaded by n8n-core, through a webhook's life in
 * an active workflow (n8n-core HookContext / WebhookContext) against the sandbox: the sandbox
 * registers the node's URL and posts its real events to a local receiver, which hands each
 * delivery to the node's webhook() as n8n's webhook server would. Build first: `node n8n/build.mjs`.
 */
import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { PILOTSTATUS_ERRORS } from '../../shared/pilotstatus';
import { DEMO, startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { loadBuiltPack, webhookLifecycle, type HarnessCredentials, type LoadedPackage, type WebhookLifecycle } from './harness';
import { WebhookReceiver as Receiver } from './webhook-receiver';

const SECRETS = [DEMO.keyRetention0, DEMO.keyRetention30, DEMO.keyFreePlan, DEMO.tenantKey];
const STATE = 'node:PilotStatus Trigger';

let sandbox: TestSandbox;
let pkg: LoadedPackage;
const receiver = new Receiver();

beforeAll(async () => {
  pkg = await loadBuiltPack();
  // Every delivery is posted twice, as PilotStatus may do: the trigger must drop the repeat.
  sandbox = await startTestSandbox({ duplicateDeliveryEvery: 1 });
  await receiver.start();
});
afterAll(async () => {
  await receiver.stop();
  await sandbox?.close();
});
beforeEach(async () => {
  await sandbox.http('POST', '/_sandbox/reset');
  receiver.lifecycle = undefined;
  receiver.deliveries.length = 0;
});

const tenantCredentials = (extra: IDataObject = {}): HarnessCredentials => ({
  pilotStatusApi: {
    apiKey: DEMO.keyRetention30,
    tenantApiKey: DEMO.tenantKey,
    whatsappNumberId: DEMO.numberId,
    retentionDays: 30,
    baseUrl: sandbox.sandbox.pilotStatusUrl,
    ...extra,
  },
});

function trigger(events: string[], credentials: HarnessCredentials, webhookId: string = randomUUID()): WebhookLifecycle {
  const lifecycle = webhookLifecycle({
    pkg,
    node: { name: 'PilotStatus Trigger', type: pkg.typeName('pilotStatusTrigger'), parameters: { events }, webhookId },
    credentials,
    webhookUrl: `${receiver.url}/webhook`,
  });
  receiver.lifecycle = lifecycle;
  return lifecycle;
}

/** What the service has registered, read with the tenant key (all of the tenant's numbers). */
async function registered(): Promise<IDataObject[]> {
  const answer = await sandbox.http('GET', '/v1/webhooks', { headers: { 'x-api-key': DEMO.tenantKey } });
  expect(answer.status).toBe(200);
  return (answer.body as { webhooks: IDataObject[] }).webhooks;
}

function expectNoSecrets(...values: unknown[]): void {
  const text = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n');
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

const sendWelcome = async (destinationNumber: string, key: string = DEMO.keyRetention30) =>
  await sandbox.pilot({ apiKey: key }).sendMessage({ destinationNumber, templateId: 'welcome', variables: { name: 'Ana' } });

describe('PilotStatus Trigger', () => {
  it('registers on activation, turns the sandbox’s events into items, drops repeats, and unregisters', async () => {
    const lifecycle = trigger(['message.sent', 'message.delivered'], tenantCredentials());
    expect(lifecycle.nodeWebhookUrl).toMatch(new RegExp(`^${receiver.url}/webhook/[\\w-]+/webhook$`));

    await expect(lifecycle.checkExists()).resolves.toBe(false);
    await expect(lifecycle.activate()).resolves.toBe(true); // created
    const [webhook, ...others] = await registered();
    expect(others).toEqual([]);
    expect(webhook).toMatchObject({ url: lifecycle.nodeWebhookUrl, events: ['message.sent', 'message.delivered'], whatsappNumberId: DEMO.numberId, active: true });
    expect(lifecycle.staticData()[STATE]).toEqual({ webhookId: webhook?.id });
    await expect(lifecycle.checkExists()).resolves.toBe(true);
    await expect(lifecycle.activate()).resolves.toBe(false); // exists: n8n does not create again
    expect(await registered()).toHaveLength(1);

    const sent = await sendWelcome('+5511988887777');
    await sandbox.process(); // QUEUED → SENT: message.sent, posted twice
    await sandbox.process(); // SENT → DELIVERED: message.delivered, posted twice
    await sandbox.process(); // DELIVERED → READ (even last digit): not subscribed, not posted

    expect(receiver.deliveries.map((d) => d.body.event)).toEqual(['message.sent', 'message.sent', 'message.delivered', 'message.delivered']);
    expect(receiver.deliveries.every((d) => d.error === undefined && d.result !== undefined)).toBe(true);
    const started = receiver.started();
    expect(started).toEqual([
      expect.objectContaining({ event: 'message.sent', internalMessageId: sent.id, status: 'SENT', destinationNumber: '+5511988887777', whatsappNumberId: DEMO.numberId }),
      expect.objectContaining({ event: 'message.delivered', internalMessageId: sent.id, status: 'DELIVERED' }),
    ]);
    expect(started[0]?.id).toBe((receiver.deliveries[0]?.body.data as IDataObject).id);
    // The repeats were answered (200) without starting the workflow.
    expect(receiver.deliveries[1]?.result).toEqual({ webhookResponse: { received: true, ignored: 'duplicate delivery' } });
    expect(receiver.deliveries[3]?.result?.workflowData).toBeUndefined();
    const logs = (await sandbox.http('GET', `/v1/webhooks/${String(webhook?.id)}/logs`, { headers: { 'x-api-key': DEMO.tenantKey } })).body as {
      logs: { statusCode: number; duplicate: boolean }[];
    };
    expect(logs.logs.map((log) => [log.statusCode, log.duplicate])).toEqual([[200, false], [200, true], [200, false], [200, true]]);

    // The node remembers event ids only: no phone number in the workflow's static data.
    const state = lifecycle.staticData()[STATE] as IDataObject;
    expect(state.recentEventIds).toEqual(started.map((item) => item.id));
    expect(JSON.stringify(lifecycle.staticData())).not.toContain('5511988887777');

    await expect(lifecycle.delete()).resolves.toBe(true);
    expect(await registered()).toEqual([]);
    expect(lifecycle.staticData()[STATE]).toEqual({});
    expectNoSecrets(receiver.deliveries, lifecycle.staticData());
  });

  it('ignores an event of another WhatsApp number, an event not chosen, and a body that is not an event', async () => {
    const lifecycle = trigger(['message.sent'], tenantCredentials());
    await lifecycle.activate();
    const event = (data: IDataObject, name = 'message.sent') => lifecycle.deliver({ body: { event: name, data } });

    const ours = await event({ id: 'evt_ours', internalMessageId: 'cm1', whatsappNumberId: DEMO.numberId, destinationNumber: '+5511988887777' });
    expect(ours.workflowData?.[0]?.map((item) => item.json)).toEqual([
      { event: 'message.sent', id: 'evt_ours', internalMessageId: 'cm1', whatsappNumberId: DEMO.numberId, destinationNumber: '+5511988887777' },
    ]);
    const theirs = await event({ id: 'evt_theirs', whatsappNumberId: DEMO.freeNumberId });
    expect(theirs).toEqual({ webhookResponse: { received: true, ignored: 'other_number' } });
    const notChosen = await event({ id: 'evt_read', whatsappNumberId: DEMO.numberId }, 'message.read');
    expect(notChosen.workflowData).toBeUndefined();
    const junk = await lifecycle.deliver({ body: { hello: 'world' } });
    expect(junk.workflowData).toBeUndefined();
    // Ignored events are not remembered: only the one that started the workflow.
    expect((lifecycle.staticData()[STATE] as IDataObject).recentEventIds).toEqual(['evt_ours']);

    // A real event from the free-plan number of the same tenant never reaches this number's hook.
    await sendWelcome('+5511988887777', DEMO.keyFreePlan);
    await sandbox.process();
    expect(receiver.deliveries).toEqual([]);
  });

  it('with the number key alone and "*" it manages its own number’s webhook and takes every event', async () => {
    const lifecycle = trigger(['*'], { pilotStatusApi: { apiKey: DEMO.keyRetention30, baseUrl: sandbox.sandbox.pilotStatusUrl } });
    await expect(lifecycle.activate()).resolves.toBe(true);
    expect(await registered()).toEqual([expect.objectContaining({ url: lifecycle.nodeWebhookUrl, events: ['*'], whatsappNumberId: DEMO.numberId })]);

    const failed = await sendWelcome('+5511988880000'); // ends in 0000: not on WhatsApp → FAILED
    await sandbox.process();
    expect(receiver.started()).toEqual([expect.objectContaining({ event: 'message.failed', internalMessageId: failed.id, errorCode: 'WHATSAPP_NOT_EXIST' })]);
    // No WhatsApp Number ID in the credential: events are not filtered by number.
    const other = await lifecycle.deliver({ body: { event: 'message.received', data: { id: 'evt_x', whatsappNumberId: DEMO.freeNumberId } } });
    expect(other.workflowData?.[0]?.[0]?.json).toMatchObject({ event: 'message.received', id: 'evt_x' });
    await expect(lifecycle.delete()).resolves.toBe(true);
    expect(await registered()).toEqual([]);
  });

  it('replaces a registration whose events changed while the workflow was off', async () => {
    const webhookId = randomUUID();
    const before = trigger(['message.sent'], tenantCredentials(), webhookId);
    await before.activate();
    const [old] = await registered();

    const after = trigger(['message.read', 'message.reply'], tenantCredentials(), webhookId);
    expect(after.nodeWebhookUrl).toBe(before.nodeWebhookUrl);
    await expect(after.checkExists()).resolves.toBe(false);
    expect(await registered()).toEqual([]); // the stale one is gone
    await expect(after.activate()).resolves.toBe(true);
    const [now, ...rest] = await registered();
    expect(rest).toEqual([]);
    expect(now).toMatchObject({ url: after.nodeWebhookUrl, events: ['message.read', 'message.reply'] });
    expect(now?.id).not.toBe(old?.id);
  });

  it('removes its own registration made under an older n8n URL', async () => {
    const before = trigger(['message.sent'], tenantCredentials());
    await before.activate();
    const [old] = await registered();
    // Same workflow (same static data), n8n now reachable under another address.
    const moved = webhookLifecycle({
      pkg,
      node: { name: 'PilotStatus Trigger', type: pkg.typeName('pilotStatusTrigger'), parameters: { events: ['message.sent'] }, webhookId: before.node.webhookId },
      credentials: tenantCredentials(),
      webhookUrl: `${receiver.url}/moved/webhook`,
      staticData: before.staticData(),
    });
    await expect(moved.activate()).resolves.toBe(true);
    const now = await registered();
    expect(now).toEqual([expect.objectContaining({ url: moved.nodeWebhookUrl })]);
    expect(now[0]?.id).not.toBe(old?.id);
    expect(moved.staticData()[STATE]).toEqual({ webhookId: now[0]?.id });
  });

  it('deleting a webhook already removed at PilotStatus succeeds; other failures surface with the core message', async () => {
    const lifecycle = trigger(['message.sent'], tenantCredentials());
    await lifecycle.activate();
    const [webhook] = await registered();
    await sandbox.http('DELETE', `/v1/webhooks/${String(webhook?.id)}`, { headers: { 'x-api-key': DEMO.tenantKey } });
    await expect(lifecycle.delete()).resolves.toBe(true);
    expect(lifecycle.staticData()[STATE]).toEqual({});

    const wrongKey = trigger(['message.sent'], tenantCredentials({ tenantApiKey: 'ps_not_a_real_key_123' }));
    const unauthorized = PILOTSTATUS_ERRORS.find((rule) => rule.code === 'UNAUTHORIZED')!;
    const error = (await wrongKey.create().then(
      () => undefined,
      (e: unknown) => e,
    )) as { name: string; message: string; description: string; httpCode: string } | undefined;
    expect(error).toMatchObject({ name: 'NodeApiError', message: unauthorized.message, description: unauthorized.hint, httpCode: '401' });
    expectNoSecrets(error?.message, error?.description, error);
    expect(JSON.stringify(error)).not.toContain('ps_not_a_real_key_123');
  });

  it('remembers a bounded number of recent event ids', async () => {
    const lifecycle = trigger(['message.delivered'], tenantCredentials());
    for (let n = 0; n < 510; n++) {
      const result = await lifecycle.deliver({ body: { event: 'message.delivered', data: { id: `evt_${n}`, whatsappNumberId: DEMO.numberId } } });
      expect(result.workflowData).toBeDefined();
    }
    const recent = (lifecycle.staticData()[STATE] as IDataObject).recentEventIds as string[];
    expect(recent).toHaveLength(500);
    expect(recent[0]).toBe('evt_10');
    expect(recent.at(-1)).toBe('evt_509');
    // A recent id is still a repeat; one long forgotten starts the workflow again.
    expect((await lifecycle.deliver({ body: { event: 'message.delivered', data: { id: 'evt_509' } } })).workflowData).toBeUndefined();
    expect((await lifecycle.deliver({ body: { event: 'message.delivered', data: { id: 'evt_0' } } })).workflowData).toBeDefined();
  });
});
