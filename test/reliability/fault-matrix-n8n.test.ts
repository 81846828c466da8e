/**
 * Fault matrix, n8n: every operation that talks to a service × every fault, through the built
 * package in n8n-core's engine against the sandbox. Each node runs 2 input items with "Continue"
 * on error (the fault hits the first item's request); trigger lifecycles run two triggers.
 * Each cell asserts, exactly: how every item ended (ok, or a typed per-item error with code,
 * message and hint), no lost item, and the effects counted in the sandbox's dump (no duplicate
 * send, create or webhook; every effect that was reported done is there).
 *
 * Rows run concurrently, each on its own sandbox (startRows); each row's test awaits its cells.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, webhookLifecycle, type LoadedPackage, type WebhookLifecycle } from '../n8n/harness';
import type { TestSandbox } from '../sandbox/harness';
import {
  DEMO,
  effectLanded,
  expectedOutcome,
  FAULTS,
  startMatrixSandbox,
  startRows,
  withFault,
  type CellResult,
  type FaultName,
  type Kind,
} from './matrix';
import { n8nItemOutcomes, n8nPackage, n8nThrownOutcome } from './n8n-host';

jest.setTimeout(90_000);

type Dump = Record<string, Record<string, unknown>[]>;
type Setup = Record<string, unknown>;

interface Row {
  readonly name: string;
  readonly service: 'pilotstatus' | 'ryzeapi';
  readonly kind: Kind;
  readonly method: string;
  readonly route: string;
  setup?(sb: TestSandbox, pkg: LoadedPackage): Promise<Setup>;
  /** Runs the operation for two items; per item 'ok' or its error outcome. */
  run(sb: TestSandbox, pkg: LoadedPackage, setup: Setup): Promise<{ items: string[]; problems: string[]; effects?: Record<string, number> }>;
  /** Counted in the sandbox afterwards. */
  effects(dump: Dump, setup: Setup): Record<string, number>;
  /** What the counts must be, given how each item ended. */
  expected(landed: boolean[], items: string[]): Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// helpers

const P1 = '+5511911110001';
const P2 = '+5511911110002';
const CHAT_A = '5511988887777@s.whatsapp.net';
const CHAT_B = '5521987654321@s.whatsapp.net';

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

