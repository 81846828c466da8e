import { RYZEAPI_ENDPOINTS as API } from '../../shared/ryzeapi';
import { hashSecret } from '../../sandbox/secret-hash';
import { DEMO, startTestSandbox, type TestSandbox } from './harness';
import { adminTags, apiFailure, asClientError, auth, client, rawCall, reset, ROOMY, ROUTES, seen } from './ryze-helpers';

/*
 * Every documented RyzeAPI error row, asserted as the ApiError code the client reports. Rows the
 * client prevents by checking its inputs first are reached through the client's own endpoints and
 * errors table (`rawCall`), or over plain HTTP and mapped with that table (`asClientError`).
 */

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox(ROOMY);
});
afterAll(() => t.close());
beforeEach(() => reset(t));

const message = (body: { error?: { message?: string } }) => body.error?.message;

describe('400', () => {
  it('Instance name is required → INSTANCE_NAME_REQUIRED', async () => {
    const raw = await t.http('GET', '/api/chat/tag/%20', auth());
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual({ success: false, error: { message: 'Instance name is required' } });
    expect(asClientError(raw).code).toBe('INSTANCE_NAME_REQUIRED');
    expect(await apiFailure(rawCall(t)(API.createTag, ['  '], { body: { name: 'x' } }))).toMatchObject({ code: 'INSTANCE_NAME_REQUIRED', status: 400 });
  });

  it('Invalid request body: a body of another content type is still a 400 → INVALID_REQUEST_BODY', async () => {
    const raw = await t.http('POST', '/api/chat/tag/demo', { ...auth(), raw: Buffer.from('<name>VIP</name>'), contentType: 'application/xml' });
    expect(raw.status).toBe(400);
    expect(asClientError(raw)).toMatchObject({ code: 'INVALID_REQUEST_BODY', status: 400 });
    expect(await adminTags(t)).toHaveLength(2);
  });

  it('Invalid request body: malformed JSON → INVALID_REQUEST_BODY', async () => {
    const raw = await t.http('POST', '/api/chat/tag/demo', { ...auth(), raw: Buffer.from('{"name": "VIP"'), contentType: 'application/json' });
    expect(raw.status).toBe(400);
    expect(message(raw.body)).toMatch(/^Invalid request body: ./);
    expect(asClientError(raw)).toMatchObject({ code: 'INVALID_REQUEST_BODY', status: 400 });
    expect(await adminTags(t)).toHaveLength(2);
  });

  it.each([
    ['no body at all', undefined],
    ['a list', [{ name: 'VIP' }]],
    ['a string', 'VIP'],
    ['a number as the name', { name: 5 }],
  ])('Invalid request body for %s → INVALID_REQUEST_BODY', async (_what, body) => {
    const error = await apiFailure(rawCall(t)(API.createTag, ['demo'], body === undefined ? {} : { body: body as never }));
    expect(error).toMatchObject({ code: 'INVALID_REQUEST_BODY', status: 400 });
    expect(error.serviceMessage).toMatch(/^Invalid request body: /);
  });

  it('Invalid request body on assign: a tagId or number of the wrong JSON type', async () => {
    const call = rawCall(t);
    expect(await apiFailure(call(API.assignTag, ['demo'], { body: { number: '5511988887777', tagId: 1 } }))).toMatchObject({ code: 'INVALID_REQUEST_BODY' });
    expect(await apiFailure(call(API.assignTag, ['demo'], { body: { number: 5511988887777, tagId: '1' } }))).toMatchObject({ code: 'INVALID_REQUEST_BODY' });
  });

  it.each([[{ name: '   ' }], [{ name: null }], [{}], [{ color: 3 }]])('Tag name is required for %p → TAG_NAME_REQUIRED', async (body) => {
    const error = await apiFailure(rawCall(t)(API.createTag, ['demo'], { body }));
    expect(error).toMatchObject({ code: 'TAG_NAME_REQUIRED', status: 400, serviceMessage: 'Tag name is required' });
    expect(await adminTags(t)).toHaveLength(2);
  });

  it('Number is required / tagId is required on assign → CHAT_NUMBER_REQUIRED / TAG_ID_REQUIRED', async () => {
    const call = rawCall(t);
    expect(await apiFailure(call(API.assignTag, ['demo'], { body: { number: ' ', tagId: '1' } }))).toMatchObject({
      code: 'CHAT_NUMBER_REQUIRED',
      serviceMessage: 'Number is required',
    });
    expect(await apiFailure(call(API.assignTag, ['demo'], { body: { tagId: '1' } }))).toMatchObject({ code: 'CHAT_NUMBER_REQUIRED' });
    expect(await apiFailure(call(API.assignTag, ['demo'], { body: { number: '5511988887777', tagId: '' } }))).toMatchObject({
      code: 'TAG_ID_REQUIRED',
      serviceMessage: 'tagId is required',
    });
    // Both missing: the number is checked first.
    expect(await apiFailure(call(API.assignTag, ['demo'], { body: {} }))).toMatchObject({ code: 'CHAT_NUMBER_REQUIRED' });
  });

  it('the unassign DELETE names the missing query parameter; the client maps that wording too', async () => {
    const call = rawCall(t);
    expect(await apiFailure(call(API.unassignTag, ['demo'], { query: { tagId: '2' } }))).toMatchObject({
      code: 'CHAT_NUMBER_REQUIRED',
      serviceMessage: 'number query parameter is required',
    });
    expect(await apiFailure(call(API.unassignTag, ['demo'], { query: { number: '5511988887777', tagId: ' ' } }))).toMatchObject({
      code: 'TAG_ID_REQUIRED',
      serviceMessage: 'tagId query parameter is required',
    });
  });

  it('tagId is required on delete → TAG_ID_REQUIRED', async () => {
    expect(await apiFailure(rawCall(t)(API.deleteTag, ['demo']))).toMatchObject({ code: 'TAG_ID_REQUIRED', status: 400, serviceMessage: 'tagId is required' });
    expect((await adminTags(t)).every((tag) => !tag.deleted)).toBe(true);
  });
});

