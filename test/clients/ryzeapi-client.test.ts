import nock from 'nock';
import { ValidationError } from '../../shared/errors';
import { RateLimiterRegistry } from '../../shared/http';
import { createRyzeApiClient, findTagsByName } from '../../shared/ryzeapi';
import { failure, fastRetry, RYZE_TOKEN, RYZE_URL, useNock } from './helpers';

useNock();

const INSTANCE = 'Loja Centro/1';
const PATH_INSTANCE = encodeURIComponent(INSTANCE);

const client = (options: { instance?: string; token?: string } = {}) =>
  createRyzeApiClient({
    credentials: { token: options.token ?? RYZE_TOKEN, baseUrl: RYZE_URL },
    instance: options.instance ?? INSTANCE,
    retry: fastRetry(),
    rateLimiters: new RateLimiterRegistry(),
  });

const api = () => nock(RYZE_URL, { reqheaders: { token: RYZE_TOKEN }, badheaders: ['authorization'] });

const tag = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, color: 0, type: 'CUSTOM', deleted: false, ...extra });

describe('listTags', () => {
  it('GETs /api/chat/tag/:instance with the token and hides deleted tags unless asked', async () => {
    const body = { success: true, message: 'Tags retrieved successfully', tags: [tag('1', 'Important'), tag('2', 'Old', { deleted: true })], total: 2 };
    const scope = api().get(`/api/chat/tag/${PATH_INSTANCE}`).twice().reply(200, body);

    expect((await client().listTags()).map((t) => t.id)).toEqual(['1']);
    expect((await client().listTags({ includeDeleted: true })).map((t) => t.id)).toEqual(['1', '2']);
    expect(scope.isDone()).toBe(true);
  });

  it('reads numeric ids as strings', async () => {
    api().get(`/api/chat/tag/${PATH_INSTANCE}`).reply(200, { success: true, tags: [{ id: 3, name: 'VIP', color: 5 }] });
    expect(await client().listTags()).toEqual([{ id: '3', name: 'VIP', color: 5, deleted: false }]);
  });

  it('needs an instance name, without a request', () => {
    expect(() => createRyzeApiClient({ credentials: { token: RYZE_TOKEN }, instance: ' ' })).toThrow(ValidationError);
  });
});

describe('createTag', () => {
  it('POSTs the trimmed name and the palette index', async () => {
    const scope = api()
      .post(`/api/chat/tag/${PATH_INSTANCE}`, { name: 'VIP', color: 5 })
      .reply(200, { success: true, message: 'Tag created successfully', tag: tag('3', 'VIP', { color: 5 }) });

    const result = await client().createTag({ name: '  VIP ', color: 'mint green' });

    expect(result).toMatchObject({ tag: { id: '3', name: 'VIP', color: 5 }, colorNormalized: false, color: { color: 5, hex: '#55ccb3' } });
    expect(scope.isDone()).toBe(true);
  });

  it('sends an out-of-range color as 0 and reports that it was normalized', async () => {
    const scope = api().post(`/api/chat/tag/${PATH_INSTANCE}`, { name: 'VIP', color: 0 }).reply(200, { success: true, tag: tag('3', 'VIP') });
    const result = await client().createTag({ name: 'VIP', color: 42 });
    expect(result).toMatchObject({ colorNormalized: true, color: { color: 0, reason: 'out_of_range' } });
    expect(scope.isDone()).toBe(true);
  });

  it('leaves the color out when none is given', async () => {
    const scope = api().post(`/api/chat/tag/${PATH_INSTANCE}`, (body) => JSON.stringify(body) === '{"name":"VIP"}').reply(200, { success: true, tag: tag('3', 'VIP') });
    expect((await client().createTag({ name: 'VIP', color: '' })).colorNormalized).toBe(false);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a blank name without a request', async () => {
    const scope = api().post(/.*/).reply(200, {});
    const error = (await failure(client().createTag({ name: '   ' }))) as ValidationError;
    expect(error.issues.map((i) => i.field)).toEqual(['name']);
    expect(scope.isDone()).toBe(false);
  });
});

