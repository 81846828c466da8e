import { RYZEAPI_ENDPOINTS as API } from '../../shared/ryzeapi';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { adminChats, adminTags, apiFailure, auth, client, rawCall, reset, ROOMY, ROUTES, seen } from './ryze-helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox(ROOMY);
});
afterAll(() => t.close());
beforeEach(() => reset(t));

const SEEDED = [
  { id: '1', name: 'New customer', color: 1, type: 'CUSTOM', deleted: false },
  { id: '2', name: 'VIP', color: 5, type: 'CUSTOM', deleted: false },
];

describe('GET /api/chat/tag/:instance', () => {
  it('answers the documented envelope with the seeded tags', async () => {
    const raw = await t.http('GET', '/api/chat/tag/demo', auth());
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ success: true, message: expect.any(String), tags: SEEDED, total: 2 });
    expect(await client(t).listTags()).toEqual(SEEDED);
  });

  it('accepts the account token and the instance token, in `token` or `Authorization` (with or without Bearer)', async () => {
    const headers: Record<string, string>[] = [
      { token: DEMO.ryzeAccountToken },
      { authorization: DEMO.ryzeInstanceToken },
      { authorization: `Bearer ${DEMO.ryzeAccountToken}` },
    ];
    for (const h of headers) expect((await t.http('GET', '/api/chat/tag/demo', { headers: h })).status).toBe(200);
    expect(await client(t, { token: DEMO.ryzeAccountToken }).listTags()).toHaveLength(2);
  });
});

describe('POST /api/chat/tag/:instance', () => {
  it('allocates sequential string ids and is not idempotent: the same name twice makes two tags', async () => {
    const c = client(t);
    const first = await c.createTag({ name: 'Leads' });
    const second = await c.createTag({ name: 'Leads' });
    expect(first.tag).toEqual({ id: '3', name: 'Leads', color: 0, type: 'CUSTOM', deleted: false });
    expect(second.tag.id).toBe('4');
    expect((await c.listTags()).filter((tag) => tag.name === 'Leads').map((tag) => tag.id)).toEqual(['3', '4']);
  });

  it('keeps one counter per instance', async () => {
    await t.http('PATCH', '/_sandbox/ryze/instances/offline', { body: { connected: true } });
    const offline = client(t, { token: DEMO.ryzeAccountToken, instance: DEMO.ryzeOfflineInstance });
    expect((await offline.createTag({ name: 'First there' })).tag.id).toBe('1');
    expect((await client(t).createTag({ name: 'Third here' })).tag.id).toBe('3');
  });

  it('answers the documented body and trims the name itself (not only the client)', async () => {
    const raw = await t.http('POST', '/api/chat/tag/demo', { ...auth(), body: { name: '  Leads \t' } });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ success: true, message: expect.any(String), tag: { id: '3', name: 'Leads', color: 0, type: 'CUSTOM', deleted: false } });
  });

  it.each([
    [5, 5],
    [0, 0],
    [10, 10],
    [11, 0],
    [-1, 0],
    [42, 0],
    [null, 0],
    [undefined, 0],
  ])('stores color %p as %p (out of range silently becomes 0)', async (color, stored) => {
    const raw = await t.http('POST', '/api/chat/tag/demo', { ...auth(), body: { name: 'Painted', color } });
    expect(raw.status).toBe(200);
    expect(raw.body.tag.color).toBe(stored);
    expect((await adminTags(t)).find((tag) => tag.id === raw.body.tag.id)?.color).toBe(stored);
  });

  it.each([['5'], [2.5], [true], [{ index: 5 }]])('refuses color %p, a value a Go int field cannot hold, as an invalid body', async (color) => {
    const error = await apiFailure(rawCall(t)(API.createTag, ['demo'], { body: { name: 'Painted', color } }));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST_BODY', status: 400 });
    expect(error.serviceMessage).toMatch(/^Invalid request body: .*color/);
    expect(await adminTags(t)).toHaveLength(2);
  });

  it('through the client: a palette name becomes its index, an out-of-range color is sent as 0 and reported', async () => {
    const c = client(t);
    expect(await c.createTag({ name: 'Cyan one', color: 'cyan' })).toMatchObject({ tag: { color: 10 }, colorNormalized: false });
    expect(await c.createTag({ name: 'Odd one', color: 42 })).toMatchObject({ tag: { color: 0 }, colorNormalized: true });
    expect((await adminTags(t)).map((tag) => tag.color)).toEqual([1, 5, 10, 0]);
  });
});

