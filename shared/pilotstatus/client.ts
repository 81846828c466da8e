import { fail, issue, ok, unwrap, withPrefix, type Parsed } from '../errors';
import {
  callEndpoint,
  createFetchTransport,
  parseResourceId,
  sharedRateLimiters,
  type RateLimiterRegistry,
  type RetryOptions,
  type ServiceContext,
  type TokenBucketOptions,
  type Transport,
  type TransportFactory,
  uncertainCreates,
} from '../http';
import { createRedactor, secretFingerprint } from '../secrets';
import { parseSendRequest, type SendMessageBody } from '../send';
import {
  hasTenantKey,
  parsePilotStatusCredentials,
  pilotStatusAuthHeaders,
  pilotStatusSecrets,
} from './credentials';
import { PILOTSTATUS_ENDPOINTS as API } from './endpoints';
import { PILOTSTATUS_ERRORS } from './errors';
import type { CancelResponse, PilotStatusMessage, PilotStatusTemplate, PilotStatusWebhook, SendMessageResponse } from './schemas';
import { parseCreateWebhook, parseUpdateWebhook, type CreateWebhookInput, type UpdateWebhookInput } from './webhook-input';

export const PILOTSTATUS_DEFAULT_TIMEOUT_MS = 30_000;
export const CANCEL_BATCH_MAX = 100;

export interface PilotStatusClientOptions {
  /** Validated here; see `pilotStatusCredentialsSchema`. */
  readonly credentials: unknown;
  /** Builds a transport from the auth headers; defaults to fetch. Hosts pass their HTTP helper. */
  readonly transport?: TransportFactory;
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Country used to read phone numbers typed without a country code (e.g. `BR`). */
  readonly defaultCountry?: string;
  /** The clock `deliverAt` is checked against. */
  readonly now?: () => Date;
  /** PilotStatus publishes no numbers, so no limit is applied unless one is given here. */
  readonly rateLimit?: TokenBucketOptions;
  readonly rateLimiters?: RateLimiterRegistry;
}

export interface CancelMessageResult {
  readonly id: string;
  readonly cancelled: boolean;
  /** Why not, when PilotStatus says (e.g. already sent), or `NOT_FOUND`. */
  readonly reason?: string;
  readonly response: CancelResponse;
}

export interface PilotStatusClient {
  /** The base URL in use; the credentials themselves are not exposed, so they cannot end up in a log. */
  readonly baseUrl: string;
  /** Validates everything first: an invalid send throws `ValidationError` and sends nothing. */
  sendMessage(input: unknown): Promise<SendMessageResponse>;
  /** By internal id, correlationId or WhatsApp message id. */
  getMessage(id: unknown): Promise<PilotStatusMessage>;
  /** Cancels one scheduled (not yet sent) message. */
  cancelMessage(id: unknown): Promise<CancelMessageResult>;
  cancelMessages(ids: unknown): Promise<CancelResponse>;
  listTemplates(): Promise<PilotStatusTemplate[]>;
  listWebhooks(): Promise<PilotStatusWebhook[]>;
  createWebhook(input: CreateWebhookInput): Promise<PilotStatusWebhook>;
  /**
   * Makes `input.url` receive `input.events` with one registration: a webhook already registered
   * for the URL (a registration whose answer was lost) is updated and reused instead of doubled.
   */
  registerWebhook(input: CreateWebhookInput): Promise<PilotStatusWebhook>;
  getWebhook(id: unknown): Promise<PilotStatusWebhook>;
  /** `events` replaces the whole list. */
  updateWebhook(id: unknown, changes: UpdateWebhookInput): Promise<PilotStatusWebhook>;
  deleteWebhook(id: unknown): Promise<{ readonly id: string; readonly deleted: true }>;
}