describe('deleteTag, assignTag, unassignTag', () => {
  it('DELETEs with tagId in the query', async () => {
    const scope = api()
      .delete(`/api/chat/tag/${PATH_INSTANCE}`)
      .query({ tagId: '3' })
      .reply(200, { success: true, tag: { id: '3', name: '', color: 0, type: '', deleted: true } });
    expect(await client().deleteTag(3)).toMatchObject({ id: '3', deleted: true });
    expect(scope.isDone()).toBe(true);
  });

  it('assigns with { number, tagId } in the body, the number normalized to digits', async () => {
    const scope = api()
      .post(`/api/chat/assignTag/${PATH_INSTANCE}`, { number: '5511999999999', tagId: '2' })
      .reply(200, { success: true, message: 'Tag assigned successfully', tag_id: '2' });
    expect(await client().assignTag({ number: '+55 (11) 99999-9999', tagId: '2' })).toEqual({ number: '5511999999999', tagId: '2' });
    expect(scope.isDone()).toBe(true);
  });

  it('unassigns with number and tagId in the query, keeping a group JID as is', async () => {
    const scope = api()
      .delete(`/api/chat/assignTag/${PATH_INSTANCE}`)
      .query({ number: '120363025246125486@g.us', tagId: '2' })
      .reply(200, { success: true, message: 'Tag removed successfully', tag_id: '2' });
    await client().unassignTag({ number: '120363025246125486@g.us', tagId: '2' });
    expect(scope.isDone()).toBe(true);
  });

  it('reports a bad number and a missing tag id together, without a request', async () => {
    const scope = api().post(/.*/).reply(200, {});
    const error = (await failure(client().assignTag({ number: '12', tagId: '' }))) as ValidationError;
    expect(error.issues.map((i) => i.field)).toEqual(['number', 'tagId']);
    expect(scope.isDone()).toBe(false);
  });
});

describe('chatsByLabel', () => {
  const answer = { success: true, chats: [{ chat_jid: '5511999999999@s.whatsapp.net', labels: [{ id: '1', name: 'VIP' }], name: 'Ana' }], total_chats: 1, total_rows: 1, refreshed: true };

  it('filters by ids (joined with commas)', async () => {
    const scope = api().get(`/api/chat/contactsByLabel/${PATH_INSTANCE}`).query({ labelIds: '1,2' }).reply(200, answer);
    expect(await client().chatsByLabel({ labelIds: [1, '2'] })).toMatchObject({ total_chats: 1, chats: [{ name: 'Ana' }] });
    expect(scope.isDone()).toBe(true);
  });

  it('filters by names with refresh=true', async () => {
    const scope = api().get(`/api/chat/contactsByLabel/${PATH_INSTANCE}`).query({ labelNames: 'VIP,Support', refresh: 'true' }).reply(200, answer);
    await client().chatsByLabel({ labelNames: 'VIP, Support', refresh: true });
    expect(scope.isDone()).toBe(true);
  });

  it('asks for every labelled chat when no filter is given', async () => {
    const scope = api().get(`/api/chat/contactsByLabel/${PATH_INSTANCE}`).query({}).reply(200, { success: true, chats: [] });
    expect((await client().chatsByLabel()).chats).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses ids and names together, and a name with a comma', async () => {
    const error = (await failure(client().chatsByLabel({ labelNames: ['VIP', 'a,b'] }))) as ValidationError;
    expect(error.issues.map((i) => i.rule)).toEqual(['label.comma']);
    const both = (await failure(client().chatsByLabel({ labelIds: '1', labelNames: 'VIP' }))) as ValidationError;
    expect(both.issues.map((i) => i.rule)).toEqual(['labels.both']);
  });
});

/** A stateful fake of the tag endpoints, counting creates. */
function fakeTagServer(initial: ReturnType<typeof tag>[] = [], instance = PATH_INSTANCE) {
  const state = { tags: [...initial], creates: 0, deletes: [] as string[], assigns: [] as unknown[], unassigns: [] as unknown[], nextId: 10 };
  api()
    .persist()
    .get(`/api/chat/tag/${instance}`)
    .reply(200, () => ({ success: true, tags: state.tags, total: state.tags.length }))
    .post(`/api/chat/tag/${instance}`)
    .reply(200, (_, body) => {
      state.creates += 1;
      const created = tag(String(state.nextId++), (body as { name: string }).name, { color: (body as { color?: number }).color ?? 0 });
      state.tags.push(created);
      return { success: true, tag: created };
    })
    .delete(`/api/chat/tag/${instance}`)
    .query(true)
    .reply(200, (uri) => {
      const id = new URL(uri, RYZE_URL).searchParams.get('tagId')!;
      state.deletes.push(id);
      state.tags = state.tags.filter((t) => t.id !== id);
      return { success: true, tag: { id, deleted: true } };
    })
    .post(`/api/chat/assignTag/${instance}`)
    .reply(200, (_, body) => (state.assigns.push(body), { success: true, tag_id: (body as { tagId: string }).tagId }))
    .delete(`/api/chat/assignTag/${instance}`)
    .query(true)
    .reply(200, (uri) => (state.unassigns.push(Object.fromEntries(new URL(uri, RYZE_URL).searchParams)), { success: true }));
  return state;
}

