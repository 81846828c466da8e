/**
 * Fault matrix, Zapier (rows and runner; the tests are fault-matrix-zapier-*.test.ts, one file per
 * app: zapier-platform-core's memory checker exits the process after 250 lambda runs in one module
 * registry when RSS is over 450 MB, so each file stays well under 250 runs).
 *
 * Every step that talks to a service × every fault, through the apps'
 * createAppTester (full lambda handler, z.request) against the sandbox. Each step runs twice (two
 * Zap runs, as n8n's two items); the fault hits the first run's request. Each cell asserts,
 * exactly: how each run ended (ok, or a typed Zapier error: AppError with the core's code and
 * message, HaltedError with the core's message and hint, ThrottledError), and the effects counted
 * in the sandbox's dump (no duplicate send, create or webhook).
 *
 * Rows run concurrently, each on its own sandbox (startRows); each row's test awaits its cells.
 */
import '../zapier/env';

import PilotStatusApp from '../../zapier/pilotstatus/src';
import RyzeApiApp from '../../zapier/ryzeapi/src';
import type { TestSandbox } from '../sandbox/harness';
import { partsOf, pilotAuth, ryzeAuth, type Run } from '../zapier/helpers';
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
import { zapierOutcome, zapierRunner } from './zapier-host';

type Dump = Record<string, Record<string, unknown>[]>;
type Setup = Record<string, unknown>;
type Row = Record<string, any>;

const pilot = zapierRunner(PilotStatusApp);
const ryze = zapierRunner(RyzeApiApp);
const ps = partsOf(PilotStatusApp);
const rz = partsOf(RyzeApiApp);

interface MatrixRow {
  readonly name: string;
  readonly service: 'pilotstatus' | 'ryzeapi';
  readonly kind: Kind;
  readonly method: string;
  readonly route: string;
  setup?(sb: TestSandbox): Promise<Setup>;
  /** The step's two runs (the same Zap step, two triggers). */
  runs(sb: TestSandbox, setup: Setup): Array<() => Promise<unknown>>;
  /** What a successful run must return; a message when it does not. */
  check?(result: any, index: number, setup: Setup): string | undefined;
  effects(dump: Dump, setup: Setup): Record<string, number>;
  expected(landed: boolean[], items: string[]): Record<string, number>;
}

const P1 = '+5511911110001';
const P2 = '+5511911110002';
const CHAT_A = '5511988887777@s.whatsapp.net';
const CHAT_B = '5521987654321@s.whatsapp.net';
const count = <T>(rows: T[] | undefined, where: (row: T) => boolean) => (rows ?? []).filter(where).length;
const liveTags = (dump: Dump, name: string) => count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance && t.name === name && t.deleted === 0);
const carries = (dump: Dump, chat: string, tagId: unknown) => count(dump.ryze_chat_tags, (r) => r.chat_jid === chat && r.tag_id === tagId);
const hook = (index: number) => `https://hooks.zapier.com/hooks/standard/reliability/${index}`;

const step = (run: Run, perform: unknown, bundle: Record<string, unknown>) => () => run(perform, bundle);

