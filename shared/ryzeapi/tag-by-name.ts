import { uncertainCreates, type UncertainCreates } from '../http/uncertain-creates';
import { normalizeTagColor, tagNameKey, type TagColor } from '../tags';
import type { RyzeTag } from './schemas';
import { SingleFlight } from './single-flight';
import { oldestTagFirst } from './tag-order';

/** The low-level operations the by-name logic is built on. */
export interface TagOperations {
  listTags(): Promise<RyzeTag[]>;
  createTag(name: string, color: TagColor | undefined): Promise<RyzeTag>;
  deleteTag(tagId: string): Promise<unknown>;
}

export interface EnsureTagResult {
  readonly tag: RyzeTag;
  /** True only for the call that created it; concurrent callers that shared the work get false. */
  readonly created: boolean;
  /** The color asked for, as normalized (only applied when the tag was created). */
  readonly requestedColor?: TagColor;
  /** The requested color was not a palette index and became 0, as RyzeAPI would have done. */
  readonly colorNormalized: boolean;
  /**
   * Set when another process created the same name at the same time: ours was deleted and the
   * older tag kept, so the instance still has one tag per name.
   */
  readonly discardedDuplicateId?: string;
}

// Process-wide on purpose: two clients for the same instance and token must share it.
const flights = new SingleFlight<EnsureTagResult>();

/** Live tags whose name matches (trimmed, case-insensitive), oldest first. */
export function findTagsByName(tags: readonly RyzeTag[], name: string): RyzeTag[] {
  const key = tagNameKey(name);
  return tags.filter((tag) => !tag.deleted && tagNameKey(tag.name) === key).sort(oldestTagFirst);
}


/**
 * Finds the tag by name, creating it only when absent. Concurrent calls for the same
 * instance, token and name share one lookup and at most one create. After creating, the list is
 * read again: if another process created the same name meanwhile, the oldest tag wins and ours
 * is deleted, so both sides converge on one tag. After a create of the name that may have landed
 * unseen, the list is watched for it before a second create (see UncertainCreates).
 */
export async function ensureTagByName(
  operations: TagOperations,
  flightKey: string,
  name: string,
  color: TagColor | undefined,
  doubts: UncertainCreates = uncertainCreates,
): Promise<EnsureTagResult> {
  const colorReport = { ...(color ? { requestedColor: color } : {}), colorNormalized: isNormalized(color) };
  const key = `${flightKey}|${tagNameKey(name)}`;
  const { value, joined } = await flights.run(key, async () => {
    const lookUp = async () => findTagsByName(await operations.listTags(), name)[0];
    const existing = (await lookUp()) ?? (await doubts.awaitLanding(key, lookUp));
    if (existing) return { tag: existing, created: false, ...colorReport };

    const mine = await doubts.create(key, () => operations.createTag(name, color));
    const oldest = findTagsByName([...(await operations.listTags()).filter((t) => t.id !== mine.id), mine], name)[0] ?? mine;
    if (oldest.id === mine.id) return { tag: mine, created: true, ...colorReport };
    await operations.deleteTag(mine.id);
    return { tag: oldest, created: false, ...colorReport, discardedDuplicateId: mine.id };
  });
  return joined ? { ...value, created: false, ...colorReport } : value;
}

/**
 * The color a caller asked for, or `undefined` when none was given: a blank field (as hosts
 * send an unfilled one) means "service default", not "normalize to 0".
 */
export function requestedTagColor(input: unknown): TagColor | undefined {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return undefined;
  return normalizeTagColor(input);
}

const isNormalized = (color: TagColor | undefined): boolean => color?.normalized ?? false;