describe('findTagsByName', () => {
  it('matches trimmed and case-insensitively, skips deleted tags, oldest (smallest id) first', () => {
    const tags = [tag('12', 'vip'), tag('3', 'VIP', { deleted: true }), tag('9', ' Vip '), tag('4', 'vips')];
    expect(findTagsByName(tags, 'VIP').map((t) => t.id)).toEqual(['9', '12']);
  });
});

describe('ensureTag', () => {
  it('finds an existing tag by trimmed, case-insensitive name, ignoring deleted ones', async () => {
    const server = fakeTagServer([tag('1', 'vip', { deleted: true }), tag('2', ' VIP ')]);
    const result = await client().ensureTag('Vip');
    expect(result).toMatchObject({ tag: { id: '2' }, created: false });
    expect(server.creates).toBe(0);
  });

  it('creates once under 5 concurrent calls: one POST, one tag, one "created"', async () => {
    const server = fakeTagServer([tag('1', 'Other')]);
    const c = client();

    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => c.ensureTag(i % 2 ? 'vip' : ' VIP', 5)));

    expect(server.creates).toBe(1);
    expect(server.tags.filter((t) => t.name.toLowerCase() === 'vip')).toHaveLength(1);
    expect(new Set(results.map((r) => r.tag.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it('shares the work across two clients of the same instance and token', async () => {
    const server = fakeTagServer();
    const [a, b] = await Promise.all([client().ensureTag('VIP'), client().ensureTag('vip')]);
    expect(server.creates).toBe(1);
    expect(a.tag.id).toBe(b.tag.id);
  });

  it('does not create again when called twice in a row', async () => {
    const server = fakeTagServer();
    const first = await client().ensureTag('VIP', 'cyan');
    const second = await client().ensureTag('vip');
    expect(server.creates).toBe(1);
    expect(first).toMatchObject({ created: true, tag: { color: 10 } });
    expect(second).toMatchObject({ created: false, tag: { id: first.tag.id } });
  });

  it('when another process created the same name meanwhile, keeps the older tag and deletes its own', async () => {
    // The other process's tag appears between our lookup and our create. Declared first: nock
    // tries interceptors in order, and the fake server's are persistent.
    nock(RYZE_URL)
      .get(`/api/chat/tag/${PATH_INSTANCE}`)
      .reply(200, () => {
        const answer = { success: true, tags: [...server.tags] };
        server.tags.push(tag('8', 'VIP'));
        return answer;
      });
    const server = fakeTagServer();
    const result = await client().ensureTag('VIP');
    expect(result).toMatchObject({ tag: { id: '8' }, created: false, discardedDuplicateId: '10' });
    expect(server.deletes).toEqual(['10']);
    expect(server.tags.map((t) => t.id)).toEqual(['8']);
  });
});

describe('assignTagByName / unassignTagByName', () => {
  it('creates the tag when absent, then assigns it', async () => {
    const server = fakeTagServer();
    const result = await client().assignTagByName({ number: '5511999999999@s.whatsapp.net', name: 'VIP', color: 99 });
    expect(result).toMatchObject({ number: '5511999999999', tagId: '10', tagCreated: true, colorNormalized: true });
    expect(server.assigns).toEqual([{ number: '5511999999999', tagId: '10' }]);
  });

  it('unassigning an absent tag is a no-op that says so and creates nothing', async () => {
    const server = fakeTagServer([tag('1', 'Other')]);
    const result = await client().unassignTagByName({ number: '5511999999999', name: 'VIP' });
    expect(result).toMatchObject({ unassigned: false, reason: 'TAG_NOT_FOUND' });
    expect(result.unassigned === false && result.message).toContain('VIP');
    expect(server.creates).toBe(0);
    expect(server.unassigns).toEqual([]);
  });

  it('unassigns a present tag by its id', async () => {
    const server = fakeTagServer([tag('4', 'VIP')]);
    const result = await client().unassignTagByName({ number: '+55 11 99999-9999', name: 'vip' });
    expect(result).toMatchObject({ unassigned: true, tagId: '4' });
    expect(server.unassigns).toEqual([{ number: '5511999999999', tagId: '4' }]);
  });

  it('validates the number before any request', async () => {
    const server = fakeTagServer();
    await expect(client().assignTagByName({ number: 'abc', name: 'VIP' })).rejects.toBeInstanceOf(ValidationError);
    expect(server.creates).toBe(0);
    expect(server.assigns).toEqual([]);
  });
});
