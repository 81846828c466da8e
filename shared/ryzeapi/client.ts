import { parseRyzeChatId } from '../destinations';
import { describeValue, fail, issue, ok, unwrap, type Parsed, type ValidationIssue } from '../errors';
import {
  callEndpoint,
  createFetchTransport,
  parseResourceId,
  RYZEAPI_RATE_LIMIT,
  sharedRateLimiters,
  type RateLimiterRegistry,
  type RetryOptions,
  type ServiceContext,
  type TokenBucketOptions,
  type TransportFactory,
} from '../http';
import { createRedactor, secretFingerprint } from '../secrets';
import { DEFAULT_TAG_COLOR, TAG_PALETTE, parseTagName, type TagColor } from '../tags';
import { parseRyzeApiCredentials, ryzeApiAuthHeaders, type RyzeApiCredentials } from './credentials';
import { RYZEAPI_ENDPOINTS as API } from './endpoints';
import { RYZEAPI_ERRORS } from './errors';
import { isRyzeFailureBody, type ChatsByLabelResponse, type RyzeTag } from './schemas';
import { ensureTagByName, findTagsByName, requestedTagColor, type EnsureTagResult, type TagOperations } from './tag-by-name';

export const RYZEAPI_DEFAULT_TIMEOUT_MS = 30_000;

const DEFAULT_COLOR: TagColor = { ...TAG_PALETTE[DEFAULT_TAG_COLOR], normalized: false };

export interface RyzeApiClientOptions {
  /** Validated here; see `ryzeApiCredentialsSchema`. */
  readonly credentials: unknown;
  /** The instance name, as in the RyzeAPI dashboard. */
  readonly instance: unknown;
  /** Builds a transport from the auth headers; defaults to fetch. Hosts pass their HTTP helper. */
  readonly transport?: TransportFactory;
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /**
   * Client-side pacing, per token across the process. Defaults to RyzeAPI's documented
   * 100 requests/min; `false` turns it off (the server's 429s are still honoured).
   */
  readonly rateLimit?: TokenBucketOptions | false;
  readonly rateLimiters?: RateLimiterRegistry;
  /** Country used to read phone numbers typed without a country code (e.g. `BR`). */
  readonly defaultCountry?: string;
}

export interface CreateTagResult {
  readonly tag: RyzeTag;
  /** The color sent, as a palette entry (0 when omitted: the service default). */
  readonly color: TagColor;
  /** The color given was not a palette index and became 0, as RyzeAPI itself would do. */
  readonly colorNormalized: boolean;
}

export interface TagAssignmentResult {
  /** The chat as sent to RyzeAPI (digits, or a JID). */
  readonly number: string;
  readonly tagId: string;
}

export interface AssignTagByNameResult extends TagAssignmentResult {
  readonly tag: RyzeTag;
  readonly tagCreated: boolean;
  readonly colorNormalized: boolean;
}

export type UnassignTagByNameResult =
  | (TagAssignmentResult & { readonly unassigned: true; readonly tag: RyzeTag })
  | { readonly number: string; readonly unassigned: false; readonly reason: 'TAG_NOT_FOUND'; readonly message: string };

export interface RyzeApiClient {
  readonly instance: string;
  listTags(options?: { includeDeleted?: boolean }): Promise<RyzeTag[]>;
  /** Not idempotent: creates a second tag with the same name if asked. `ensureTag` does not. */
  createTag(input: { name: unknown; color?: unknown }): Promise<CreateTagResult>;
  /** Also removes the tag from every chat. */
  deleteTag(tagId: unknown): Promise<RyzeTag | undefined>;
  assignTag(input: { number: unknown; tagId: unknown }): Promise<TagAssignmentResult>;
  unassignTag(input: { number: unknown; tagId: unknown }): Promise<TagAssignmentResult>;
  /** Chats with any of the labels; with neither filter, every labelled chat. */
  chatsByLabel(input?: { labelIds?: unknown; labelNames?: unknown; refresh?: unknown }): Promise<ChatsByLabelResponse>;
  /** Finds a tag by name (trimmed, case-insensitive), creating it only when absent. */
  ensureTag(name: unknown, color?: unknown): Promise<EnsureTagResult>;
  assignTagByName(input: { number: unknown; name: unknown; color?: unknown }): Promise<AssignTagByNameResult>;
  /** A tag that does not exist is not created: the result says nothing was removed. */
  unassignTagByName(input: { number: unknown; name: unknown }): Promise<UnassignTagByNameResult>;
}

