import { NetworkError } from '../../shared/errors';
import { UncertainCreates } from '../../shared/http';
import { ensureTagByName, type TagOperations } from '../../shared/ryzeapi/tag-by-name';
import type { RyzeTag } from '../../shared/ryzeapi/schemas';

/**
 * An in-memory instance whose create can fail like a timed-out request: the failure reaches the
 * caller, and the tag appears (or not) some time later, as a slow server would make it.
 */
function slowInstance() {
  const tags: RyzeTag[] = [];
  let nextId = 1;
  const state = {
    tags,
    creates: 0,
    lists: 0,
    /** What the next create does: `landsAfterMs` (undefined: never lands) and fails unanswered. */
    nextCreate: undefined as undefined | { reason: 'timeout' | 'connection_refused'; landsAfterMs?: number },
  };
  const make = (name: string): RyzeTag => ({ id: String(nextId++), name, color: 0, deleted: false }) as unknown as RyzeTag;
  const operations: TagOperations = {
    async listTags() {
      state.lists += 1;
      return [...tags];
    },
    async createTag(name) {
      state.creates += 1;
      const failure = state.nextCreate;
      state.nextCreate = undefined;
      if (!failure) {
        const tag = make(name);
        tags.push(tag);
        return tag;
      }
      if (failure.landsAfterMs !== undefined) setTimeout(() => tags.push(make(name)), failure.landsAfterMs);
      throw new NetworkError('ryzeapi', failure.reason);
    },
    async deleteTag() {
      return undefined;
    },
  };
  return { state, operations };
}

const settling = () => new UncertainCreates({ windowMs: 1_000, pollMs: 20 });
let flight = 0;
const freshKey = () => `uncertain-create-${++flight}`;

describe('ensureTag after a create that may have landed unseen', () => {
  it('waits for the late tag instead of creating the name a second time', async () => {
    const { state, operations } = slowInstance();
    const key = freshKey();
    const doubts = settling();
    state.nextCreate = { reason: 'timeout', landsAfterMs: 100 };

    await expect(ensureTagByName(operations, key, 'VIP', undefined, doubts)).rejects.toMatchObject({ code: 'NETWORK', reason: 'timeout' });
    const second = await ensureTagByName(operations, key, 'vip', undefined, doubts);

    expect(state.creates).toBe(1);
    expect(state.tags).toHaveLength(1);
    expect(second).toMatchObject({ created: false, tag: { id: state.tags[0]!.id, name: 'VIP' } });
  });

  it('creates the name again once the window passes without the tag showing up', async () => {
    const { state, operations } = slowInstance();
    const key = freshKey();
    const doubts = new UncertainCreates({ windowMs: 500, pollMs: 50 });
    state.nextCreate = { reason: 'timeout' };

    await expect(ensureTagByName(operations, key, 'VIP', undefined, doubts)).rejects.toBeInstanceOf(NetworkError);
    const second = await ensureTagByName(operations, key, 'VIP', undefined, doubts);

    expect(state.creates).toBe(2);
    expect(second.created).toBe(true);
    expect(state.tags.map((t) => t.name)).toEqual(['VIP']);
    expect(state.lists).toBeGreaterThanOrEqual(4); // lookup, create failed; lookup, ≥1 watch, after-create check
  });

  it('does not wait after a failure that provably never reached the service', async () => {
    const { state, operations } = slowInstance();
    const key = freshKey();
    const doubts = settling();
    state.nextCreate = { reason: 'connection_refused' };

    await expect(ensureTagByName(operations, key, 'VIP', undefined, doubts)).rejects.toMatchObject({ reason: 'connection_refused' });
    const listsBefore = state.lists;
    await ensureTagByName(operations, key, 'VIP', undefined, doubts);

    expect(state.creates).toBe(2);
    expect(state.lists - listsBefore).toBe(2); // the lookup and the after-create check, no watching
  });

  it('watches only for the name that failed', async () => {
    const { state, operations } = slowInstance();
    const key = freshKey();
    const doubts = settling();
    state.nextCreate = { reason: 'timeout' };

    await expect(ensureTagByName(operations, key, 'VIP', undefined, doubts)).rejects.toBeInstanceOf(NetworkError);
    const listsBefore = state.lists;
    const other = await ensureTagByName(operations, key, 'Gold', undefined, doubts);

    expect(other.created).toBe(true);
    expect(state.lists - listsBefore).toBe(2);
  });
});
