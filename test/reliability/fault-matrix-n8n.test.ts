/**
 * Fault matrix, n8n: every operation that talks to a service × every fault, through the built
 * package in n8n-core's engine against the sandbox. Each node runs 2 input items with "Continue"
 * on error (the fault hits the first item's request); trigger lifecycles run two triggers.
 * Each cell asserts, exactly: how every item ended (ok, or a typed per-item error with code,
 * message and hint), no lost item, and the effects counted in the sandbox's dump (no duplicate
 * send, create or webhook; every effect that was reported done is there). What an operation must
 * leave in the sandbox is the Zapier matrix's too (scenarios.ts); the trigger rows are n8n's own.
 *
 * Rows run concurrently, each on its own sandbox (startRows); each row's test awaits its cells.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, webhookLifecycle, type LoadedPackage, type WebhookLifecycle } from '../n8n/harness';
import type { TestSandbox } from '../sandbox/harness';
import { DEMO, describeFaultMatrix, type Dump, type HostRun, type MatrixRow, type Setup } from './matrix';
import { n8nItemOutcomes, n8nPackage, n8nThrownOutcome } from './n8n-host';
import { CHAT_A, CHAT_B, count, P1, P2, SCENARIOS } from './scenarios';

interface Row extends MatrixRow<LoadedPackage> {
  /** Runs the operation for two items; per item 'ok' or its error outcome. */
  run(sb: TestSandbox, pkg: LoadedPackage, setup: Setup): Promise<HostRun>;
}

// ---------------------------------------------------------------------------------------------
// helpers

const psCredentials = (sb: TestSandbox) => ({ pilotStatusApi: { apiKey: DEMO.keyRetention30, retentionDays: 30, baseUrl: sb.sandbox.pilotStatusUrl } });
const ryzeCredentials = (sb: TestSandbox) => ({ ryzeApi: { instance: DEMO.ryzeInstance, token: DEMO.ryzeInstanceToken, baseUrl: sb.sandbox.ryzeApiUrl } });

