import { RYZEAPI_ENDPOINTS as API } from '../../shared/ryzeapi';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { adminChats, apiFailure, auth, client, rawCall, reset, ROOMY, tagsOfChat } from './ryze-helpers';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox(ROOMY);
});
afterAll(() => t.close());
beforeEach(() => reset(t));

const ANA = '5511988887777@s.whatsapp.net';
const BRUNO = '5521987654321@s.whatsapp.net';
const GROUP = '120363025246125486@g.us';

describe('POST /api/chat/assignTag/:instance', () => {
  it.each([
    ['5511977776666', '5511977776666@s.whatsapp.net'],
    ['5511977776666@s.whatsapp.net', '5511977776666@s.whatsapp.net'],
    ['5511977776666@c.us', '5511977776666@s.whatsapp.net'],
    ['5511977776666:3@s.whatsapp.net', '5511977776666@s.whatsapp.net'],
    ['123456789012345@lid', '123456789012345@lid'],
    ['120363025246125499@g.us', '120363025246125499@g.us'],
    ['5511977776666-1600000000@g.us', '5511977776666-1600000000@g.us'],
    ['120363000000000001@newsletter', '120363000000000001@newsletter'],
  ])('stores number %p under the chat %p', async (number, chatJid) => {
    const raw = await t.http('POST', '/api/chat/assignTag/demo', { ...auth(), body: { number, tagId: '1' } });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ success: true, message: expect.any(String), tag_id: '1' });
    expect(await tagsOfChat(t, chatJid)).toEqual(['1']);
  });

  it('is idempotent, and every spelling of one phone is one chat', async () => {
    const c = client(t);
    await c.assignTag({ number: '+55 (21) 98765-4321', tagId: '1' });
    await c.assignTag({ number: '5521987654321', tagId: '1' });
    await t.http('POST', '/api/chat/assignTag/demo', { ...auth(), body: { number: '5521987654321@c.us', tagId: '1' } });
    await t.http('POST', '/api/chat/assignTag/demo', { ...auth(), body: { number: BRUNO, tagId: '1' } });
    expect(await tagsOfChat(t, BRUNO)).toEqual(['1']);
    expect((await t.dump()).ryze_chat_tags!.filter((row) => row.chat_jid === BRUNO)).toHaveLength(1);
  });

  it('opens a chat the instance has not seen yet', async () => {
    expect(await tagsOfChat(t, '447700900123@s.whatsapp.net')).toBeUndefined();
    await client(t).assignTag({ number: '+44 7700 900123', tagId: '2' });
    expect((await adminChats(t)).find((chat) => chat.chatJid === '447700900123@s.whatsapp.net')).toEqual({ chatJid: '447700900123@s.whatsapp.net', name: null, tagIds: ['2'] });
  });

  it('404 Tag not found for an unknown tag and for a deleted one, assigning nothing', async () => {
    const c = client(t);
    expect(await apiFailure(c.assignTag({ number: '5521987654321', tagId: '77' }))).toMatchObject({ code: 'TAG_NOT_FOUND', status: 404 });
    await c.deleteTag('1');
    expect(await apiFailure(c.assignTag({ number: '5521987654321', tagId: '1' }))).toMatchObject({ code: 'TAG_NOT_FOUND', status: 404 });
    expect(await tagsOfChat(t, BRUNO)).toEqual([]);
  });

  it.each([['+5511977776666'], ['5511 97777 6666'], ['123'], ['status@broadcast'], ['abc@g.us'], ['5511977776666@example.com']])(
    'refuses number %p, which is in none of the documented forms, as a 400 the client reports as BAD_REQUEST',
    async (number) => {
      const error = await apiFailure(rawCall(t)(API.assignTag, ['demo'], { body: { number, tagId: '1' } }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
      expect(error.serviceMessage).toMatch(/^Invalid number/);
    },
  );
});

