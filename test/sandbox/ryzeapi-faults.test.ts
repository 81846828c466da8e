import { NetworkError } from '../../shared/errors';
import { startTestSandbox, type TestSandbox } from './harness';
import { adminTags, apiFailure, client, reset, ROOMY, ROUTES, seen, tagsOfChat } from './ryze-helpers';

/** What the client repeats after a failure, and what it must not, against injected faults. */

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox(ROOMY);
});
afterAll(() => t.close());
beforeEach(() => reset(t));

const inject = async (fault: Record<string, unknown>) => {
  const added = await t.http('POST', '/_sandbox/faults', { body: fault });
  if (added.status !== 201) throw new Error(`fault refused: ${JSON.stringify(added.body)}`);
};

// What a proxy in front of RyzeAPI answers while it restarts: a 503 that clears by itself.
const UPSTREAM_503 = { success: false, error: { message: 'Service temporarily unavailable' } };

it('503 twice on GET tags, then success: listTags retries and gets the tags', async () => {
  await inject({ method: 'GET', route: ROUTES.tags, status: 503, count: 2, body: UPSTREAM_503 });
  expect((await client(t).listTags()).map((tag) => tag.id)).toEqual(['1', '2']);
  expect(await seen(t, 'GET', ROUTES.tags)).toEqual(['503 respond', '503 respond', '200']);
});

it('503 "Instance is not connected" is not retried: it will not clear in seconds', async () => {
  await inject({ method: 'GET', route: ROUTES.tags, status: 503, count: 2 });
  expect(await apiFailure(client(t).listTags())).toMatchObject({ code: 'INSTANCE_NOT_CONNECTED' });
  expect(await seen(t, 'GET', ROUTES.tags)).toEqual(['503 respond']);
});

it('a 500 on create is not retried: one request, SERVER_ERROR, no tag', async () => {
  await inject({ method: 'POST', route: ROUTES.tags, status: 500, count: 3 });
  expect(await apiFailure(client(t).createTag({ name: 'Once' }))).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
  expect(await seen(t, 'POST', ROUTES.tags)).toEqual(['500 respond']);
  expect(await adminTags(t)).toHaveLength(2);
});

it('a create whose answer is lost is not repeated: the tag exists once and the error says it may have been received', async () => {
  await inject({ method: 'POST', route: ROUTES.tags, mode: 'drop_after' });
  const error = await apiFailure(client(t).createTag({ name: 'Maybe' }));
  expect(error).toBeInstanceOf(NetworkError);
  expect(error).toMatchObject({ code: 'NETWORK', reachedServer: true });
  expect((await adminTags(t)).filter((tag) => tag.name === 'Maybe')).toHaveLength(1);
  expect(await seen(t, 'POST', ROUTES.tags)).toEqual(['0 drop_after']);
});

it('a dropped connection on assign (idempotent) is retried; the chat ends up assigned once', async () => {
  await inject({ method: 'POST', route: ROUTES.assign, mode: 'drop' });
  expect(await client(t).assignTag({ number: '5521987654321', tagId: '1' })).toEqual({ number: '5521987654321', tagId: '1' });
  expect(await seen(t, 'POST', ROUTES.assign)).toEqual(['0 drop', '200']);
  expect(await tagsOfChat(t, '5521987654321@s.whatsapp.net')).toEqual(['1']);
  expect((await t.dump()).ryze_chat_tags!.filter((row) => row.chat_jid === '5521987654321@s.whatsapp.net')).toHaveLength(1);
});

it('an assign whose answer is lost after it took effect is retried harmlessly: still assigned once', async () => {
  await inject({ method: 'POST', route: ROUTES.assign, mode: 'drop_after' });
  await client(t).assignTag({ number: '120363025246125486@g.us', tagId: '2' });
  expect(await seen(t, 'POST', ROUTES.assign)).toEqual(['0 drop_after', '200']);
  expect((await t.dump()).ryze_chat_tags!.filter((row) => row.chat_jid === '120363025246125486@g.us')).toHaveLength(1);
});

it('an unassign dropped twice is retried until it goes through', async () => {
  await inject({ method: 'DELETE', route: ROUTES.assign, mode: 'drop', count: 2 });
  await client(t).unassignTag({ number: '5511988887777', tagId: '2' });
  expect(await seen(t, 'DELETE', ROUTES.assign)).toEqual(['0 drop', '0 drop', '200']);
  expect(await tagsOfChat(t, '5511988887777@s.whatsapp.net')).toEqual([]);
});

/*
 * DELETE tag is idempotent, so a delete whose answer was lost is repeated; the repeat meets
 * 404 Tag not found because the first attempt did delete it. The client reads that 404 as
 * "already done" — only because an earlier attempt may have landed.
 */
it('a delete whose answer is lost succeeds: the retry meets 404 and the tag is gone', async () => {
  await inject({ method: 'DELETE', route: ROUTES.tags, mode: 'drop_after' });
  await expect(client(t).deleteTag('1')).resolves.toBeUndefined();
  expect(await seen(t, 'DELETE', ROUTES.tags)).toEqual(['0 drop_after', '404']);
  expect((await adminTags(t)).find((tag) => tag.id === '1')).toMatchObject({ deleted: true });
});

it('a delete of an unknown tag still fails with TAG_NOT_FOUND: no earlier attempt could have deleted it', async () => {
  const error = await apiFailure(client(t).deleteTag('999'));
  expect(error).toMatchObject({ code: 'TAG_NOT_FOUND' });
  expect(await seen(t, 'DELETE', ROUTES.tags)).toEqual(['404']);
});