export function createPilotStatusClient(options: PilotStatusClientOptions): PilotStatusClient {
  const credentials = parsePilotStatusCredentials(options.credentials);
  const makeTransport = options.transport ?? createFetchTransport;
  const transportFor = (scope: 'number' | 'tenant'): Transport =>
    makeTransport({
      service: 'pilotstatus',
      baseUrl: credentials.baseUrl,
      headers: pilotStatusAuthHeaders(credentials, scope),
      scope,
      timeoutMs: options.timeoutMs ?? PILOTSTATUS_DEFAULT_TIMEOUT_MS,
    });
  const numberKey = credentials.apiKey ?? credentials.apiKeyId ?? '';
  const context: ServiceContext = {
    service: 'pilotstatus',
    transport: transportFor('number'),
    redact: createRedactor(pilotStatusSecrets(credentials)),
    errorRules: PILOTSTATUS_ERRORS,
    retry: options.retry,
    limiter: options.rateLimit
      ? (options.rateLimiters ?? sharedRateLimiters).forSecret('pilotstatus', numberKey, options.rateLimit)
      : undefined,
  };
  // Webhooks go through the tenant key when there is one; the number key manages its own number's.
  const tenantTransport = hasTenantKey(credentials) ? transportFor('tenant') : undefined;
  const tenant = { transport: tenantTransport };
  const webhookAccount = `pilotstatus|${credentials.baseUrl}|${secretFingerprint(hasTenantKey(credentials) ? (credentials.tenantApiKey ?? credentials.tenantApiKeyId ?? '') : numberKey)}`;

  return {
    baseUrl: credentials.baseUrl,

    async sendMessage(input) {
      const body: SendMessageBody = unwrap(parseSendRequest(input, { defaultCountry: options.defaultCountry, now: options.now?.() ?? new Date() }));
      return callEndpoint(context, API.sendMessage, [], { body });
    },

    async getMessage(id) {
      return callEndpoint(context, API.getMessage, [unwrap(parseResourceId(id, 'messageId'))]);
    },

    async cancelMessage(id) {
      const messageId = unwrap(parseResourceId(id, 'messageId'));
      const response = await callEndpoint(context, API.cancelMessages, [], { body: { messageIds: [messageId] } });
      return { id: messageId, ...readCancelOutcome(response, messageId), response };
    },

    async cancelMessages(ids) {
      return callEndpoint(context, API.cancelMessages, [], { body: { messageIds: unwrap(parseMessageIds(ids)) } });
    },

    async listTemplates() {
      return callEndpoint(context, API.listTemplates, []);
    },

    async listWebhooks() {
      return callEndpoint(context, API.listWebhooks, [], tenant);
    },

    async createWebhook(input) {
      return callEndpoint(context, API.createWebhook, [], { ...tenant, body: unwrap(parseCreateWebhook(input)) });
    },

    async registerWebhook(input) {
      const body = unwrap(parseCreateWebhook(input));
      const key = `${webhookAccount}|webhook|${body.url}`;
      const lookUp = async () => (await callEndpoint(context, API.listWebhooks, [], tenant)).find((webhook) => webhook.url === body.url);
      const existing = (await lookUp()) ?? (await uncertainCreates.awaitLanding(key, lookUp));
      if (existing) return callEndpoint(context, API.updateWebhook, [existing.id], { ...tenant, body: { events: body.events } });
      return uncertainCreates.create(key, () => callEndpoint(context, API.createWebhook, [], { ...tenant, body }));
    },

    async getWebhook(id) {
      return callEndpoint(context, API.getWebhook, [unwrap(parseResourceId(id, 'webhookId'))], tenant);
    },

    async updateWebhook(id, changes) {
      const webhookId = parseResourceId(id, 'webhookId');
      const body = parseUpdateWebhook(changes);
      const issues = [...(webhookId.ok ? [] : webhookId.issues), ...(body.ok ? [] : body.issues)];
      if (!webhookId.ok || !body.ok) return unwrap(fail(...issues));
      return callEndpoint(context, API.updateWebhook, [webhookId.value], { ...tenant, body: body.value });
    },

    async deleteWebhook(id) {
      const webhookId = unwrap(parseResourceId(id, 'webhookId'));
      await callEndpoint(context, API.deleteWebhook, [webhookId], tenant);
      return { id: webhookId, deleted: true } as const;
    },
  };
}

function parseMessageIds(input: unknown): Parsed<string[]> {
  const list = typeof input === 'string' ? input.split(',').filter((s) => s.trim() !== '') : input;
  if (!Array.isArray(list) || list.length === 0) return fail(issue('messageIds', 'required', 'must list at least one message id'));
  if (list.length > CANCEL_BATCH_MAX) {
    return fail(issue('messageIds', 'messageIds.too_many', `has ${list.length} ids, at most ${CANCEL_BATCH_MAX} per request`));
  }
  const parsed = list.map((id, index) => parseResourceId(id, String(index)));
  const issues = parsed.flatMap((p) => (p.ok ? [] : withPrefix('messageIds', p.issues)));
  return issues.length ? fail(...issues) : ok([...new Set(parsed.map((p) => (p.ok ? p.value : '')))]);
}

type Ref = string | { id?: string | null | undefined; messageId?: string | null | undefined };
const refersTo = (ref: Ref, id: string) => (typeof ref === 'string' ? ref === id : ref.id === id || ref.messageId === id);

/** Reads the outcome for one id from either documented answer shape. */
function readCancelOutcome(response: CancelResponse, id: string): { cancelled: boolean; reason?: string } {
  const failed = response.failed?.find((entry) => refersTo(entry, id));
  if (failed) return { cancelled: false, reason: failed.reason ?? 'FAILED' };
  const notFound = Array.isArray(response.notFound) ? response.notFound.some((ref) => refersTo(ref, id)) : (response.notFound ?? 0) > 0;
  const cancelled = Array.isArray(response.cancelled) ? response.cancelled.some((ref) => refersTo(ref, id)) : (response.cancelled ?? 0) > 0;
  if (cancelled) return { cancelled: true };
  return notFound ? { cancelled: false, reason: 'NOT_FOUND' } : { cancelled: false };
}
