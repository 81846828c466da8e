/**
 * Fault matrix, Zapier (rows and how Zapier runs them; the tests are fault-matrix-zapier-*.test.ts,
 * one file per app: zapier-platform-core's memory checker exits the process after 250 lambda runs
 * in one module registry when RSS is over 450 MB, so each file stays well under 250 runs).
 *
 * Every step that talks to a service × every fault, through the apps'
 * createAppTester (full lambda handler, z.request) against the sandbox. Each step runs twice (two
 * Zap runs, as n8n's two items); the fault hits the first run's request. Each cell asserts,
 * exactly: how each run ended (ok, or a typed Zapier error: AppError with the core's code and
 * message, HaltedError with the core's message and hint, ThrottledError), and the effects counted
 * in the sandbox's dump (no duplicate send, create or webhook). What an operation must leave in
 * the sandbox is the n8n matrix's too (scenarios.ts); the subscribe rows are Zapier's own.
 *
 * Rows run concurrently, each on its own sandbox (startRows); each row's test awaits its cells.
 */
import '../zapier/env';

import PilotStatusApp from '../../zapier/pilotstatus/src';
import RyzeApiApp from '../../zapier/ryzeapi/src';
import type { TestSandbox } from '../sandbox/harness';
import { partsOf, pilotAuth, ryzeAuth, type Run } from '../zapier/helpers';
import { describeFaultMatrix, type MatrixHost, type MatrixRow, type Setup } from './matrix';
import { CHAT_A, CHAT_B, count, P1, P2, SCENARIOS } from './scenarios';
import { zapierOutcome, zapierRunner } from './zapier-host';

type Row = Record<string, any>;

const pilot = zapierRunner(PilotStatusApp);
const ryze = zapierRunner(RyzeApiApp);
const ps = partsOf(PilotStatusApp);
const rz = partsOf(RyzeApiApp);

interface ZapierRow extends MatrixRow<undefined> {
  /** The step's two runs (the same Zap step, two triggers). */
  runs(sb: TestSandbox, setup: Setup): Array<() => Promise<unknown>>;
  /** What a successful run must return; a message when it does not. */
  check?(result: any, index: number, setup: Setup): string | undefined;
}

const hook = (index: number) => `https://hooks.zapier.com/hooks/standard/reliability/${index}`;

const step = (run: Run, perform: unknown, bundle: Record<string, unknown>) => () => run(perform, bundle);

