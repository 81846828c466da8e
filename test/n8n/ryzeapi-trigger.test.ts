/**
 * The RyzeAPI Trigger (n8n/nodes/RyzeApiTrigger) as n8n polls it: the built package loaded by
 * n8n-core's loader, poll() run through n8n-core's PollContext and TriggersAndPollers, each
 * poll's static data fed into the next as an active workflow keeps it, against the sandbox.
 */

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { RYZEAPI_ERRORS } from '../../shared/ryzeapi';
import { DEMO, startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { loadBuiltPack, runPoll, type LoadedPackage, type RunPollResult } from './harness';

const TRIGGER = 'RyzeAPI Trigger';
const SECRETS = [DEMO.ryzeInstanceToken, DEMO.ryzeAccountToken, DEMO.ryzeOfflineToken];

const ANA = '5511988887777@s.whatsapp.net';
const BRUNO = '5521987654321@s.whatsapp.net';
const STORE_GROUP = '120363025246125486@g.us';
/** Every digit run of a chat id the sandbox knows: none may appear in the trigger's memory. */
const CHAT_DIGITS = ['5511988887777', '5521987654321', '120363025246125486', '5531977776666'];

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

/** The test's own client (the account token: its requests do not share the node's rate budget). */
const service = () => sb.ryze({ token: DEMO.ryzeAccountToken });

const watch = (...tagIds: string[]) => ({ tag: tagIds.map((value) => ({ tag: { __rl: true, mode: 'list', value } })) });

interface PollOptions {
  mode?: 'trigger' | 'manual';
  staticData?: IDataObject;
  credentials?: ReturnType<typeof credentials>;
}

/** One poll; asserts that neither its items nor its memory hold a token or a phone number. */
async function poll(parameters: INodeParameters, options: PollOptions = {}): Promise<RunPollResult> {
  const result = await runPoll({
    pkg,
    node: { name: TRIGGER, type: pkg.typeName('ryzeApiTrigger'), parameters },
    credentials: options.credentials ?? credentials(),
    mode: options.mode ?? 'trigger',
    ...(options.staticData !== undefined ? { staticData: options.staticData } : {}),
  });
  const memory = JSON.stringify(result.staticData);
  for (const secret of SECRETS) {
    expect(memory).not.toContain(secret);
    expect(JSON.stringify(result.items ?? [])).not.toContain(secret);
  }
  for (const digits of CHAT_DIGITS) expect(memory).not.toContain(digits);
  expect(memory).not.toMatch(/@(s\.whatsapp\.net|g\.us|lid|c\.us)/);
  return result;
}

const json = (result: RunPollResult): IDataObject[] => {
  expect(result.items).not.toBeNull();
  const [first] = result.items as INodeExecutionData[][];
  return (first ?? []).map((item) => item.json);
};

/** The trigger's own slice of the workflow's static data. */
const memoryOf = (result: RunPollResult) => result.staticData[`node:${TRIGGER}`] as IDataObject | undefined;

// ---------------------------------------------------------------------------------------------

describe('New Tag', () => {
  const newTag = { event: 'newTag' };

  it('records the tags on the first poll, emits exactly the new one on the next, then nothing', async () => {
    const first = await poll(newTag);
    expect(first.items).toBeNull();
    expect(first.staticDataChanged).toBe(true);
    expect(memoryOf(first)).toEqual(expect.objectContaining({ event: 'newTag', tagIds: ['1', '2'] }));

    const quiet = await poll(newTag, { staticData: first.staticData });
    expect(quiet.items).toBeNull();

    await service().createTag({ name: 'Leads', color: 8 });
    const second = await poll(newTag, { staticData: quiet.staticData });
    expect(json(second)).toEqual([
      expect.objectContaining({ event: 'newTag', id: '3', name: 'Leads', color: 8, colorName: 'Violet Blue', deleted: false }),
    ]);
    expect(memoryOf(second)?.tagIds).toEqual(['1', '2', '3']);

    const third = await poll(newTag, { staticData: second.staticData });
    expect(third.items).toBeNull();
    // Nothing new: the memory is left as it was (n8n saves it only when it changes).
    expect(third.staticDataChanged).toBe(false);
    expect(third.staticData).toEqual(second.staticData);
  });

  it('emits every tag created between two polls, oldest first, and not a deleted one', async () => {
    const first = await poll(newTag);
    await service().createTag({ name: 'A' });
    await service().createTag({ name: 'B' });
    await service().deleteTag('1');
    const second = await poll(newTag, { staticData: first.staticData });
    expect(json(second).map((item) => [item.id, item.name])).toEqual([
      ['3', 'A'],
      ['4', 'B'],
    ]);
    expect(memoryOf(second)?.tagIds).toEqual(['2', '3', '4']);
  });

  it('returns the newest tags in manual mode, without touching the memory', async () => {
    for (const name of ['A', 'B', 'C']) await service().createTag({ name });
    const manual = await poll(newTag, { mode: 'manual' });
    expect(json(manual).map((item) => item.name)).toEqual(['C', 'B', 'A']);
    expect(memoryOf(manual) ?? {}).toEqual({});

    // And an active workflow's first poll after a manual test still emits nothing.
    const first = await poll(newTag, { staticData: manual.staticData });
    expect(first.items).toBeNull();
  });
});

describe('Chat Added to Tag', () => {
  const chatAdded = (tags: INodeParameters = {}): INodeParameters => ({ event: 'chatAddedToTag', tags });

  it('records the chats on the first poll, emits exactly the chat added to the watched tag, then nothing', async () => {
    const parameters = chatAdded(watch('2'));
    const first = await poll(parameters);
    expect(first.items).toBeNull();
    const memory = memoryOf(first);
    expect(memory).toEqual(expect.objectContaining({ event: 'chatAddedToTag', watched: ['2'] }));
    expect(memory?.seen).toHaveLength(1);

    await service().assignTag({ number: '+55 21 98765-4321', tagId: '2' });
    await service().assignTag({ number: STORE_GROUP, tagId: '1' }); // not a watched tag
    const second = await poll(parameters, { staticData: first.staticData });
    expect(json(second)).toEqual([
      {
        event: 'chatAddedToTag',
        chatId: BRUNO,
        destination: '+5521987654321',
        destinationType: 'PHONE',
        name: 'Bruno Lima',
        labels: [{ id: '2', name: 'VIP' }],
        tag: { id: '2', name: 'VIP' },
      },
    ]);
    expect(memoryOf(second)?.seen).toHaveLength(2);

    const third = await poll(parameters, { staticData: second.staticData });
    expect(third.items).toBeNull();
    expect(third.staticDataChanged).toBe(false);
  });

  it('watches every tag when none is chosen, including tags created later, one item per chat and tag', async () => {
    const first = await poll(chatAdded());
    expect(first.items).toBeNull();

    const { tag } = await service().createTag({ name: 'Hot lead' });
    await service().assignTag({ number: STORE_GROUP, tagId: tag.id });
    await service().assignTag({ number: ANA, tagId: '1' });
    const second = await poll(chatAdded(), { staticData: first.staticData });
    expect(json(second).map((item) => [item.chatId, item.destination, (item.tag as IDataObject).name])).toEqual([
      [STORE_GROUP, STORE_GROUP, 'Hot lead'],
      [ANA, '+5511988887777', 'New customer'],
    ]);
  });

  it('fires again when a chat loses the tag and gets it back', async () => {
    const parameters = chatAdded(watch('2'));
    const first = await poll(parameters);
    await service().unassignTag({ number: ANA, tagId: '2' });
    const removed = await poll(parameters, { staticData: first.staticData });
    expect(removed.items).toBeNull();
    await service().assignTag({ number: ANA, tagId: '2' });
    const back = await poll(parameters, { staticData: removed.staticData });
    expect(json(back).map((item) => item.chatId)).toEqual([ANA]);
  });

  it('records, without emitting, the chats of a tag added to the watch list', async () => {
    const first = await poll(chatAdded(watch('2')));
    await service().assignTag({ number: BRUNO, tagId: '1' });
    // Tag 1 joins the watch list: Bruno was already in it, which is not news.
    const widened = await poll(chatAdded(watch('2', '1')), { staticData: first.staticData });
    expect(widened.items).toBeNull();
    expect(memoryOf(widened)?.watched).toEqual(['2', '1']);

    await service().assignTag({ number: ANA, tagId: '1' });
    const next = await poll(chatAdded(watch('2', '1')), { staticData: widened.staticData });
    expect(json(next).map((item) => [item.chatId, (item.tag as IDataObject).id])).toEqual([[ANA, '1']]);
  });

  it('returns the newest chats in manual mode, unseen ones first, without touching the memory', async () => {
    const parameters = chatAdded(watch('1', '2'));
    const first = await poll(parameters);
    await service().assignTag({ number: STORE_GROUP, tagId: '1' });
    const manual = await poll(parameters, { mode: 'manual', staticData: first.staticData });
    expect(json(manual).map((item) => [item.chatId, (item.tag as IDataObject).id])).toEqual([
      [STORE_GROUP, '1'],
      [ANA, '2'],
    ]);
    expect(manual.staticData).toEqual(first.staticData);

    // The active workflow still gets the group on its next poll.
    const next = await poll(parameters, { staticData: manual.staticData });
    expect(json(next).map((item) => item.chatId)).toEqual([STORE_GROUP]);
  });

  it('keeps no phone number, chat id or token in its memory, only keyed hashes', async () => {
    await service().assignTag({ number: BRUNO, tagId: '2' });
    await service().assignTag({ number: '+55 31 97777-6666', tagId: '2' });
    const first = await poll(chatAdded(watch('2')));
    const memory = memoryOf(first) as { seen: string[]; source: string };
    expect(memory.seen).toHaveLength(3);
    for (const hash of [...memory.seen, memory.source]) expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const text = JSON.stringify(first.staticData);
    // (poll() has already checked every chat's digits and JID servers; here the wider rule.)
    expect(text).not.toMatch(/\d{8,}/);
    expect(text).not.toContain(sb.sandbox.ryzeApiUrl);
  });

  it('keys the hashes with the token: another credential starts over instead of re-emitting', async () => {
    const parameters = chatAdded(watch('2'));
    const first = await poll(parameters);
    const other = await poll(parameters, { staticData: first.staticData, credentials: credentials({ token: DEMO.ryzeAccountToken }) });
    expect(other.items).toBeNull();
    const [a, b] = [memoryOf(first) as { seen: string[]; source: string }, memoryOf(other) as { seen: string[]; source: string }];
    expect(b.source).not.toBe(a.source);
    expect(b.seen).toHaveLength(1);
    expect(b.seen[0]).not.toBe(a.seen[0]);
  });
});

describe('errors', () => {
  it('fails the poll with the core message and hint when the instance is disconnected', async () => {
    const rule = RYZEAPI_ERRORS.find((entry) => entry.code === 'INSTANCE_NOT_CONNECTED');
    await sb.http('PATCH', '/_sandbox/ryze/instances/demo', { body: { connected: false } });
    for (const event of ['newTag', 'chatAddedToTag']) {
      const error = (await poll({ event }).catch((caught: unknown) => caught)) as { name: string; message: string; description: string; httpCode: string };
      expect(error).toEqual(expect.objectContaining({ name: 'NodeApiError', message: rule?.message, description: rule?.hint, httpCode: '503' }));
      for (const secret of SECRETS) expect(JSON.stringify({ ...error, stack: (error as unknown as Error).stack })).not.toContain(secret);
    }
  });

  it('fails the same way on the offline demo instance', async () => {
    const offline = credentials({ instance: DEMO.ryzeOfflineInstance, token: DEMO.ryzeOfflineToken });
    const error = await poll({ event: 'newTag' }, { credentials: offline, staticData: { kept: true } }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(RYZEAPI_ERRORS.find((entry) => entry.code === 'INSTANCE_NOT_CONNECTED')?.message);
  });
});
