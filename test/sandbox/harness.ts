import { CONTROLLED_OPTIONS, DEMO, startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox';
import { createPilotStatusClient, type PilotStatusClient } from '../../shared/pilotstatus';
import { createRyzeApiClient, type RyzeApiClient } from '../../shared/ryzeapi';
import { RateLimiterRegistry, type RetryOptions } from '../../shared/http';

export { DEMO };

/** Quick retries: tests of the sandbox speak real HTTP but should not wait real backoffs. */
export const FAST_RETRY: RetryOptions = { baseDelayMs: 5, maxDelayMs: 20, maxRateLimitWaitMs: 5_000 };

export interface TestSandbox {
  readonly sandbox: RunningSandbox;
  /** Plain HTTP to the sandbox (admin endpoints, or raw service calls a client would refuse to make). */
  http(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; raw?: Buffer; contentType?: string }): Promise<{ status: number; headers: Headers; body: any }>;
  pilot(credentials?: Record<string, unknown>, options?: { retry?: RetryOptions; timeoutMs?: number }): PilotStatusClient;
  ryze(options?: { token?: string; instance?: string; retry?: RetryOptions; rateLimit?: false }): RyzeApiClient;
  /** Runs the background processing once (tests start the sandbox with autoProcess off). */
  process(): Promise<void>;
  dump(): Promise<Record<string, Record<string, unknown>[]>>;
  close(): Promise<void>;
}

export async function startTestSandbox(overrides: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({
    ...CONTROLLED_OPTIONS,
    ...overrides,
  });
  const rateLimiters = new RateLimiterRegistry();

  const http: TestSandbox['http'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | Buffer | undefined;
    if (options.raw) {
      body = options.raw;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${sandbox.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };

  return {
    sandbox,
    http,
    pilot: (credentials = { apiKey: DEMO.keyRetention30 }, options = {}) =>
      createPilotStatusClient({
        credentials: { baseUrl: sandbox.pilotStatusUrl, ...credentials },
        retry: options.retry ?? FAST_RETRY,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        now: () => sandbox.context.clock.now(),
      }),
    ryze: (options = {}) =>
      createRyzeApiClient({
        credentials: { baseUrl: sandbox.ryzeApiUrl, token: options.token ?? DEMO.ryzeInstanceToken },
        instance: options.instance ?? DEMO.ryzeInstance,
        retry: options.retry ?? FAST_RETRY,
        rateLimiters,
        ...(options.rateLimit === false ? { rateLimit: false as const } : {}),
      }),
    process: () => sandbox.context.process(),
    dump: async () => (await http('GET', '/_sandbox/dump')).body,
    close: () => sandbox.close(),
  };
}