export function createRyzeApiClient(options: RyzeApiClientOptions): RyzeApiClient {
  const credentials: RyzeApiCredentials = parseRyzeApiCredentials(options.credentials);
  const instance = unwrap(parseInstanceName(options.instance));
  const context: ServiceContext = {
    service: 'ryzeapi',
    transport: (options.transport ?? createFetchTransport)({
      service: 'ryzeapi',
      baseUrl: credentials.baseUrl,
      headers: ryzeApiAuthHeaders(credentials),
      timeoutMs: options.timeoutMs ?? RYZEAPI_DEFAULT_TIMEOUT_MS,
    }),
    redact: createRedactor([credentials.token]),
    errorRules: RYZEAPI_ERRORS,
    retry: options.retry,
    limiter:
      options.rateLimit === false
        ? undefined
        : (options.rateLimiters ?? sharedRateLimiters).forSecret('ryzeapi', credentials.token, options.rateLimit ?? RYZEAPI_RATE_LIMIT),
    isFailureBody: isRyzeFailureBody,
  };
  const chatId = (input: unknown) => parseRyzeChatId(input, 'number', { defaultCountry: options.defaultCountry });
  const flightKey = `${credentials.baseUrl}|${secretFingerprint(credentials.token)}|${instance}`;

  const listTags = async (includeDeleted = false) => {
    const { tags } = await callEndpoint(context, API.listTags, [instance]);
    return includeDeleted ? tags : tags.filter((tag) => !tag.deleted);
  };

  const deleteTag = (tagId: string) => callEndpoint(context, API.deleteTag, [instance], { query: { tagId } });

  const operations: TagOperations = {
    listTags: () => listTags(),
    createTag: async (name, color) => {
      const { tag } = await callEndpoint(context, API.createTag, [instance], { body: { name, ...(color ? { color: color.color } : {}) } });
      return tag;
    },
    deleteTag,
  };

  const assignment = async (endpoint: typeof API.assignTag, input: { number: unknown; tagId: unknown }) => {
    const [number, tagId] = unwrapAll(chatId(input.number), parseResourceId(input.tagId, 'tagId'));
    const parts = endpoint.method === 'POST' ? { body: { number, tagId } } : { query: { number, tagId } };
    await callEndpoint(context, endpoint, [instance], parts);
    return { number, tagId };
  };

  return {
    instance,

    listTags: (listOptions) => listTags(listOptions?.includeDeleted === true),

    async createTag(input) {
      const name = unwrap(parseTagName(input.name, 'name'));
      const color = requestedTagColor(input.color);
      const tag = await operations.createTag(name, color);
      return { tag, color: color ?? DEFAULT_COLOR, colorNormalized: color?.normalized ?? false };
    },

    async deleteTag(tagId) {
      const { tag } = await deleteTag(unwrap(parseResourceId(tagId, 'tagId')));
      return tag;
    },

    assignTag: (input) => assignment(API.assignTag, input),
    unassignTag: (input) => assignment(API.unassignTag, input),

    async chatsByLabel(input = {}) {
      return callEndpoint(context, API.chatsByLabel, [instance], { query: unwrap(parseLabelFilter(input)) });
    },

    async ensureTag(name, color) {
      const tagName = unwrap(parseTagName(name, 'name'));
      return ensureTagByName(operations, flightKey, tagName, requestedTagColor(color));
    },

    async assignTagByName(input) {
      const [number, name] = unwrapAll(chatId(input.number), parseTagName(input.name, 'name'));
      const ensured = await ensureTagByName(operations, flightKey, name, requestedTagColor(input.color));
      await callEndpoint(context, API.assignTag, [instance], { body: { number, tagId: ensured.tag.id } });
      return { number, tagId: ensured.tag.id, tag: ensured.tag, tagCreated: ensured.created, colorNormalized: ensured.colorNormalized };
    },

    async unassignTagByName(input) {
      const [number, name] = unwrapAll(chatId(input.number), parseTagName(input.name, 'name'));
      const tag = findTagsByName(await listTags(), name)[0];
      if (!tag) {
        return { number, unassigned: false, reason: 'TAG_NOT_FOUND', message: `No tag named "${name}" on this instance: nothing to remove.` };
      }
      await callEndpoint(context, API.unassignTag, [instance], { query: { number, tagId: tag.id } });
      return { number, tagId: tag.id, tag, unassigned: true };
    },
  };
}

function parseInstanceName(input: unknown): Parsed<string> {
  if (typeof input !== 'string') {
    return fail(issue('instance', 'required', input == null ? 'is required' : `must be text, got ${describeValue(input)}`));
  }
  const name = input.trim();
  return name ? ok(name) : fail(issue('instance', 'required', 'is required (the instance name in the RyzeAPI dashboard)'));
}

/** Unwraps several parses at once, so one error reports every bad field. */
function unwrapAll<A, B>(a: Parsed<A>, b: Parsed<B>): [A, B] {
  if (a.ok && b.ok) return [a.value, b.value];
  return unwrap(fail(...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)));
}

/** Items given as a list, or as comma-separated text. RyzeAPI joins them with commas. */
function listItems(input: unknown): unknown[] | undefined {
  if (input === undefined || input === null || input === '') return undefined;
  if (typeof input === 'string') return input.split(',').filter((item) => item.trim() !== '');
  return Array.isArray(input) ? input : [input];
}

function parseLabelFilter(input: { labelIds?: unknown; labelNames?: unknown; refresh?: unknown }): Parsed<Record<string, string | undefined>> {
  const issues: ValidationIssue[] = [];
  const read = (field: string, items: unknown[] | undefined, parse: (item: unknown, at: string) => Parsed<string>) => {
    if (!items || items.length === 0) return undefined;
    const values = items.flatMap((item, index) => {
      const parsed = parse(item, `${field}.${index}`);
      if (!parsed.ok) return issues.push(...parsed.issues), [];
      if (parsed.value.includes(',')) return issues.push(issue(`${field}.${index}`, 'label.comma', 'cannot contain a comma (RyzeAPI separates them with commas)')), [];
      return [parsed.value];
    });
    return values.join(',');
  };
  const labelIds = read('labelIds', listItems(input.labelIds), parseResourceId);
  const labelNames = read('labelNames', listItems(input.labelNames), (item, at) => parseTagName(item, at));
  if (labelIds !== undefined && labelNames !== undefined) {
    issues.push(issue('labelNames', 'labels.both', 'cannot be combined with labelIds: filter by ids or by names'));
  }
  if (input.refresh !== undefined && typeof input.refresh !== 'boolean') {
    issues.push(issue('refresh', 'refresh.type', `must be true or false, got ${describeValue(input.refresh)}`));
  }
  if (issues.length) return fail(...issues);
  return ok({ labelIds, labelNames, refresh: input.refresh === true ? 'true' : undefined });
}
