import './env';
import App from '../../zapier/ryzeapi/src';
import { startTestSandbox, type TestSandbox } from '../sandbox/harness';
import { ROOMY } from '../sandbox/ryze-helpers';
import { appRunner, partsOf, DEMO, ryzeAuth, zapierFailure } from './helpers';

const run = appRunner(App);
const app = partsOf(App);
const newTag = app.trigger('new_tag');
const newChatInTag = app.trigger('new_chat_in_tag');
const createTag = app.create('create_tag');
const deleteTag = app.create('delete_tag');
const assignTag = app.create('assign_tag');
const unassignTag = app.create('unassign_tag');
const findTag = app.search('find_tag');

type Row = Record<string, any>;

describe('Zapier RyzeAPI app against the sandbox (real HTTP through z.request)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox(ROOMY);
  });
  beforeEach(async () => {
    expect((await t.http('POST', '/_sandbox/reset')).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const authData = () => ryzeAuth(t);
  const adminTags = async () => (await t.http('GET', `/_sandbox/ryze/instances/${DEMO.ryzeInstance}/tags`)).body.tags as Row[];
  const tagIdsOf = async (chatJid: string) =>
    ((await t.http('GET', `/_sandbox/ryze/instances/${DEMO.ryzeInstance}/chats`)).body.chats as Row[]).find((c) => c.chatJid === chatJid)?.tagIds;
  const create = (name: string, color?: string, meta: Row = {}) => run<Row>(createTag.operation.perform, { authData: authData(), inputData: { name, ...(color ? { color } : {}) }, meta });

  describe('authentication', () => {
    it('tests the connection by listing the tags, and labels it with the instance name', async () => {
      expect(await run(app.authentication.test, { authData: authData() })).toEqual({ instance: 'demo', tags: 2 });
      expect(app.authentication.connectionLabel).toBe('{{bundle.authData.instance}}');
    });

    it('halts with the core’s hint when the instance is not connected to WhatsApp (503)', async () => {
      const error = await zapierFailure(run(app.authentication.test, { authData: ryzeAuth(t, { instance: DEMO.ryzeOfflineInstance, token: DEMO.ryzeOfflineToken }) }));
      expect(error).toEqual({
        name: 'HaltedError',
        message: 'The RyzeAPI instance is not connected to WhatsApp. Reconnect the instance: open it in the RyzeAPI dashboard and scan the QR code with WhatsApp on the phone.',
      });
    });

    it('reports a token RyzeAPI refuses, without the token', async () => {
      const error = await zapierFailure(run(app.authentication.test, { authData: ryzeAuth(t, { token: 'not-the-right-token' }) }));
      expect(error).toMatchObject({ name: 'AppError', code: 'INVALID_TOKEN', status: 401 });
      expect(error.message).toMatch(/^RyzeAPI did not accept the token\./);
      expect(error.message).not.toContain('not-the-right-token');
    });
  });

  describe('New Tag trigger', () => {
    it('lists the live tags newest first (ids are sequential), with their color names', async () => {
      await create('Follow up', '5');
      await create('Lost');
      const tags = await run<Row[]>(newTag.operation.perform, { authData: authData() });
      expect(tags.map((tag) => tag.id)).toEqual(['4', '3', '2', '1']);
      expect(tags[1]).toMatchObject({ id: '3', name: 'Follow up', color: 5, colorName: 'Mint Green', colorHex: '#55ccb3', deleted: false });
    });

    it('feeds the tag dropdowns and leaves deleted tags out', async () => {
      await run(deleteTag.operation.perform, { authData: authData(), inputData: { tagId: '1' } });
      const tags = await run<Row[]>(newTag.operation.perform, { authData: authData(), meta: { isFillingDynamicDropdown: true } });
      expect(tags.map((tag) => [tag.id, tag.name])).toEqual([['2', 'VIP']]);
    });
  });

  describe('New Chat in Tag trigger', () => {
    it('lists the chats carrying the tag, each with id "<tag id>:<chat>" and its phone', async () => {
      expect(await run(newChatInTag.operation.perform, { authData: authData(), inputData: { tagId: '2' } })).toEqual([
        expect.objectContaining({ id: '2:5511988887777', tagId: '2', tagName: 'VIP', chatId: '5511988887777', chatJid: '5511988887777@s.whatsapp.net', phone: '+5511988887777', name: 'Ana Souza' }),
      ]);

      await run(assignTag.operation.perform, { authData: authData(), inputData: { number: '120363025246125486@g.us', tagId: '2' } });
      const items = await run<Row[]>(newChatInTag.operation.perform, { authData: authData(), inputData: { tagId: '2' } });
      expect(items.map((item) => [item.id, item.phone])).toEqual(
        expect.arrayContaining([
          ['2:5511988887777', '+5511988887777'],
          ['2:120363025246125486@g.us', null],
        ]),
      );
      expect(items).toHaveLength(2);
      expect(await run(newChatInTag.operation.perform, { authData: authData(), inputData: { tagId: '1' } })).toEqual([]);
    });
  });

  describe('Create, Delete, Assign and Unassign Tag', () => {
    it('creates a tag with a palette color chosen by name', async () => {
      expect(createTag.operation.inputFields?.find((f) => (f as { key?: string }).key === 'color')).toMatchObject({
        choices: expect.arrayContaining([{ value: '0', sample: '0', label: 'Coral Red' }, { value: '10', sample: '10', label: 'Cyan' }]),
      });
      const tag = await create('  Follow up ', '8');
      expect(tag).toMatchObject({ id: '3', name: 'Follow up', color: 8, colorName: 'Violet Blue', created: true, colorNormalized: false });
      expect((await adminTags()).find((row) => row.id === '3')).toMatchObject({ name: 'Follow up', color: 8, deleted: false });
    });

    it('says when a color was not a palette color and became Coral Red, as RyzeAPI does', async () => {
      expect(await create('Odd', '42')).toMatchObject({ color: 0, colorName: 'Coral Red', colorNormalized: true });
    });

    it('assigns and unassigns a tag on a chat given in any phone notation; both are idempotent', async () => {
      const jid = '5521987654321@s.whatsapp.net';
      const input = { number: '(21) 98765-4321', tagId: '1', defaultCountry: 'BR' };
      expect(await run(assignTag.operation.perform, { authData: authData(), inputData: input })).toEqual({ id: '1:5521987654321', number: '5521987654321', tagId: '1' });
      await run(assignTag.operation.perform, { authData: authData(), inputData: input });
      expect(await tagIdsOf(jid)).toEqual(['1']);

      expect(await run(unassignTag.operation.perform, { authData: authData(), inputData: input })).toEqual({ id: '1:5521987654321', number: '5521987654321', tagId: '1' });
      await run(unassignTag.operation.perform, { authData: authData(), inputData: input });
      expect(await tagIdsOf(jid)).toEqual([]);
    });

    it('deletes a tag, which also leaves every chat', async () => {
      expect(await tagIdsOf('5511988887777@s.whatsapp.net')).toEqual(['2']);
      expect(await run(deleteTag.operation.perform, { authData: authData(), inputData: { tagId: '2' } })).toMatchObject({ id: '2', deleted: true });
      expect((await adminTags()).find((row) => row.id === '2')).toMatchObject({ deleted: true });
      expect(await tagIdsOf('5511988887777@s.whatsapp.net')).toEqual([]);
    });

    it('names the Zapier fields when the chat or the tag is wrong, and calls nothing', async () => {
      const error = await zapierFailure(run(assignTag.operation.perform, { authData: authData(), inputData: { number: '12', tagId: ' ' } }));
      expect(error).toMatchObject({ name: 'AppError', code: 'VALIDATION_FAILED' });
      expect(error.message).toMatch(/^2 problems: Chat .+; Tag is required$/);
    });

    it('reports a tag RyzeAPI does not know with the core’s message', async () => {
      const error = await zapierFailure(run(assignTag.operation.perform, { authData: authData(), inputData: { number: '5511988887777', tagId: '99' } }));
      expect(error).toMatchObject({ name: 'AppError', code: 'TAG_NOT_FOUND', status: 404, message: expect.stringMatching(/^RyzeAPI has no tag with that id on this instance\./) });
    });
  });

  describe('Find Tag, and Find or Create Tag', () => {
    it('finds a tag by name, ignoring case and spaces; finds nothing for an unknown name', async () => {
      expect(await run(findTag.operation.perform, { authData: authData(), inputData: { name: '  vip ' } })).toEqual([expect.objectContaining({ id: '2', name: 'VIP' })]);
      expect(await run(findTag.operation.perform, { authData: authData(), inputData: { name: 'Nobody' } })).toEqual([]);
    });

    it('find-or-create twice leaves one tag: the search finds what the first create made', async () => {
      const findOrCreate = async (name: string) => {
        const found = await run<Row[]>(findTag.operation.perform, { authData: authData(), inputData: { name } });
        return found[0] ?? create(name, '2', { withSearch: 'find_tag' });
      };
      const first = await findOrCreate('Newsletter');
      const second = await findOrCreate('newsletter');
      expect(first).toMatchObject({ id: '3', name: 'Newsletter', created: true });
      expect(second).toMatchObject({ id: '3', name: 'Newsletter' });
      expect((await adminTags()).filter((tag) => tag.name.toLowerCase() === 'newsletter')).toHaveLength(1);
    });

    it('as the create of a find-or-create, two racing runs still make one tag (the core’s ensureTag)', async () => {
      const results = await Promise.all([create('Race', undefined, { withSearch: 'find_tag' }), create('race', undefined, { withSearch: 'find_tag' })]);
      expect(results.map((r) => r.id)).toEqual(['3', '3']);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect((await adminTags()).filter((tag) => tag.name.toLowerCase() === 'race')).toHaveLength(1);
    });

    it('Create Tag on its own creates, as RyzeAPI does, even a second tag with the same name', async () => {
      await create('Twice');
      await create('Twice');
      expect((await adminTags()).filter((tag) => tag.name === 'Twice').map((tag) => tag.id)).toEqual(['3', '4']);
    });
  });
});