describe('401 Invalid token', () => {
  it('an unknown token → INVALID_TOKEN, the token never echoed', async () => {
    const error = await apiFailure(client(t, { token: 'ryze-not-a-real-token' }).listTags());
    expect(error).toMatchObject({ code: 'INVALID_TOKEN', status: 401 });
    expect(JSON.stringify(error)).not.toContain('ryze-not-a-real-token');
  });

  it('no token at all', async () => {
    const raw = await t.http('GET', '/api/chat/tag/demo');
    expect(raw).toMatchObject({ status: 401, body: { success: false, error: { message: 'Invalid token' } } });
    expect(asClientError(raw).code).toBe('INVALID_TOKEN');
  });

  it('is decided before the body is read: a bad token with malformed JSON is still a 401', async () => {
    const raw = await t.http('POST', '/api/chat/tag/demo', { headers: { token: 'wrong' }, raw: Buffer.from('{oops'), contentType: 'application/json' });
    expect(raw.status).toBe(401);
  });
});

describe('404', () => {
  it('Instance not found: a name no instance has → INSTANCE_NOT_FOUND', async () => {
    expect(await apiFailure(client(t, { instance: 'nope' }).listTags())).toMatchObject({ code: 'INSTANCE_NOT_FOUND', status: 404 });
    expect(await apiFailure(client(t, { token: DEMO.ryzeAccountToken, instance: 'Demo' }).listTags())).toMatchObject({ code: 'INSTANCE_NOT_FOUND' });
  });

  it("Instance not found: an instance token used on another instance (it does not reveal that one's state)", async () => {
    const error = await apiFailure(client(t, { token: DEMO.ryzeInstanceToken, instance: DEMO.ryzeOfflineInstance }).listTags());
    expect(error).toMatchObject({ code: 'INSTANCE_NOT_FOUND', status: 404 });
  });

  it('Tag not found on delete, assign and unassign → TAG_NOT_FOUND', async () => {
    const c = client(t);
    const calls = [() => c.deleteTag('9'), () => c.assignTag({ number: '5511988887777', tagId: '9' }), () => c.unassignTag({ number: '5511988887777', tagId: '9' })];
    for (const call of calls) {
      expect(await apiFailure(call())).toMatchObject({ code: 'TAG_NOT_FOUND', status: 404, serviceMessage: 'Tag not found' });
    }
  });

  it('an instance name with `%`, `/` and spaces reaches that instance (path decoded once)', async () => {
    const name = '100% Loja/Centro';
    t.sandbox.context.db.run('INSERT INTO ryze_instances (name, account_id, token_hash, connected, next_tag_id) VALUES (?, ?, ?, 1, 1)', [
      name, 'acc_demo', hashSecret('ryze_test_percent_token'),
    ]);
    const c = client(t, { token: DEMO.ryzeAccountToken, instance: name });
    expect((await c.createTag({ name: 'Here' })).tag.id).toBe('1');
    expect((await adminTags(t, name)).map((tag) => tag.name)).toEqual(['Here']);
    expect(await adminTags(t)).toHaveLength(2);
  });
});

describe('503 Instance is not connected to WhatsApp', () => {
  it('→ INSTANCE_NOT_CONNECTED, for the account token and the instance\'s own, and is not retried', async () => {
    for (const token of [DEMO.ryzeAccountToken, DEMO.ryzeOfflineToken]) {
      const error = await apiFailure(client(t, { token, instance: DEMO.ryzeOfflineInstance }).listTags());
      expect(error).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED', status: 503 });
    }
    expect(await seen(t, 'GET', ROUTES.tags)).toEqual(['503', '503']);
  });

  it('comes before body checks: a blank name on a disconnected instance is still a 503', async () => {
    const call = rawCall(t, DEMO.ryzeOfflineToken);
    expect(await apiFailure(call(API.createTag, [DEMO.ryzeOfflineInstance], { body: { name: '' } }))).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED' });
  });

  it('the sandbox switch disconnects and reconnects an instance', async () => {
    const c = client(t);
    const off = await t.http('PATCH', '/_sandbox/ryze/instances/demo', { body: { connected: false } });
    expect(off).toMatchObject({ status: 200, body: { name: 'demo', connected: false } });
    expect(await apiFailure(c.assignTag({ number: '5511988887777', tagId: '1' }))).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED' });
    await t.http('PATCH', '/_sandbox/ryze/instances/demo', { body: { connected: true } });
    expect(await c.listTags()).toHaveLength(2);
  });

  it('the switch refuses an unknown instance and a body without a boolean', async () => {
    expect((await t.http('PATCH', '/_sandbox/ryze/instances/nope', { body: { connected: true } })).status).toBe(404);
    expect((await t.http('PATCH', '/_sandbox/ryze/instances/demo', { body: { connected: 'yes' } })).status).toBe(400);
    expect((await t.http('GET', '/_sandbox/ryze/instances')).body.instances).toEqual([
      { name: 'demo', connected: true, nextTagId: '3' },
      { name: 'offline', connected: false, nextTagId: '1' },
    ]);
  });
});

it('an unknown RyzeAPI route is a RyzeAPI-shaped 404 the client reports as NOT_FOUND', async () => {
  const raw = await t.http('GET', '/api/chat/tags/demo', auth());
  expect(raw).toMatchObject({ status: 404, body: { success: false } });
  expect(asClientError(raw).code).toBe('NOT_FOUND');
});