export const PILOTSTATUS_ROWS: ZapierRow[] = [
  {
    name: 'PilotStatus Send Message',
    ...SCENARIOS.sendMessage,
    runs: (sb) =>
      [P1, P2].map((destination) => step(pilot, ps.create('send_message').operation.perform, { authData: pilotAuth(sb), inputData: { destination, mode: 'text', text: 'Reliability check' } })),
    check: (result: Row) => (result.status === 'QUEUED' && typeof result.id === 'string' ? undefined : `not queued: ${JSON.stringify(result)}`),
  },
  {
    name: 'PilotStatus Find Message (status)',
    ...SCENARIOS.messageStatus,
    runs: (sb, { ids }) => (ids as string[]).map((id) => step(pilot, ps.search('find_message').operation.perform, { authData: pilotAuth(sb), inputData: { id } })),
    check: (result: Row[], index, { ids }) => (result.length === 1 && result[0]?.id === (ids as string[])[index] ? undefined : `not the message: ${JSON.stringify(result)}`),
  },
  {
    name: 'PilotStatus Cancel Scheduled Message',
    ...SCENARIOS.cancelMessage,
    runs: (sb, { ids }) => (ids as string[]).map((messageId) => step(pilot, ps.create('cancel_message').operation.perform, { authData: pilotAuth(sb), inputData: { messageId } })),
    check: (result: Row) => (result.cancelled === true ? undefined : `not cancelled: ${JSON.stringify(result)}`),
  },
  {
    name: 'PilotStatus templates (dropdown trigger)',
    ...SCENARIOS.listTemplates,
    runs: (sb) => [0, 1].map(() => step(pilot, ps.trigger('template').operation.perform, { authData: pilotAuth(sb) })),
    check: (result: Row[]) => (result.map((t) => t.name).sort().join() === 'order_update,reminder,welcome' ? undefined : `not the 3 templates: ${JSON.stringify(result)}`),
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

export const RYZEAPI_ROWS: ZapierRow[] = [
  {
    name: 'RyzeAPI New Tag (list tags)',
    ...SCENARIOS.listTags,
    runs: (sb) => [0, 1].map(() => step(ryze, rz.trigger('new_tag').operation.perform, { authData: ryzeAuth(sb) })),
    check: (result: Row[]) => (result.map((t) => t.name).join() === 'VIP,New customer' ? undefined : `not the 2 tags: ${JSON.stringify(result)}`),
  },
  {
    name: 'RyzeAPI Create Tag',
    ...SCENARIOS.createTag,
    runs: (sb) => ['Reliability A', 'Reliability B'].map((name) => step(ryze, rz.create('create_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { name, color: '3' } })),
    check: (result: Row, index) => (result.name === ['Reliability A', 'Reliability B'][index] && result.color === 3 ? undefined : `not the tag: ${JSON.stringify(result)}`),
  },
  {
    name: 'RyzeAPI Delete Tag',
    ...SCENARIOS.deleteTag,
    runs: (sb, { ids }) => (ids as string[]).map((tagId) => step(ryze, rz.create('delete_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { tagId } })),
    check: (result: Row, index, { ids }) => (result.deleted === true && result.id === (ids as string[])[index] ? undefined : `not deleted: ${JSON.stringify(result)}`),
  },
  {
    name: 'RyzeAPI Assign Tag',
    ...SCENARIOS.assignTag,
    runs: (sb) => [CHAT_A, CHAT_B].map((number) => step(ryze, rz.create('assign_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { number, tagId: '1' } })),
    check: (result: Row) => (result.tagId === '1' ? undefined : `not assigned: ${JSON.stringify(result)}`),
  },
  {
    name: 'RyzeAPI Unassign Tag',
    ...SCENARIOS.unassignTag,
    runs: (sb) => [CHAT_A, CHAT_B].map((number) => step(ryze, rz.create('unassign_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { number, tagId: '2' } })),
    check: (result: Row) => (result.tagId === '2' ? undefined : `not unassigned: ${JSON.stringify(result)}`),
  },
  {
    // Zapier's "assign by name": Find Tag, "create if not found" (create_tag with meta.withSearch:
    // the core's ensureTag), then Assign Tag with the id. The fault hits the create.
    name: 'RyzeAPI assign by name (Find or Create Tag + Assign Tag)',
    ...SCENARIOS.assignTagByName,
    runs: (sb) =>
      [CHAT_A, CHAT_B].map((number) => async () => {
        const authData = ryzeAuth(sb);
        const found = await ryze<Row[]>(rz.search('find_tag').operation.perform, { authData, inputData: { name: 'Reliability' } });
        const tag = found[0] ?? (await ryze<Row>(rz.create('create_tag').operation.perform, { authData, inputData: { name: 'Reliability' }, meta: { withSearch: 'find_tag' } }));
        return ryze(rz.create('assign_tag').operation.perform, { authData, inputData: { number, tagId: tag.id } });
      }),
  },
  {
    name: 'RyzeAPI New Chat in Tag (list chats)',
    ...SCENARIOS.listTaggedChats,
    runs: (sb) => [0, 1].map(() => step(ryze, rz.trigger('new_chat_in_tag').operation.perform, { authData: ryzeAuth(sb), inputData: { tagId: '2' } })),
    check: (result: Row[]) => (result.map((chat) => chat.id).join() === '2:5511988887777' ? undefined : `not the one chat: ${JSON.stringify(result)}`),
  },
];

/** Zapier runs a step's two runs one after the other; a thrown Zapier error is that run's outcome. */
const ZAPIER: MatrixHost<undefined, ZapierRow> = {
  host: 'zapier',
  load: async () => undefined,
  run: async (sb, row, _loaded, setup) => {
    const items: string[] = [];
    const problems: string[] = [];
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
    return { items, problems };
  },
};

/** The matrix's tests for these rows: all rows start at once, each row's test awaits its cells. */
export const zapierMatrix = (title: string, rows: readonly ZapierRow[]): void => describeFaultMatrix(title, rows, ZAPIER);