const count = <T>(rows: T[] | undefined, where: (row: T) => boolean) => (rows ?? []).filter(where).length;
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const liveTags = (dump: Dump, name: string) => count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance && t.name === name && t.deleted === 0);
const carries = (dump: Dump, chat: string, tagId: unknown) => count(dump.ryze_chat_tags, (r) => r.chat_jid === chat && r.tag_id === tagId);

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
    service: 'pilotstatus',
    kind: 'create',
    method: 'POST',
    route: '/v1/messages/send',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'message', operation: 'send', destination: '={{ $json.phone }}', messageType: 'text', text: 'Reliability check' }, [{ phone: P1 }, { phone: P2 }], ([json]) =>
        json?.status === 'QUEUED' && typeof json.id === 'string' ? undefined : `not a queued message: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => ({ [P1]: count(dump.messages, (m) => m.destination === P1), [P2]: count(dump.messages, (m) => m.destination === P2), messages: dump.messages?.length ?? 0 }),
    expected: ([first]) => ({ [P1]: first ? 1 : 0, [P2]: 1, messages: first ? 2 : 1 }),
  },
  {
    name: 'PilotStatus get status',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'GET',
    route: '/v1/messages/:id',
    setup: async (sb) => ({ ids: [(await sb.pilot().sendMessage({ destinationNumber: P1, text: 'one' })).id, (await sb.pilot().sendMessage({ destinationNumber: P2, text: 'two' })).id] }),
    run: (sb, pkg, { ids }) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'message', operation: 'getStatus', messageId: '={{ $json.id }}' }, (ids as string[]).map((id) => ({ id })), ([json], index) =>
        json?.id === (ids as string[])[index] ? undefined : `the status of another message: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => ({ messages: dump.messages?.length ?? 0 }),
    expected: () => ({ messages: 2 }),
  },
  {
    name: 'PilotStatus cancel',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/v1/messages/cancel',
    setup: async (sb) => {
      const deliverAt = new Date(sb.sandbox.context.clock.now().getTime() + 2 * 86_400_000).toISOString();
      const schedule = async (destinationNumber: string) => (await sb.pilot().sendMessage({ destinationNumber, text: 'later', deliverAt })).id;
      return { ids: [await schedule(P1), await schedule(P2)] };
    },
    run: (sb, pkg, { ids }) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'message', operation: 'cancel', messageId: '={{ $json.id }}' }, (ids as string[]).map((id) => ({ id })), ([json]) =>
        json?.cancelled === true ? undefined : `not cancelled: ${JSON.stringify(json)}`,
      ),
    effects: (dump, { ids }) => ({
      first: count(dump.messages, (m) => m.id === (ids as string[])[0] && m.status === 'CANCELED'),
      second: count(dump.messages, (m) => m.id === (ids as string[])[1] && m.status === 'CANCELED'),
      messages: dump.messages?.length ?? 0,
    }),
    expected: ([first]) => ({ first: first ? 1 : 0, second: 1, messages: 2 }),
  },
  {
    name: 'PilotStatus list templates',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'GET',
    route: '/v1/templates',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'pilotstatus', { resource: 'template', operation: 'list' }, [{}, {}], (jsons) =>
        jsons.map((json) => json.name).sort().join() === 'order_update,reminder,welcome' ? undefined : `not the 3 templates: ${JSON.stringify(jsons)}`,
      ),
    effects: () => ({}),
    expected: () => ({}),
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
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'GET',
    route: '/api/chat/tag/:instance',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'list' }, [{}, {}], (jsons) =>
        jsons.map((json) => json.name).join() === 'New customer,VIP' ? undefined : `not the 2 tags: ${JSON.stringify(jsons)}`,
      ),
    effects: (dump) => ({ tags: count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance) }),
    expected: () => ({ tags: 2 }),
  },
  {
    name: 'RyzeAPI create tag',
    service: 'ryzeapi',
    kind: 'create',
    method: 'POST',
    route: '/api/chat/tag/:instance',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'create', name: '={{ $json.name }}', color: 3 }, [{ name: 'Reliability A' }, { name: 'Reliability B' }], ([json], index) =>
        json?.name === ['Reliability A', 'Reliability B'][index] && json?.color === 3 ? undefined : `not the tag asked for: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => ({ A: liveTags(dump, 'Reliability A'), B: liveTags(dump, 'Reliability B'), tags: count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance) }),
    expected: ([first]) => ({ A: first ? 1 : 0, B: 1, tags: first ? 4 : 3 }),
  },
  {
    name: 'RyzeAPI delete tag',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/api/chat/tag/:instance',
    setup: async (sb) => {
      const ryze = sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false });
      return { ids: [(await ryze.createTag({ name: 'Doomed A' })).tag.id, (await ryze.createTag({ name: 'Doomed B' })).tag.id] };
    },
    run: (sb, pkg, { ids }) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'delete', tag: byId('={{ $json.id }}') }, (ids as string[]).map((id) => ({ id })), ([json], index) =>
        json?.deleted === true && json.tagId === (ids as string[])[index] ? undefined : `not deleted: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => ({ A: liveTags(dump, 'Doomed A'), B: liveTags(dump, 'Doomed B') }),
    expected: ([first]) => ({ A: first ? 0 : 1, B: 0 }),
  },
  {
    name: 'RyzeAPI assign',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'POST',
    route: '/api/chat/assignTag/:instance',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'assign', chat: '={{ $json.chat }}', tag: byId('1') }, [{ chat: CHAT_A }, { chat: CHAT_B }], ([json]) =>
        json?.assigned === true ? undefined : `not assigned: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => ({ A: carries(dump, CHAT_A, '1'), B: carries(dump, CHAT_B, '1') }),
    expected: ([first]) => ({ A: first ? 1 : 0, B: 1 }),
  },
  {
    name: 'RyzeAPI unassign',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/api/chat/assignTag/:instance',
    setup: async (sb) => {
      await sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false }).assignTag({ number: CHAT_B, tagId: '2' }); // A carries VIP (2) from the seed
      return {};
    },
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'unassign', chat: '={{ $json.chat }}', tag: byId('2') }, [{ chat: CHAT_A }, { chat: CHAT_B }], ([json]) =>
        json?.unassigned === true ? undefined : `not unassigned: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => ({ A: carries(dump, CHAT_A, '2'), B: carries(dump, CHAT_B, '2') }),
    expected: ([first]) => ({ A: first ? 0 : 1, B: 0 }),
  },
  {
    // The fault hits the one step that must not be repeated: creating the tag.
    name: 'RyzeAPI assign by name',
    service: 'ryzeapi',
    kind: 'create',
    method: 'POST',
    route: '/api/chat/tag/:instance',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'assignByName', chat: '={{ $json.chat }}', tagName: 'Reliability' }, [{ chat: CHAT_A }, { chat: CHAT_B }], ([json]) =>
        json?.assigned === true ? undefined : `not assigned: ${JSON.stringify(json)}`,
      ),
    effects: (dump) => {
      const tag = dump.ryze_tags?.find((t) => t.name === 'Reliability' && t.deleted === 0);
      return { tagsNamedReliability: liveTags(dump, 'Reliability'), A: carries(dump, CHAT_A, tag?.id), B: carries(dump, CHAT_B, tag?.id) };
    },
    // Whatever happened to the first item, the second finds or makes the one tag: never two.
    expected: (_landed, [first]) => ({ tagsNamedReliability: 1, A: first === 'ok' ? 1 : 0, B: 1 }),
  },
  {
    name: 'RyzeAPI list chats',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'GET',
    route: '/api/chat/contactsByLabel/:instance',
    run: (sb, pkg) =>
      runNode(sb, pkg, 'ryzeapi', { resource: 'tag', operation: 'listChats', filterBy: 'all' }, [{}, {}], (jsons) =>
        jsons.map((json) => json.chatId).join() === CHAT_A ? undefined : `not the one tagged chat: ${JSON.stringify(jsons)}`,
      ),
    effects: () => ({}),
    expected: () => ({}),
  },
];