describe('DELETE /api/chat/tag/:instance', () => {
  it('answers the tag as deleted and takes it off every chat', async () => {
    const c = client(t);
    await c.assignTag({ number: '5521987654321', tagId: '2' });
    await c.assignTag({ number: '120363025246125486@g.us', tagId: '2' });
    await c.assignTag({ number: '120363025246125486@g.us', tagId: '1' });

    expect(await c.deleteTag('2')).toEqual({ id: '2', name: '', color: 0, type: '', deleted: true });

    expect((await adminChats(t)).map((chat) => [chat.chatJid, chat.tagIds])).toEqual([
      ['120363025246125486@g.us', ['1']],
      ['5511988887777@s.whatsapp.net', []],
      ['5521987654321@s.whatsapp.net', []],
    ]);
    expect((await c.chatsByLabel({ labelIds: '2' })).chats).toEqual([]);
  });

  it('a deleted tag lingers in the list (deleted: true, no name) for 60 s of sandbox clock, then the sync drops it', async () => {
    const c = client(t);
    await c.deleteTag('2');
    expect(await c.listTags()).toEqual([SEEDED[0]]);
    expect(await c.listTags({ includeDeleted: true })).toEqual([SEEDED[0], { id: '2', name: '', color: 0, type: '', deleted: true }]);

    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: 59_000 } });
    expect((await c.listTags({ includeDeleted: true })).map((tag) => tag.id)).toEqual(['1', '2']);
    await t.http('POST', '/_sandbox/clock', { body: { advanceMs: 2_000 } });
    expect((await c.listTags({ includeDeleted: true })).map((tag) => tag.id)).toEqual(['1']);

    // The sandbox still knows it, and never reuses its id.
    expect((await adminTags(t)).find((tag) => tag.id === '2')).toMatchObject({ name: 'VIP', deleted: true, listed: false });
    expect((await c.createTag({ name: 'VIP' })).tag.id).toBe('3');
  });

  it('404 Tag not found for an unknown id and for one already deleted', async () => {
    const c = client(t);
    expect(await apiFailure(c.deleteTag('99'))).toMatchObject({ code: 'TAG_NOT_FOUND', status: 404 });
    await c.deleteTag('1');
    expect(await apiFailure(c.deleteTag('1'))).toMatchObject({ code: 'TAG_NOT_FOUND', status: 404 });
  });
});

describe('ensureTag against the sandbox', () => {
  it('5 concurrent calls for one name leave exactly one tag with that name, created by one POST', async () => {
    const c = client(t);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => c.ensureTag(i % 2 ? 'promo' : ' Promo ', 3)));

    const promos = (await adminTags(t)).filter((tag) => tag.name.toLowerCase() === 'promo');
    expect(promos).toHaveLength(1);
    expect(promos[0]).toMatchObject({ color: 3, deleted: false });
    expect(new Set(results.map((r) => r.tag.id))).toEqual(new Set([promos[0]!.id]));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await seen(t, 'POST', ROUTES.tags)).toEqual(['200']);
  });

  it('finds an existing tag by case-insensitive name without creating one', async () => {
    expect(await client(t).ensureTag('vip')).toMatchObject({ tag: { id: '2', name: 'VIP' }, created: false });
    expect(await seen(t, 'POST', ROUTES.tags)).toEqual([]);
  });

  it('assignTagByName creates the tag once and assigns it; unassignTagByName removes it', async () => {
    const c = client(t);
    const assigned = await c.assignTagByName({ number: '+55 21 98765-4321', name: 'Returning', color: 7 });
    expect(assigned).toMatchObject({ number: '5521987654321', tagId: '3', tagCreated: true });
    const again = await c.assignTagByName({ number: '5521987654321@s.whatsapp.net', name: 'returning' });
    expect(again).toMatchObject({ tagId: '3', tagCreated: false });
    expect((await adminChats(t)).find((chat) => chat.chatJid === '5521987654321@s.whatsapp.net')?.tagIds).toEqual(['3']);

    expect(await c.unassignTagByName({ number: '5521987654321', name: 'RETURNING' })).toMatchObject({ unassigned: true, tagId: '3' });
    expect((await adminChats(t)).find((chat) => chat.chatJid === '5521987654321@s.whatsapp.net')?.tagIds).toEqual([]);
    expect(await c.unassignTagByName({ number: '5521987654321', name: 'Never made' })).toMatchObject({ unassigned: false, reason: 'TAG_NOT_FOUND' });
    expect(await adminTags(t)).toHaveLength(3);
  });
});