describe('DELETE /api/chat/assignTag/:instance', () => {
  it('removes the tag from that chat only, and is idempotent', async () => {
    const c = client(t);
    await c.assignTag({ number: GROUP, tagId: '2' });
    await c.unassignTag({ number: '5511988887777', tagId: '2' });
    await c.unassignTag({ number: '5511988887777', tagId: '2' });
    expect(await tagsOfChat(t, ANA)).toEqual([]);
    expect(await tagsOfChat(t, GROUP)).toEqual(['2']);
  });

  it('answers the documented body, reading the number in any accepted form', async () => {
    const raw = await t.http('DELETE', `/api/chat/assignTag/demo?number=${encodeURIComponent('5511988887777@c.us')}&tagId=2`, auth());
    expect(raw).toMatchObject({ status: 200, body: { success: true, tag_id: '2' } });
    expect(await tagsOfChat(t, ANA)).toEqual([]);
  });

  it('removing a tag a chat never had, from a chat never seen, changes nothing and opens no chat', async () => {
    const before = await adminChats(t);
    await client(t).unassignTag({ number: '5531999990000', tagId: '1' });
    expect(await adminChats(t)).toEqual(before);
  });

  it('404 Tag not found for an unknown tag', async () => {
    expect(await apiFailure(client(t).unassignTag({ number: '5511988887777', tagId: '404' }))).toMatchObject({ code: 'TAG_NOT_FOUND' });
    expect(await tagsOfChat(t, ANA)).toEqual(['2']);
  });
});

describe('GET /api/chat/contactsByLabel/:instance', () => {
  beforeEach(async () => {
    const c = client(t);
    await c.assignTag({ number: '5511988887777', tagId: '1' });
    await c.assignTag({ number: GROUP, tagId: '1' });
    // Ana: 1 and 2 (2 is seeded), the group: 1, Bruno: none.
  });

  it('by ids: the chats with any of them, each listing the labels that matched, with totals', async () => {
    const answer = await client(t).chatsByLabel({ labelIds: ['1', 2] });
    expect(answer).toMatchObject({
      success: true,
      chats: [
        { chat_jid: GROUP, name: 'Store team', labels: [{ id: '1', name: 'New customer' }] },
        { chat_jid: ANA, name: 'Ana Souza', labels: [{ id: '1', name: 'New customer' }, { id: '2', name: 'VIP' }] },
      ],
      total_chats: 2,
      total_rows: 3,
      refreshed: false,
      filter_label_ids: ['1', '2'],
    });
  });

  it('by one id: only that label is listed on a chat that has more', async () => {
    const answer = await client(t).chatsByLabel({ labelIds: '2' });
    expect(answer.chats).toEqual([{ chat_jid: ANA, name: 'Ana Souza', labels: [{ id: '2', name: 'VIP' }] }]);
    expect(answer).toMatchObject({ total_chats: 1, total_rows: 1 });
  });

  it('by names, case-insensitively, resolving them to ids', async () => {
    const c = client(t);
    expect(await c.chatsByLabel({ labelNames: 'vip' })).toMatchObject({ chats: [{ chat_jid: ANA }], total_chats: 1, filter_label_ids: ['2'] });
    const both = await c.chatsByLabel({ labelNames: ['NEW CUSTOMER', 'Vip'] });
    expect(both.chats.map((chat) => chat.chat_jid)).toEqual([GROUP, ANA]);
    expect(both).toMatchObject({ total_rows: 3, filter_label_ids: ['1', '2'] });
  });

  it('a name no tag has matches nothing', async () => {
    expect(await client(t).chatsByLabel({ labelNames: 'Nobody' })).toMatchObject({ chats: [], total_chats: 0, total_rows: 0, filter_label_ids: [] });
  });

  it('without a filter: every chat carrying a live label', async () => {
    const raw = await t.http('GET', '/api/chat/contactsByLabel/demo', auth());
    expect(raw.body).toMatchObject({ success: true, total_chats: 2, total_rows: 3, filter_label_ids: null });
    const answer = await client(t).chatsByLabel();
    expect(answer.chats.map((chat) => chat.chat_jid)).toEqual([GROUP, ANA]);
    expect(answer.filter_label_ids).toBeUndefined();
  });

  it('refresh=true is answered as refreshed', async () => {
    expect((await client(t).chatsByLabel({ labelIds: '1', refresh: true })).refreshed).toBe(true);
  });

  it('follows assignments: a deleted tag is gone from every chat', async () => {
    const c = client(t);
    await c.deleteTag('1');
    expect(await c.chatsByLabel()).toMatchObject({ chats: [{ chat_jid: ANA, labels: [{ id: '2' }] }], total_rows: 1 });
    expect(await c.chatsByLabel({ labelNames: 'new customer' })).toMatchObject({ chats: [], filter_label_ids: [] });
  });

  it('reads the account token too, and answers 503 for a disconnected instance', async () => {
    expect((await client(t, { token: DEMO.ryzeAccountToken }).chatsByLabel({ labelIds: '1' })).total_chats).toBe(2);
    const offline = client(t, { token: DEMO.ryzeAccountToken, instance: DEMO.ryzeOfflineInstance });
    expect(await apiFailure(offline.chatsByLabel())).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED', status: 503 });
  });
});
