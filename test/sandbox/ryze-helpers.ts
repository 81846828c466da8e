import type { z } from 'zod/v4';
import { ApiError } from '../../shared/errors';
import { callEndpoint, createFetchTransport, toApiError, type CallParts, type Endpoint, type ServiceContext } from '../../shared/http';
import { isRyzeFailureBody, RYZEAPI_ERRORS, type RyzeApiClient } from '../../shared/ryzeapi';
import { createRedactor } from '../../shared/secrets';
import type { SandboxOptions } from '../../sandbox';
import { DEMO, FAST_RETRY, type TestSandbox } from './harness';

/**
 * Functional tests make more than RyzeAPI's 100 requests a minute per token; the limit itself is
 * tested in ryzeapi-rate-limit.test.ts with a small one.
 */
export const ROOMY: Partial<SandboxOptions> = { ryzeRateLimit: { limit: 100_000, windowMs: 60_000 } };

/** The core client without client-side pacing (the sandbox is the only limit that matters here). */
export const client = (t: TestSandbox, options: Parameters<TestSandbox['ryze']>[0] = {}): RyzeApiClient => t.ryze({ rateLimit: false, ...options });

/**
 * One call through the client's own machinery (endpoints, transport, errors table), without the
 * client's input checks: how a test reaches the server's 400s that the client prevents, and still
 * sees which ApiError code the client would report. One attempt, no retries.
 */
export function rawCall(t: TestSandbox, token: string = DEMO.ryzeInstanceToken) {
  const context: ServiceContext = {
    service: 'ryzeapi',
    transport: createFetchTransport({ service: 'ryzeapi', baseUrl: t.sandbox.ryzeApiUrl, headers: { token }, timeoutMs: 10_000 }),
    redact: createRedactor([token]),
    errorRules: RYZEAPI_ERRORS,
    retry: { ...FAST_RETRY, maxAttempts: 1 },
    isFailureBody: isRyzeFailureBody,
  };
  return <Args extends unknown[], Schema extends z.ZodType>(endpoint: Endpoint<Args, Schema>, args: Args, parts?: CallParts) =>
    callEndpoint(context, endpoint, args, parts);
}

/** The ApiError the client's errors table makes of a raw answer (for requests no client sends). */
export function asClientError(response: { status: number; body: unknown }): ApiError {
  return toApiError('ryzeapi', RYZEAPI_ERRORS, response, createRedactor([]));
}

/** Awaits a promise that must reject with an ApiError and returns it. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, it succeeded');
}

export const auth = (token: string = DEMO.ryzeInstanceToken) => ({ headers: { token } });

export interface AdminTag {
  id: string;
  name: string;
  color: number;
  type: string;
  deleted: boolean;
  deletedAt: string | null;
  listed: boolean;
}

export interface AdminChat {
  chatJid: string;
  name: string | null;
  tagIds: string[];
}

export async function adminTags(t: TestSandbox, instance: string = DEMO.ryzeInstance): Promise<AdminTag[]> {
  return (await t.http('GET', `/_sandbox/ryze/instances/${encodeURIComponent(instance)}/tags`)).body.tags;
}

export async function adminChats(t: TestSandbox, instance: string = DEMO.ryzeInstance): Promise<AdminChat[]> {
  return (await t.http('GET', `/_sandbox/ryze/instances/${encodeURIComponent(instance)}/chats`)).body.chats;
}

export async function tagsOfChat(t: TestSandbox, chatJid: string): Promise<string[] | undefined> {
  return (await adminChats(t)).find((chat) => chat.chatJid === chatJid)?.tagIds;
}

/** `METHOD status` of each request the sandbox saw on a route, in order (`0` = dropped). */
export async function seen(t: TestSandbox, method: string, route: string): Promise<string[]> {
  const { requests } = (await t.http('GET', '/_sandbox/requests')).body as { requests: { method: string; route: string; status: number; fault?: string }[] };
  return requests.filter((r) => r.method === method && r.route === route).map((r) => `${r.status}${r.fault ? ` ${r.fault}` : ''}`);
}

export const reset = async (t: TestSandbox) => {
  const { status } = await t.http('POST', '/_sandbox/reset');
  if (status !== 200) throw new Error(`reset failed: ${status}`);
};

export const ROUTES = {
  tags: '/api/chat/tag/:instance',
  assign: '/api/chat/assignTag/:instance',
  byLabel: '/api/chat/contactsByLabel/:instance',
} as const;