// ---------------------------------------------------------------------------------------------

let cellsOf: (row: Row) => Promise<Array<{ seen: CellResult; expected: CellResult }>>;
beforeAll(async () => {
  const pkg = await n8nPackage();
  cellsOf = startRows(ROWS, async (row) => {
    const sb = await startMatrixSandbox();
    try {
      const cells = [];
      for (const fault of FAULTS) {
        const seen = await runCell(sb, pkg, row, fault);
        cells.push({ seen, expected: expectedCell(row, fault) });
      }
      return cells;
    } finally {
      await sb.close();
    }
  });
});

describe('n8n: every service operation × every fault (2 items, Continue on error)', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const cells = await cellsOf(row);
    expect(cells).toHaveLength(FAULTS.length);
    for (const { seen, expected } of cells) expect(seen).toEqual(expected);
  });
});

async function runCell(sb: TestSandbox, loaded: LoadedPackage, row: Row, fault: FaultName): Promise<CellResult> {
  await sb.http('POST', '/_sandbox/reset');
  const setup = (await row.setup?.(sb, loaded)) ?? {};
  const seen = await withFault(sb, row.service, row.method, row.route, fault, () => row.run(sb, loaded, setup));
  const dump = (await sb.dump()) as Dump;
  return {
    cell: `${row.name} × ${fault}`,
    items: seen.items,
    effects: { ...row.effects(dump, setup), ...seen.effects },
    problems: seen.problems,
  };
}

function expectedCell(row: Row, fault: FaultName): CellResult {
  const first = expectedOutcome('n8n', row.service, row.kind, fault);
  const items = [first, 'ok'];
  return { cell: `${row.name} × ${fault}`, items, effects: row.expected([effectLanded(fault, first), true], items), problems: [] };
}