export const PILOTSTATUS_ROWS: MatrixRow[] = [
  {
    name: 'PilotStatus Send Message',
    service: 'pilotstatus',
    kind: 'create',
    method: 'POST',
    route: '/v1/messages/send',
    runs: (sb) =>
      [P1, P2].map((destination) => step(pilot, ps.create('send_message').operation.perform, { authData: pilotAuth(sb), inputData: { destination, mode: 'text', text: 'Reliability check' } })),
    check: (result: Row) => (result.status === 'QUEUED' && typeof result.id === 'string' ? undefined : `not queued: ${JSON.stringify(result)}`),
    effects: (dump) => ({ [P1]: count(dump.messages, (m) => m.destination === P1), [P2]: count(dump.messages, (m) => m.destination === P2), messages: dump.messages?.length ?? 0 }),
    expected: ([first]) => ({ [P1]: first ? 1 : 0, [P2]: 1, messages: first ? 2 : 1 }),
  },
  {
    name: 'PilotStatus Find Message (status)',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'GET',
    route: '/v1/messages/:id',
    setup: async (sb) => ({ ids: [(await sb.pilot().sendMessage({ destinationNumber: P1, text: 'one' })).id, (await sb.pilot().sendMessage({ destinationNumber: P2, text: 'two' })).id] }),
    runs: (sb, { ids }) => (ids as string[]).map((id) => step(pilot, ps.search('find_message').operation.perform, { authData: pilotAuth(sb), inputData: { id } })),
    check: (result: Row[], index, { ids }) => (result.length === 1 && result[0]?.id === (ids as string[])[index] ? undefined : `not the message: ${JSON.stringify(result)}`),
    effects: (dump) => ({ messages: dump.messages?.length ?? 0 }),
    expected: () => ({ messages: 2 }),
  },
  {
    name: 'PilotStatus Cancel Scheduled Message',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/v1/messages/cancel',
    setup: async (sb) => {
      const deliverAt = new Date(sb.sandbox.context.clock.now().getTime() + 2 * 86_400_000).toISOString();
      const schedule = async (destinationNumber: string) => (await sb.pilot().sendMessage({ destinationNumber, text: 'later', deliverAt })).id;
      return { ids: [await schedule(P1), await schedule(P2)] };
    },
    runs: (sb, { ids }) => (ids as string[]).map((messageId) => step(pilot, ps.create('cancel_message').operation.perform, { authData: pilotAuth(sb), inputData: { messageId } })),
    check: (result: Row) => (result.cancelled === true ? undefined : `not cancelled: ${JSON.stringify(result)}`),
    effects: (dump, { ids }) => ({
      first: count(dump.messages, (m) => m.id === (ids as string[])[0] && m.status === 'CANCELED'),
      second: count(dump.messages, (m) => m.id === (ids as string[])[1] && m.status === 'CANCELED'),
      messages: dump.messages?.length ?? 0,
    }),
    expected: ([first]) => ({ first: first ? 1 : 0, second: 1, messages: 2 }),
  },
  {
    name: 'PilotStatus templates (dropdown trigger)',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'GET',
    route: '/v1/templates',
    runs: (sb) => [0, 1].map(() => step(pilot, ps.trigger('template').operation.perform, { authData: pilotAuth(sb) })),
    check: (result: Row[]) => (result.map((t) => t.name).sort().join() === 'order_update,reminder,welcome' ? undefined : `not the 3 templates: ${JSON.stringify(result)}`),
    effects: () => ({}),
    expected: () => ({}),
  },
  {
    name: 'PilotStatus New Message Event subscribe',
    service: 'pilotstatus',
    kind: 'create',
    method: 'POST',
    route: '/v1/webhooks',
    runs: (sb) =>
      [0, 1].map((index) =>
        step(pilot, ps.trigger('message_event').operation.performSubscribe, { authData: pilotAuth(sb), inputData: { events: ['message.delivered'] }, targetUrl: hook(index) }),
      ),
    check: (result: Row, index) => (result.url === hook(index) && typeof result.id === 'string' ? undefined : `not the webhook: ${JSON.stringify(result)}`),
    effects: (dump) => ({ first: count(dump.webhooks, (w) => w.url === hook(0)), second: count(dump.webhooks, (w) => w.url === hook(1)) }),
    expected: ([first]) => ({ first: first ? 1 : 0, second: 1 }),
  },
  {
    name: 'PilotStatus New Message Event unsubscribe',
    service: 'pilotstatus',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/v1/webhooks/:id',
    setup: async (sb) => {
      const subscribe = (index: number) =>
        pilot<Row>(ps.trigger('message_event').operation.performSubscribe, { authData: pilotAuth(sb), inputData: { events: ['message.delivered'] }, targetUrl: hook(index) });
      return { subscriptions: [await subscribe(0), await subscribe(1)] };
    },
    runs: (sb, { subscriptions }) =>
      (subscriptions as Row[]).map((subscribeData) => step(pilot, ps.trigger('message_event').operation.performUnsubscribe, { authData: pilotAuth(sb), subscribeData })),
    check: (result: Row) => (result.deleted === true ? undefined : `not deleted: ${JSON.stringify(result)}`),
    effects: (dump) => ({ webhooks: dump.webhooks?.length ?? 0 }),
    expected: ([first]) => ({ webhooks: first ? 0 : 1 }),
  },
];