/** A node with "Continue" on error, fed two items. */
async function runNode(sb: TestSandbox, pkg: LoadedPackage, service: Row['service'], parameters: INodeParameters, input: IDataObject[], okCheck?: Parameters<typeof n8nItemOutcomes>[3]) {
  const node = service === 'pilotstatus' ? 'pilotStatus' : 'ryzeApi';
  const result = await runWorkflow({
    pkg,
    nodes: [{ name: 'Node', type: pkg.typeName(node), parameters, onError: 'continueRegularOutput' }],
    credentials: service === 'pilotstatus' ? psCredentials(sb) : ryzeCredentials(sb),
    input,
  });
  return n8nItemOutcomes(result, 'Node', input.length, okCheck);
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Two PilotStatus Trigger nodes of two workflows (their own webhook ids, so their own URLs). */
const triggers = (sb: TestSandbox, pkg: LoadedPackage): WebhookLifecycle[] =>
  [0, 1].map((index) =>
    webhookLifecycle({
      pkg,
      node: { name: 'PilotStatus Trigger', type: pkg.typeName('pilotStatusTrigger'), parameters: { events: ['message.delivered'] }, webhookId: `reliability-${index}` },
      credentials: psCredentials(sb),
      webhookUrl: 'http://127.0.0.1:9/webhook',
    }),
  );

async function lifecycleStep(lifecycles: WebhookLifecycle[], step: (lifecycle: WebhookLifecycle) => Promise<unknown>) {
  const items: string[] = [];
  const problems: string[] = [];
  for (const [index, lifecycle] of lifecycles.entries()) {
    try {
      await step(lifecycle);
      items.push('ok');
    } catch (error) {
      const seen = n8nThrownOutcome(error, `trigger ${index}`);
      items.push(seen.outcome);
      problems.push(...seen.problems);
    }
  }
  return { items, problems };
}

const webhooksAt = (dump: Dump, url: string) => count(dump.webhooks, (w) => w.url === url);

// ---------------------------------------------------------------------------------------------
// the rows: every PilotStatus and RyzeAPI operation that calls the service

const ROWS: Row[] = [
  {
    name: 'PilotStatus send',
    ...SCENARIOS.sendMessage,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'message', operation: 'send', destination: '={{ $json.phone }}', messageType: 'text', text: 'Reliability check' }, [{ phone: P1 }, { phone: P2 }], ([json]) =>
        json?.status === 'QUEUED' && typeof json.id === 'string' ? undefined : `not a queued message: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'PilotStatus get status',
    ...SCENARIOS.messageStatus,
    run: (sb, pkg, { ids }) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'message', operation: 'getStatus', messageId: '={{ $json.id }}' }, (ids as string[]).map((id) => ({ id })), ([json], index) =>
        json?.id === (ids as string[])[index] ? undefined : `the status of another message: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'PilotStatus cancel',
    ...SCENARIOS.cancelMessage,
    run: (sb, pkg, { ids }) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'message', operation: 'cancel', messageId: '={{ $json.id }}' }, (ids as string[]).map((id) => ({ id })), ([json]) =>
        json?.cancelled === true ? undefined : `not cancelled: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'PilotStatus list templates',
    ...SCENARIOS.listTemplates,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'template', operation: 'list' }, [{}, {}], (jsons) =>
        jsons.map((json) => json.name).sort().join() === 'order_update,reminder,welcome' ? undefined : `not the 3 templates: ${JSON.stringify(jsons)}`,
      ),
  },
  {
    name: 'PilotStatus Trigger create (activation)',
    service: 'pilotstatus',
    kind: 'create',
    method: 'POST',
    route: '/v1/webhooks',
    setup: async (sb, pkg) => ({ lifecycles: triggers(sb, pkg) }),
    run: async (sb, _pkg, { lifecycles }) => {
      const list = lifecycles as WebhookLifecycle[];
      const first = await lifecycleStep(list, (lifecycle) => lifecycle.activate());
      const afterFirst = (await sb.dump()) as Dump;
      // n8n activates a workflow again after a failed activation: the registration that may
      // have landed is found (checkExists), not made twice.
      const again = await lifecycleStep(list, (lifecycle) => lifecycle.activate());
      return {
        items: first.items,
        problems: [...first.problems, ...again.problems, ...again.items.filter((item) => item !== 'ok').map((item) => `re-activation failed: ${item}`)],
        effects: { firstTryFirst: webhooksAt(afterFirst, list[0]!.nodeWebhookUrl), firstTrySecond: webhooksAt(afterFirst, list[1]!.nodeWebhookUrl) },
      };
    },
    effects: (dump, { lifecycles }) => {
      const [first, second] = lifecycles as WebhookLifecycle[];
      return { first: webhooksAt(dump, first!.nodeWebhookUrl), second: webhooksAt(dump, second!.nodeWebhookUrl), webhooks: dump.webhooks?.length ?? 0 };
    },
    // A timed-out registration lands late: not there yet when the first try ends, found (not doubled) by the second.
    expected: ([first], [outcome]) => ({ firstTryFirst: first && outcome !== 'NETWORK/timeout' ? 1 : 0, firstTrySecond: 1, first: 1, second: 1, webhooks: 2 }),
  },
  {
    name: 'PilotStatus Trigger delete (deactivation)',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/v1/webhooks/:id',
    setup: async (sb, pkg) => {
      const lifecycles = triggers(sb, pkg);
      for (const lifecycle of lifecycles) await lifecycle.activate();
      return { lifecycles };
    },
    run: async (_sb, _pkg, { lifecycles }) => {
      const list = lifecycles as WebhookLifecycle[];
      const result = await lifecycleStep(list, (lifecycle) => lifecycle.delete());
      const state = list.map((lifecycle) => JSON.stringify(lifecycle.staticData()));
      return { ...result, effects: { stateWithWebhookId: state.filter((text) => text.includes('webhookId')).length } };
    },
    effects: (dump) => ({ webhooks: dump.webhooks?.length ?? 0 }),
    expected: ([first]) => ({ webhooks: first ? 0 : 1, stateWithWebhookId: first ? 0 : 1 }),
  },
  {
    name: 'RyzeAPI list tags',
    ...SCENARIOS.listTags,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'list' }, [{}, {}], (jsons) =>
        jsons.map((json) => json.name).join() === 'New customer,VIP' ? undefined : `not the 2 tags: ${JSON.stringify(jsons)}`,
      ),
  },
  {
    name: 'RyzeAPI create tag',
    ...SCENARIOS.createTag,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'create', name: '={{ $json.name }}', color: 3 }, [{ name: 'Reliability A' }, { name: 'Reliability B' }], ([json], index) =>
        json?.name === ['Reliability A', 'Reliability B'][index] && json?.color === 3 ? undefined : `not the tag asked for: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'RyzeAPI delete tag',
    ...SCENARIOS.deleteTag,
    run: (sb, pkg, { ids }) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'delete', tag: byId('={{ $json.id }}') }, (ids as string[]).map((id) => ({ id })), ([json], index) =>
        json?.deleted === true && json.tagId === (ids as string[])[index] ? undefined : `not deleted: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'RyzeAPI assign',
    ...SCENARIOS.assignTag,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'assign', chat: '={{ $json.chat }}', tag: byId('1') }, [{ chat: CHAT_A }, { chat: CHAT_B }], ([json]) =>
        json?.assigned === true ? undefined : `not assigned: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'RyzeAPI unassign',
    ...SCENARIOS.unassignTag,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'unassign', chat: '={{ $json.chat }}', tag: byId('2') }, [{ chat: CHAT_A }, { chat: CHAT_B }], ([json]) =>
        json?.unassigned === true ? undefined : `not unassigned: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'RyzeAPI assign by name',
    ...SCENARIOS.assignTagByName,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'assignByName', chat: '={{ $json.chat }}', tagName: 'Reliability' }, [{ chat: CHAT_A }, { chat: CHAT_B }], ([json]) =>
        json?.assigned === true ? undefined : `not assigned: ${JSON.stringify(json)}`,
      ),
  },
  {
    name: 'RyzeAPI list chats',
    ...SCENARIOS.listTaggedChats,
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'listChats', filterBy: 'all' }, [{}, {}], (jsons) =>
        jsons.map((json) => json.chatId).join() === CHAT_A ? undefined : `not the one tagged chat: ${JSON.stringify(jsons)}`,
      ),
  },
];

describeFaultMatrix('n8n: every service operation × every fault (2 items, Continue on error)', ROWS, {
  host: 'n8n',
  load: n8nPackage,
  run: (sb, row, pkg, setup) => row.run(sb, pkg, setup),
});