export const RYZEAPI_ROWS: MatrixRow[] = [
  {
    name: 'RyzeAPI New Tag (list tags)',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'GET',
    route: '/api/chat/tag/:instance',
    runs: (sb) => [0, 1].map(() => step(ryze, rz.trigger('new_tag').operation.perform, { authData: ryzeAuth(sb) })),
    check: (result: Row[]) => (result.map((t) => t.name).join() === 'VIP,New customer' ? undefined : `not the 2 tags: ${JSON.stringify(result)}`),
    effects: (dump) => ({ tags: count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance) }),
    expected: () => ({ tags: 2 }),
  },
  {
    name: 'RyzeAPI Create Tag',
    service: 'ryzeapi',
    kind: 'create',
    method: 'POST',
    route: '/api/chat/tag/:instance',
    runs: (sb) => ['Reliability A', 'Reliability B'].map((name) => step(ryze, rz.create('create_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { name, color: '3' } })),
    check: (result: Row, index) => (result.name === ['Reliability A', 'Reliability B'][index] && result.color === 3 ? undefined : `not the tag: ${JSON.stringify(result)}`),
    effects: (dump) => ({ A: liveTags(dump, 'Reliability A'), B: liveTags(dump, 'Reliability B'), tags: count(dump.ryze_tags, (t) => t.instance === DEMO.ryzeInstance) }),
    expected: ([first]) => ({ A: first ? 1 : 0, B: 1, tags: first ? 4 : 3 }),
  },
  {
    name: 'RyzeAPI Delete Tag',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/api/chat/tag/:instance',
    setup: async (sb) => {
      const client = sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false });
      return { ids: [(await client.createTag({ name: 'Doomed A' })).tag.id, (await client.createTag({ name: 'Doomed B' })).tag.id] };
    },
    runs: (sb, { ids }) => (ids as string[]).map((tagId) => step(ryze, rz.create('delete_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { tagId } })),
    check: (result: Row, index, { ids }) => (result.deleted === true && result.id === (ids as string[])[index] ? undefined : `not deleted: ${JSON.stringify(result)}`),
    effects: (dump) => ({ A: liveTags(dump, 'Doomed A'), B: liveTags(dump, 'Doomed B') }),
    expected: ([first]) => ({ A: first ? 0 : 1, B: 0 }),
  },
  {
    name: 'RyzeAPI Assign Tag',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'POST',
    route: '/api/chat/assignTag/:instance',
    runs: (sb) => [CHAT_A, CHAT_B].map((number) => step(ryze, rz.create('assign_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { number, tagId: '1' } })),
    check: (result: Row) => (result.tagId === '1' ? undefined : `not assigned: ${JSON.stringify(result)}`),
    effects: (dump) => ({ A: carries(dump, CHAT_A, '1'), B: carries(dump, CHAT_B, '1') }),
    expected: ([first]) => ({ A: first ? 1 : 0, B: 1 }),
  },
  {
    name: 'RyzeAPI Unassign Tag',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'DELETE',
    route: '/api/chat/assignTag/:instance',
    setup: async (sb) => {
      await sb.ryze({ token: DEMO.ryzeAccountToken, rateLimit: false }).assignTag({ number: CHAT_B, tagId: '2' });
      return {};
    },
    runs: (sb) => [CHAT_A, CHAT_B].map((number) => step(ryze, rz.create('unassign_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { number, tagId: '2' } })),
    check: (result: Row) => (result.tagId === '2' ? undefined : `not unassigned: ${JSON.stringify(result)}`),
    effects: (dump) => ({ A: carries(dump, CHAT_A, '2'), B: carries(dump, CHAT_B, '2') }),
    expected: ([first]) => ({ A: first ? 0 : 1, B: 0 }),
  },
  {
    // Zapier's "assign by name": Find Tag, "create if not found" (create_tag with meta.withSearch:
    // the core's ensureTag), then Assign Tag with the id. The fault hits the create.
    name: 'RyzeAPI assign by name (Find or Create Tag + Assign Tag)',
    service: 'ryzeapi',
    kind: 'create',
    method: 'POST',
    route: '/api/chat/tag/:instance',
    runs: (sb) =>
      [CHAT_A, CHAT_B].map((number) => async () => {
        const authData = ryzeAuth(sb);
        const found = await ryze<Row[]>(rz.search('find_tag').operation.perform, { authData, inputData: { name: 'Reliability' } });
        const tag = found[0] ?? (await ryze<Row>(rz.create('create_tag').operation.perform, { authData, inputData: { name: 'Reliability' }, meta: { withSearch: 'find_tag' } }));
        return ryze(rz.create('assign_tag').operation.perform, { authData, inputData: { number, tagId: tag.id } });
      }),
    effects: (dump) => {
      const tag = dump.ryze_tags?.find((t) => t.name === 'Reliability' && t.deleted === 0);
      return { tagsNamedReliability: liveTags(dump, 'Reliability'), A: carries(dump, CHAT_A, tag?.id), B: carries(dump, CHAT_B, tag?.id) };
    },
    expected: (_landed, [first]) => ({ tagsNamedReliability: 1, A: first === 'ok' ? 1 : 0, B: 1 }),
  },
  {
    name: 'RyzeAPI New Chat in Tag (list chats)',
    service: 'ryzeapi',
    kind: 'idempotent',
    method: 'GET',
    route: '/api/chat/contactsByLabel/:instance',
    runs: (sb) => [0, 1].map(() => step(ryze, rz.trigger('new_chat_in_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { tagId: '2' } })),
    check: (result: Row[]) => (result.map((chat) => chat.id).join() === '2:5511988887777' ? undefined : `not the one chat: ${JSON.stringify(result)}`),
    effects: () => ({}),
    expected: () => ({}),
  },
];

/** The matrix's tests for these rows: all rows start at once, each row's test awaits its cells. */
export function zapierMatrix(title: string, rows: readonly MatrixRow[]): void {
  jest.setTimeout(90_000);
  const cellsOf = startRows(rows, async (row) => {
    const sb = await startMatrixSandbox();
    try {
      const cells = [];
      for (const fault of FAULTS) {
        const seen = await runCell(sb, row, fault);
        cells.push({ seen, expected: expectedCell(row, fault) });
      }
      return cells;
    } finally {
      await sb.close();
    }
  });

  describe(title, () => {
    it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
      const cells = await cellsOf(row);
      expect(cells).toHaveLength(FAULTS.length);
      for (const { seen, expected } of cells) expect(seen).toEqual(expected);
    });
  });
}

async function runCell(sb: TestSandbox, row: MatrixRow, fault: FaultName): Promise<CellResult> {
  await sb.http('POST', '/_sandbox/reset');
  const setup = (await row.setup?.(sb)) ?? {};
  const items: string[] = [];
  const problems: string[] = [];
  await withFault(sb, row.service, row.method, row.route, fault, async () => {
    for (const [index, run] of row.runs(sb, setup).entries()) {
      try {
        const result = await run();
        const wrong = row.check?.(result, index, setup);
        if (wrong) problems.push(`run ${index}: ${wrong}`);
        items.push('ok');
      } catch (error) {
        const seen = zapierOutcome(row.service, error, `run ${index}`);
        items.push(seen.outcome);
        problems.push(...seen.problems);
      }
    }
  });
  const dump = (await sb.dump()) as Dump;
  return { cell: `${row.name} × ${fault}`, items, effects: row.effects(dump, setup), problems };
}

function expectedCell(row: MatrixRow, fault: FaultName): CellResult {
  const first = expectedOutcome('zapier', row.service, row.kind, fault);
  const items = [first, 'ok'];
  return { cell: `${row.name} × ${fault}`, items, effects: row.expected([effectLanded(fault, first), true], items), problems: [] };
}
